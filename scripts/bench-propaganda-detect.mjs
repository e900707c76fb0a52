// CPU time of the whole propaganda detector (`detect`: scoring, spans, classification, explanations) over
// documents the pipeline built beforehand, per pass after a warm-up on 20 documents.
// Usage: node scripts/bench-propaganda-detect.mjs [PACKAGE_ROOT (default .; a built checkout, to compare)] [ARTICLES_DIR] [PASSES (default 3)]
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
const root = resolve(process.argv[2] ?? '.');
const dir = process.argv[3] ?? '../shared/datasets/ptc-semeval2020-task11/train-articles';
const passes = Number(process.argv[4] ?? 3);
const { analyze } = await import(join(root, 'dist/src/pipeline/analyze.js'));
const { createPropagandaDetector } = await import(join(root, 'dist/src/detectors/propaganda/index.js'));
// A detector that keeps the analysed documents, so the pass below times the propaganda detector alone.
const docs = [];
const keep = { name: 'keep', kind: 'propaganda', labels: [], detect: (doc) => (docs.push(doc), []) };
for (const f of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) analyze(readFileSync(join(dir, f), 'utf8'), { detectors: [keep] });
const detector = createPropagandaDetector();
for (const doc of docs.slice(0, 20)) detector.detect(doc);
const seconds = [];
for (let p = 0; p < passes; p++) {
  const before = process.cpuUsage();
  for (const doc of docs) detector.detect(doc);
  const used = process.cpuUsage(before);
  seconds.push((used.user + used.system) / 1e6);
}
console.log(`${root}: propaganda detect over ${docs.length} documents, CPU s per pass: ${seconds.map((s) => s.toFixed(2)).join(' ')}`);
