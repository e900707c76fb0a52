// node scripts/bench-passes.mjs [DIR] [--passes 3] [--root BUILD] [--split] [--v8 FLAGS]
// CPU seconds of whole analyses (`analyze()` with the shared detectors, then JSON.stringify, as
// the CLI does) over every file of DIR, pass after pass in one process, with each phase's share
// (wall ms, from `timings`) and the time V8 spent in garbage collection. The first pass pays for
// JIT warm-up (V8's compilers, deoptimisations) and whatever caches fill with the corpus's words;
// later passes show the steady state. With --split, the files are cut in two halves A and B and
// the passes run over A, B, B: B after A has a warm JIT but cold per-word caches, so B's first
// pass against its second shows what the caches save. Run `npm run build` first.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { pathToFileURL } from 'node:url';

const { values, positionals } = parseArgs({
  options: { passes: { type: 'string', default: '3' }, root: { type: 'string', default: '.' }, split: { type: 'boolean', default: false }, v8: { type: 'string' } },
  allowPositionals: true,
});
const dir = positionals[0] ?? '../shared/datasets/ptc-semeval2020-task11/train-articles';
// V8 flags to set at run time, as an entry point would (e.g. --v8 "--interrupt-budget=270336").
if (values.v8) setFlagsFromString(values.v8);
const root = pathToFileURL(resolve(values.root) + '/').href;
const { analyze } = await import(new URL('dist/src/pipeline/analyze.js', root).href);
const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
const texts = files.map((f) => readFileSync(join(dir, f), 'utf8'));
const half = Math.floor(texts.length / 2);
const sets = values.split
  ? [['A', texts.slice(0, half)], ['B', texts.slice(half)], ['B', texts.slice(half)]]
  : Array.from({ length: Number(values.passes) }, () => ['all', texts]);

let gcMs = 0;
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcMs += e.duration;
}).observe({ entryTypes: ['gc'] });
// The main thread's own CPU (the rest of the process's is V8's background threads: the
// optimising compiler, concurrent marking and sweeping), from /proc on Linux.
const TICK = 100;
const mainCpu = () => {
  try {
    const f = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) / TICK;
  } catch {
    return NaN;
  }
};
const cpu = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1e6;
};
const start0 = cpu();
for (const [name, set] of sets) {
  const phases = {};
  const gc0 = gcMs;
  const start = cpu();
  const main0 = mainCpu();
  for (const text of set) {
    const timings = {};
    JSON.stringify(analyze({ text, meta: { source: 'x.txt' } }, { timings }));
    for (const [k, v] of Object.entries(timings)) phases[k] = (phases[k] ?? 0) + v;
  }
  await new Promise((r) => setTimeout(r, 100));
  const used = cpu() - start;
  const onMain = mainCpu() - main0;
  const parts = Object.entries(phases).map(([k, v]) => `${k} ${(v / 1000).toFixed(2)}`).join(', ');
  console.log(`${name} (${set.length} files): CPU ${used.toFixed(2)} s (main thread ${onMain.toFixed(2)}); wall s by phase: ${parts}; gc ${((gcMs - gc0) / 1000).toFixed(2)} s`);
}
console.log(`total CPU incl. load ${cpu().toFixed(2)} s (after import ${start0.toFixed(2)} s)`);
