// One analysis thread of a built checkout as the server runs it (piscina, the serve warm-up),
// then REQUESTS sequential analyses of bench/fixtures/article.txt handed straight to it (no
// HTTP): the thread's analyze time per request (p50, p90, p99, the first five) and the whole
// process's CPU per request, all threads (the JIT's and the collector's included), which a
// shared machine's load moves far less than wall time. Run two roots alternately to compare.
// Usage: node [--trace-gc] scripts/bench-thread.mjs [PACKAGE_ROOT (default .)] [REQUESTS (default 200)] [WARM_UP_ROUNDS (default 120)]
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [rootArg, requestsArg, warmArg] = process.argv.slice(2);
const root = resolve(rootArg ?? '.');
const requests = Number(requestsArg ?? 200);
const { createAnalysisThreads } = await import(pathToFileURL(join(root, 'dist/src/pipeline/worker/threads.js')).href);
const text = readFileSync(join(root, 'bench/fixtures/article.txt'), 'utf8');
const pool = createAnalysisThreads(1, { warmUpRounds: Number(warmArg ?? 120) });
await pool.run({ kind: 'ping' });
// A line the --trace-gc output can be split at: collections after it happened during the requests.
console.error('ready');
const cpu0 = process.cpuUsage();
const ms = [];
for (let i = 0; i < requests; i++) {
  const result = await pool.run({ kind: 'analyze', input: { text }, source: null });
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  ms.push(result.analyzeMs);
}
const cpu = process.cpuUsage(cpu0);
await pool.destroy();
const q = (p) => [...ms].sort((a, b) => a - b)[Math.min(ms.length - 1, Math.floor(p * ms.length))].toFixed(1);
console.log(`${root}: ${requests} requests; thread analyze p50 ${q(0.5)} p90 ${q(0.9)} p99 ${q(0.99)} max ${q(1)} ms; first five ${ms.slice(0, 5).map((x) => x.toFixed(0)).join(', ')} ms; process CPU per request ${((cpu.user + cpu.system) / 1000 / requests).toFixed(2)} ms`);
