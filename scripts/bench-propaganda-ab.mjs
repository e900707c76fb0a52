// CPU time of the whole propaganda detector (`detect`) of two built checkouts in one process, over the same
// documents (built once by the first checkout's pipeline), passes alternated (ABBA…), so that both see the
// same machine load; also checks that both give the same findings. Medians per pass and of the per-pass ratio.
// Usage: node scripts/bench-propaganda-ab.mjs ROOT_A ROOT_B [ARTICLES_DIR] [DOCS (default all)] [PASSES (default 8)]
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
const [A, B] = [resolve(process.argv[2] ?? '.'), resolve(process.argv[3] ?? '.')];
const dir = process.argv[4] ?? '../shared/datasets/ptc-semeval2020-task11/train-articles';
const limit = Number(process.argv[5] ?? Infinity), passes = Number(process.argv[6] ?? 8);
const { analyze } = await import(join(A, 'dist/src/pipeline/analyze.js'));
const docs = [];
const keep = { name: 'keep', kind: 'propaganda', labels: [], detect: (doc) => (docs.push(doc), []) };
for (const f of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().slice(0, limit)) analyze(readFileSync(join(dir, f), 'utf8'), { detectors: [keep] });
const detectors = [];
for (const root of [A, B]) {
  const { createPropagandaDetector } = await import(join(root, 'dist/src/detectors/propaganda/index.js'));
  const detector = createPropagandaDetector();
  for (const doc of docs) detector.detect(doc); // warm-up: model load, JIT
  detectors.push(detector);
}
const same = docs.every((doc) => JSON.stringify(detectors[0].detect(doc)) === JSON.stringify(detectors[1].detect(doc)));
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const ms = [[], []];
for (let p = 0; p < passes; p++) {
  for (const k of p % 2 ? [1, 0] : [0, 1]) {
    const start = cpu();
    for (const doc of docs) detectors[k].detect(doc);
    ms[k].push(cpu() - start);
  }
}
const median = (v) => { const s = [...v].sort((x, y) => x - y); return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const ratios = ms[0].map((a, p) => ms[1][p] / a);
const show = (v) => v.map((x) => x.toFixed(0)).join(' ');
console.log(`${docs.length} documents, same findings: ${same}`);
console.log(`A ${A}: ${show(ms[0])} ms CPU per pass, median ${median(ms[0]).toFixed(0)}`);
console.log(`B ${B}: ${show(ms[1])} ms CPU per pass, median ${median(ms[1]).toFixed(0)}`);
console.log(`B/A per pass: ${ratios.map((r) => r.toFixed(2)).join(' ')}, median ${median(ratios).toFixed(2)}`);
