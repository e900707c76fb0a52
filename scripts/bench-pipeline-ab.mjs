// The whole analysis (`analyze()` with the shared detectors, then JSON.stringify, as the CLI
// does) of two built checkouts in one process, alternated document by document (A B, then B A),
// so that both see the same machine load even where it changes from second to second; checks
// that both give the same JSON for every document. After a warm-up pass, prints per pass the
// milliseconds of each phase (from `timings`, summed over the documents) and the process's CPU
// time spent in each build's analyses, then the medians and B/A.
// Usage: node scripts/bench-pipeline-ab.mjs ROOT_A ROOT_B [ARTICLES_DIR] [PASSES (default 4)]
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const roots = [resolve(process.argv[2] ?? '.'), resolve(process.argv[3] ?? '.')];
const dir = process.argv[4] ?? '../shared/datasets/ptc-semeval2020-task11/train-articles';
const passes = Number(process.argv[5] ?? 4);
const builds = await Promise.all(roots.map(async (root) => (await import(join(root, 'dist/src/pipeline/analyze.js'))).analyze));
const texts = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(dir, f), 'utf8'));
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const runs = [[], []];
let differ = 0;
for (let p = 0; p <= passes; p++) {
  const totals = [{ cpu: 0 }, { cpu: 0 }];
  texts.forEach((text, d) => {
    const out = [];
    for (const k of (d + p) % 2 ? [1, 0] : [0, 1]) {
      const timings = {};
      const start = cpu();
      out[k] = JSON.stringify(builds[k]({ text, meta: { source: `${d}.txt` } }, { timings }));
      totals[k].cpu += cpu() - start;
      for (const [phase, ms] of Object.entries(timings)) totals[k][phase] = (totals[k][phase] ?? 0) + ms;
    }
    if (p === 0 && out[0] !== out[1]) differ++;
  });
  if (p > 0) for (const k of [0, 1]) runs[k].push(totals[k]);
}

const median = (v) => {
  const s = [...v].sort((x, y) => x - y);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
console.log(`${texts.length} documents, ${differ} with different JSON; ${passes} passes after a warm-up, ms summed per pass`);
console.log(`A ${roots[0]}\nB ${roots[1]}`);
for (const phase of Object.keys(runs[0][0])) {
  const [a, b] = [0, 1].map((k) => runs[k].map((r) => r[phase]));
  const ratio = median(a.map((x, p) => b[p] / x));
  const show = (v) => v.map((x) => x.toFixed(0)).join(' ');
  console.log(`${phase.padEnd(11)} A ${show(a)} (median ${median(a).toFixed(0)}); B ${show(b)} (median ${median(b).toFixed(0)}); B/A median ${ratio.toFixed(3)}`);
}
