#!/usr/bin/env node
/**
 * Leave-one-suite-out for the hate network: for each left-out suite, trains the network on
 * every other spent suite (plus HateXplain train) into a temporary file and evaluates the
 * whole detector (rules, guards, network) on the left-out suite with `unspin eval hate
 * --functional SUITE --net FILE`. Prints one line of figures per suite and their mean: the
 * figure that predicts a fresh holdout written in new wording. Needs `npm run build` first.
 *
 *   node scripts/loso-hate-net.mjs --data /work/shared/datasets/hatexplain [--leave-out holdout25.yml,holdout24.yml]
 *     [--net FILE] [--net-threshold P] [-- TRAINING OPTIONS]
 *
 * --in-article sets each case in a short news article (the detector's article path, sure band included).
 * --keep DIR writes the trained networks there (DIR/SUITE.bin) for later evaluations.
 * --net FILE evaluates one given network (--net DIR: DIR/SUITE.bin for each suite, as --keep left them) on each suite instead of training (the "before"
 * figures of a network that saw none of them). Training options after `--` are passed to
 * scripts/train-hate-net.ts (e.g. `-- --epochs 6 --hidden 64`); --select no is always added.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const argv = process.argv.slice(2);
const split = argv.indexOf('--');
const own = split < 0 ? argv : argv.slice(0, split);
const passed = split < 0 ? [] : argv.slice(split + 1);
const opt = (name, fallback) => {
  const i = own.indexOf(`--${name}`);
  return i < 0 ? fallback : own[i + 1];
};
const data = opt('data');
const net = opt('net');
const netThreshold = opt('net-threshold');
const leaveOut = opt('leave-out', 'holdout25.yml,holdout24.yml').split(',');
if (!data && !net) {
  console.error('usage: node scripts/loso-hate-net.mjs --data DIR [--leave-out A.yml,B.yml] [--net FILE] [-- training options]');
  process.exit(2);
}
const keep = opt('keep');
/** --in-article: each case set in a short news article, as `unspin eval hate --in-article` does. */
const inArticle = own.includes('--in-article');
const dir = keep ?? mkdtempSync(join(tmpdir(), 'hate-loso-'));
const NOT_HATEFUL_FP = { neutralPositive: ['neutral-mention', 'positive-mention'], counter: ['counter-reference', 'counter-quote'], negated: ['negated-hate'] };
const rows = [];
for (const suite of leaveOut) {
  // --net DIR: the networks a --keep DIR run left there, one per left-out suite.
  let file = net && statSync(net).isDirectory() ? join(net, `${suite}.bin`) : net;
  if (!file) {
    file = join(dir, `${suite}.bin`);
    // The training script's own list of every spent suite, less this one.
    execFileSync('node', ['--import', 'tsx', 'scripts/train-hate-net.ts', '--data', data, '--out', file, '--leave-out', suite, '--select', 'no', ...passed], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const out = execFileSync('node', ['dist/src/interfaces/cli/main.js', 'eval', 'hate', '--functional', join('data/hate/functional', suite), '--net', file, '--json', ...(inArticle ? ['--in-article'] : []), ...(netThreshold ? ['--net-threshold', netThreshold] : [])], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const lines = out.trim().split('\n');
  const figures = JSON.parse(lines[lines.length - 1]);
  // Per-functionality counts (hateful or not) from the text table: "  name  kind  rate%  (passed/n)".
  const counts = {};
  for (const line of lines) {
    const m = /^\s+(\S+)\s+(hateful|not-hateful)\s+[\d.]+%\s+\((\d+)\/(\d+)\)/.exec(line);
    if (m) counts[m[1]] = { kind: m[2], passed: Number(m[3]), n: Number(m[4]) };
  }
  const hateful = Object.entries(counts).filter(([, c]) => c.kind === 'hateful');
  const fp = (names) => {
    const cs = names.map((n) => counts[n]).filter(Boolean);
    const n = cs.reduce((a, c) => a + c.n, 0);
    return n === 0 ? null : cs.reduce((a, c) => a + c.n - c.passed, 0) / n;
  };
  const row = {
    suite,
    accuracy: figures.accuracy,
    hatefulRecall: hateful.reduce((a, [, c]) => a + c.passed, 0) / Math.max(1, hateful.reduce((a, [, c]) => a + c.n, 0)),
    below90: hateful.filter(([, c]) => c.passed / c.n < 0.9).map(([name, c]) => `${name} ${((100 * c.passed) / c.n).toFixed(0)}`),
    fpNeutralPositive: fp(NOT_HATEFUL_FP.neutralPositive),
    fpCounter: fp(NOT_HATEFUL_FP.counter),
    fpNegated: fp(NOT_HATEFUL_FP.negated),
  };
  rows.push(row);
  const pct = (x) => (x === null ? '  n/a' : `${(100 * x).toFixed(1)}%`);
  console.log(`${suite.padEnd(14)} accuracy ${pct(row.accuracy)}  hateful recall ${pct(row.hatefulRecall)}  FP neutral+positive ${pct(row.fpNeutralPositive)}  counter ${pct(row.fpCounter)}  negated ${pct(row.fpNegated)}  below 90%: ${row.below90.join(', ') || 'none'}`);
}
const mean = (k) => rows.reduce((a, r) => a + (r[k] ?? 0), 0) / rows.length;
console.log(`mean           accuracy ${(100 * mean('accuracy')).toFixed(1)}%  hateful recall ${(100 * mean('hatefulRecall')).toFixed(1)}%  FP neutral+positive ${(100 * mean('fpNeutralPositive')).toFixed(1)}%  counter ${(100 * mean('fpCounter')).toFixed(1)}%  negated ${(100 * mean('fpNegated')).toFixed(1)}%`);
