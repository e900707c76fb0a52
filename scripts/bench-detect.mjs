// CPU time of one detector's whole `detect` over documents the pipeline built beforehand, per pass
// after a warm-up on 20 documents, and a sha256 of its findings (to compare two builds' output).
// Usage: node scripts/bench-detect.mjs hate|propaganda|claims [PACKAGE_ROOT (default .; a built checkout, to compare)] [ARTICLES_DIR] [PASSES (default 3)]
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const FACTORIES = { hate: 'createHateDetector', propaganda: 'createPropagandaDetector', claims: 'createClaimsDetector' };
const [kind, rootArg, dirArg, passesArg] = process.argv.slice(2);
const root = resolve(rootArg ?? '.');
const dir = dirArg ?? '../shared/datasets/ptc-semeval2020-task11/train-articles';
const passes = Number(passesArg ?? 3);
const fail = (message) => {
  console.error(`bench-detect: ${message}`);
  process.exit(2);
};
if (!Object.hasOwn(FACTORIES, kind ?? '')) fail(`the first argument names the detector: ${Object.keys(FACTORIES).join(', ')} (got ${kind ?? 'nothing'})`);
if (!existsSync(join(root, 'dist/src/pipeline/analyze.js'))) fail(`${root}: no built checkout (run npm run build there)`);
if (!existsSync(dir)) fail(`${dir}: no such articles directory`);
if (!Number.isInteger(passes) || passes < 1) fail(`${passesArg}: passes must be a whole number of at least 1`);

const { analyze } = await import(join(root, 'dist/src/pipeline/analyze.js'));
const factory = (await import(join(root, `dist/src/detectors/${kind}/index.js`)))[FACTORIES[kind]];
// A detector that keeps the analysed documents, so the passes below time the named detector alone.
const docs = [];
const keep = { name: 'keep', kind, labels: [], detect: (doc) => (docs.push(doc), []) };
for (const f of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) analyze(readFileSync(join(dir, f), 'utf8'), { detectors: [keep] });
const detector = factory();
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
console.log(`${root}: ${kind} detect over ${docs.length} documents, CPU s per pass: ${seconds.map((s) => s.toFixed(2)).join(' ')}; findings sha256 ${hash.digest('hex').slice(0, 16)}`);
