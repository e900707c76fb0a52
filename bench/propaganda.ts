/**
 * Throughput of the propaganda detector next to the spine alone, in the same run.
 *
 *   npm run bench:propaganda [-- ARTICLES_DIR] [--rounds N]
 *
 * With a directory (for example the PTC train-articles), every .txt file in it is the
 * corpus; without one, a fixed synthetic corpus of 60 news-like articles is generated
 * from a seeded generator, so runs compare.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createPropagandaDetector } from '../src/detectors/propaganda/index.js';
import { seededRandom } from '../src/core/random.js';
import { analyze } from '../src/pipeline/analyze.js';
import type { Detector } from '../src/detectors/detector.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { rounds: { type: 'string' } } });
const rounds = Number(values.rounds ?? 2);

const SENTENCES = [
  'The minister said on Tuesday that the budget would be published next week.',
  'Critics called the plan a disgraceful betrayal of hardworking families.',
  'Western-funded “activists” gathered outside the embassy, according to state media.',
  'Officials have not explained why the report was delayed for a third time.',
  'This is the worst crisis our nation has faced in a generation!',
  'The company reported revenue of $20bn, up 4 percent from a year earlier.',
  '“We will never surrender our freedom,” the senator told a cheering crowd.',
  'So-called experts keep telling us there is nothing to worry about.',
  'Residents said the water supply had been restored by Friday evening.',
  'Either we stop them now, or we lose everything we have built.',
];

function syntheticCorpus(): string[] {
  const random = seededRandom(7);
  return Array.from({ length: 60 }, (_, a) => {
    const lines = [`Article ${a + 1}: a report`, ''];
    const n = 15 + Math.floor(random() * 25);
    for (let i = 0; i < n; i++) lines.push(SENTENCES[Math.floor(random() * SENTENCES.length)]!);
    return lines.join('\n');
  });
}

const corpus = positionals[0]
  ? readdirSync(positionals[0]).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(positionals[0]!, f), 'utf8'))
  : syntheticCorpus();
const chars = corpus.reduce((s, t) => s + t.length, 0);

function measure(detectors: Detector[]): number {
  for (const text of corpus.slice(0, 3)) analyze(text, { detectors }); // warm-up: model and wink-nlp load
  const start = performance.now();
  for (let r = 0; r < rounds; r++) for (const text of corpus) analyze(text, { detectors });
  return (corpus.length * rounds) / ((performance.now() - start) / 1000);
}

const detector = createPropagandaDetector();
const spine = measure([]);
const withPropaganda = measure([detector]);
console.log(`corpus: ${corpus.length} articles, ${(chars / 1024).toFixed(0)} KiB (${positionals[0] ?? 'synthetic'}), ${rounds} rounds`);
console.log(`spine alone:          ${spine.toFixed(1)} articles/s`);
console.log(`spine + propaganda:   ${withPropaganda.toFixed(1)} articles/s (detector costs ${((1000 / withPropaganda - 1000 / spine)).toFixed(1)} ms/article)`);
