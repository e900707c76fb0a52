// CPU time of the whole hate detector (`detect`) over documents the pipeline built beforehand, per pass
// after a warm-up on 20 documents, and a sha256 of its findings (to compare two builds' output).
// Usage: node scripts/bench-hate-detect.mjs [PACKAGE_ROOT (default .; a built checkout, to compare)] [ARTICLES_DIR] [PASSES (default 3)] [--prof]
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
const root = resolve(process.argv[2] ?? '.');
const dir = process.argv[3] ?? '../shared/datasets/ptc-semeval2020-task11/train-articles';
const passes = Number(process.argv[4] ?? 3);
const { analyze } = await import(join(root, 'dist/src/pipeline/analyze.js'));
const { createHateDetector } = await import(join(root, 'dist/src/detectors/hate/index.js'));
// A detector that keeps the analysed documents, so the pass below times the hate detector alone.
const docs = [];
const keep = { name: 'keep', kind: 'hate', labels: [], detect: (doc) => (docs.push(doc), []) };
for (const f of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) analyze(readFileSync(join(dir, f), 'utf8'), { detectors: [keep] });
const detector = createHateDetector();
for (const doc of docs.slice(0, 20)) detector.detect(doc);
const seconds = [];
const hash = createHash('sha256');
for (let p = 0; p < passes; p++) {
  const before = process.cpuUsage();
  const all = docs.map((doc) => detector.detect(doc));
  const used = process.cpuUsage(before);
  seconds.push((used.user + used.system) / 1e6);
  if (p === 0) hash.update(JSON.stringify(all));
}
console.log(`${root}: hate detect over ${docs.length} documents, CPU s per pass: ${seconds.map((s) => s.toFixed(2)).join(' ')}; findings sha256 ${hash.digest('hex').slice(0, 16)}`);
