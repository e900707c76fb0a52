// npm run bench:ratio [-- --corpus DIR] [--threads N] [--rounds 3]
// The speed figure of the README, as ratios measured in one run, so that no absolute time
// is needed: the whole-process time and peak RSS of `unspin analyze DIR --format json`
// (the built CLI, dist/) against a bare wink-nlp sentence and POS pass over the same
// files (bench/bare-wink.mjs). Rounds alternate the two; the median of each is used.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus } from './corpus.js';

const { values } = parseArgs({ options: { corpus: { type: 'string' }, threads: { type: 'string' }, rounds: { type: 'string', default: '3' } } });
const ROOT = new URL('..', import.meta.url).pathname;

function corpusDir(): string {
  if (values.corpus) return values.corpus;
  const dir = mkdtempSync(join(tmpdir(), 'unspin-bench-'));
  generateCorpus(400).forEach((text, i) => writeFileSync(join(dir, `article${String(i).padStart(3, '0')}.txt`), text));
  return dir;
}

/**
 * Wall time, CPU time (user + system, all threads) and peak RSS of one process, from GNU
 * time. On a shared machine the CPU ratio is the steadier figure; on an idle one, with
 * one thread, the two agree.
 */
function timed(command: string[]): { seconds: number; cpu: number; peakMb: number } {
  const stats = join(mkdtempSync(join(tmpdir(), 'unspin-time-')), 'stats');
  const started = performance.now();
  const child = spawnSync('/usr/bin/time', ['-f', '%U %S %M', '-o', stats, ...command], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const seconds = (performance.now() - started) / 1000;
  if (child.status !== 0) throw new Error(`${command.join(' ')} exited with ${child.status}`);
  const [user, system, kb] = readFileSync(stats, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  return { seconds, cpu: user! + system!, peakMb: kb! / 1024 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const dir = corpusDir();
const cli = [process.execPath, join(ROOT, 'dist/src/interfaces/cli/main.js'), 'analyze', dir, '--format', 'json', '--output', '/dev/null', ...(values.threads ? ['--threads', values.threads] : [])];
const bare = [process.execPath, join(ROOT, 'bench/bare-wink.mjs'), dir];
const runs = { cli: [] as number[], cliCpu: [] as number[], bare: [] as number[], bareCpu: [] as number[], rss: [] as number[] };
for (let r = 0; r < Number(values.rounds); r++) {
  const b = timed(bare);
  runs.bare.push(b.seconds);
  runs.bareCpu.push(b.cpu);
  const c = timed(cli);
  runs.cli.push(c.seconds);
  runs.cliCpu.push(c.cpu);
  runs.rss.push(c.peakMb);
}
const [b, c, bc, cc] = [median(runs.bare), median(runs.cli), median(runs.bareCpu), median(runs.cliCpu)];
console.log(`corpus: ${values.corpus ?? 'generated (400 articles, seed 20261126)'}; threads: ${values.threads ?? 'auto'}; ${values.rounds} rounds, medians`);
console.log('                     wall s    CPU s');
console.log(`bare wink-nlp pass ${b.toFixed(2).padStart(8)} ${bc.toFixed(2).padStart(8)}`);
console.log(`unspin analyze     ${c.toFixed(2).padStart(8)} ${cc.toFixed(2).padStart(8)}   peak RSS ${median(runs.rss).toFixed(0)} MB`);
console.log(`ratio              ${(c / b).toFixed(1).padStart(7)}x ${(cc / bc).toFixed(1).padStart(7)}x`);
