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

interface Timing {
  ms: number;
  /** Time spent inside the claim detector alone. */
  detectorMs: number;
  /** CPU time (user + system, this process) spent inside the claim detector: steadier than wall time on a shared machine. */
  detectorCpuMs: number;
  sentences: number;
  claims: number;
}

const inner = createClaimsDetector();
let detectorMs = 0;
let detectorCpuMs = 0;
// Times the detector inside the pipeline, so its own cost is measured, not guessed from a difference.
const claimsDetector: Detector = {
  ...inner,
  detect(doc) {
    const start = performance.now();
    const cpu = process.cpuUsage();
    const found = inner.detect(doc);
    const used = process.cpuUsage(cpu);
    detectorMs += performance.now() - start;
    detectorCpuMs += (used.user + used.system) / 1000;
    return found;
  },
};

function run(detectors: Detector[]): Timing {
  let sentences = 0;
  let claims = 0;
  detectorMs = 0;
  detectorCpuMs = 0;
  const start = performance.now();
  for (const text of articles) {
    const a = analyze({ text }, { detectors });
    sentences += a.sentences.length;
    claims += a.findings.length;
  }
  return { ms: performance.now() - start, detectorMs, detectorCpuMs, sentences, claims };
}

run([claimsDetector]); // warm-up: loads wink-nlp, the model and the word lists
const rounds = Number(values.rounds);
// Rounds alternate, so a busy machine slows both alike; the best round of each counts.
const spineRuns: Timing[] = [];
const claimRuns: Timing[] = [];
for (let i = 0; i < rounds; i++) {
  spineRuns.push(run([]));
  claimRuns.push(run([claimsDetector]));
}
const fastest = (runs: Timing[]) => runs.reduce((a, b) => (b.ms < a.ms ? b : a));
const spine = fastest(spineRuns);
const withClaims = fastest(claimRuns);
const detectorOnly = claimRuns.reduce((a, b) => (b.detectorMs < a.detectorMs ? b : a));

const row = (name: string, r: { ms: number; sentences: number }) =>
  `${name.padEnd(16)} ${(r.sentences / (r.ms / 1000)).toFixed(0).padStart(8)} sentences/s ${(articles.length / (r.ms / 1000)).toFixed(1).padStart(8)} articles/s ${(bytes / 1e6 / (r.ms / 1000)).toFixed(2).padStart(6)} MB/s`;
console.log(`${articles.length} articles, ${spine.sentences} sentences, ${(bytes / 1e6).toFixed(2)} MB from ${dir}; best of ${rounds} rounds`);
console.log(row('spine alone', spine));
console.log(row('spine + claims', withClaims));
console.log(row('claims detector', { ms: detectorOnly.detectorMs, sentences: detectorOnly.sentences }));
const cpuMs = claimRuns.map((r) => r.detectorCpuMs).sort((a, b) => a - b);
console.log(`claims detector CPU ${cpuMs[0]!.toFixed(0)} ms best, ${cpuMs[Math.floor(cpuMs.length / 2)]!.toFixed(0)} ms median of ${rounds} rounds (user + system)`);
console.log(`${withClaims.claims} claims reported (${((withClaims.claims / spine.sentences) * 100).toFixed(1)}% of sentences)`);
