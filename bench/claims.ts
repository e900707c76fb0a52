/**
 * Speed of the claim detector next to the spine alone (text model + provenance), same
 * articles, same process. Articles are read at run time, never committed:
 *
 *   npm run bench:claims -- [DIR of .txt articles] [--limit N] [--rounds R]
 *
 * Default DIR: ../shared/datasets/ptc-semeval2020-task11/train-articles (news articles).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createClaimsDetector } from '../src/detectors/claims/index.js';
import type { Detector } from '../src/detectors/detector.js';
import { analyze } from '../src/pipeline/analyze.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { limit: { type: 'string', default: '100' }, rounds: { type: 'string', default: '3' } } });
const dir = positionals[0] ?? join('..', 'shared', 'datasets', 'ptc-semeval2020-task11', 'train-articles');
const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().slice(0, Number(values.limit));
const articles = files.map((f) => readFileSync(join(dir, f), 'utf8')).filter((t) => t.trim() !== '');
const bytes = articles.reduce((n, t) => n + Buffer.byteLength(t), 0);

function run(detectors: Detector[]): { ms: number; sentences: number; claims: number } {
  let sentences = 0;
  let claims = 0;
  const start = performance.now();
  for (const text of articles) {
    const a = analyze({ text }, { detectors });
    sentences += a.sentences.length;
    claims += a.findings.length;
  }
  return { ms: performance.now() - start, sentences, claims };
}

const claimsDetector = createClaimsDetector();
run([claimsDetector]); // warm-up: loads wink-nlp, the model and the word lists
const rounds = Number(values.rounds);
const best = (detectors: Detector[]) => Array.from({ length: rounds }, () => run(detectors)).reduce((a, b) => (b.ms < a.ms ? b : a));
const spine = best([]);
const withClaims = best([claimsDetector]);

const row = (name: string, r: { ms: number; sentences: number }) =>
  `${name.padEnd(16)} ${(r.sentences / (r.ms / 1000)).toFixed(0).padStart(8)} sentences/s ${(articles.length / (r.ms / 1000)).toFixed(1).padStart(8)} articles/s ${(bytes / 1e6 / (r.ms / 1000)).toFixed(2).padStart(6)} MB/s`;
console.log(`${articles.length} articles, ${spine.sentences} sentences, ${(bytes / 1e6).toFixed(2)} MB from ${dir}; best of ${rounds} rounds`);
console.log(row('spine alone', spine));
console.log(row('spine + claims', withClaims));
const claimsOnlyMs = withClaims.ms - spine.ms;
console.log(`claims detector alone: ~${(spine.sentences / (claimsOnlyMs / 1000)).toFixed(0)} sentences/s; ${withClaims.claims} claims reported (${((withClaims.claims / spine.sentences) * 100).toFixed(1)}% of sentences)`);
