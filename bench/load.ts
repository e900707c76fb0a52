/**
 * Load test of `unspin serve` on loopback: 1,000 POST /v1/analyze requests over 50
 * connections with a ~1,000-word article. The server runs as a child process (so the
 * load generator does not share its main thread); its peak RSS, worker threads
 * included, is read from /proc. Exits 1 if any request failed.
 *
 *   npm run load [-- --requests 1000 --connections 50 --workers N]
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import autocannon from 'autocannon';
import { analyze } from '../src/index.js';
import { startServer } from './server.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const i = args.indexOf(`--${name}`);
  const value = i >= 0 ? Number(args[i + 1]) : fallback;
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`--${name}: expected a positive integer`);
  return value;
};
const REQUESTS = option('requests', 1000);
const CONNECTIONS = option('connections', 50);
const WORKERS = option('workers', availableParallelism());

const article = readFileSync(new URL('./fixtures/article.txt', import.meta.url), 'utf8');
const body = JSON.stringify({ text: article });
const words = article.split(/\s+/).filter(Boolean).length;

/** Resident memory of a process from /proc: now (VmRSS) and its high-water mark (VmHWM), in MB. */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

async function cannon(url: string, path: string, amount: number, connections: number, post: boolean) {
  return autocannon({
    url: url + path,
    amount,
    connections,
    method: post ? 'POST' : 'GET',
    ...(post ? { headers: { 'content-type': 'application/json' }, body } : {}),
    timeout: 60,
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** In-process cost of one document on this thread: analyze() and JSON.stringify, median of 50 after 50 to warm the JIT. */
function inProcessCost(): { analyzeMs: number; stringifyMs: number } {
  for (let i = 0; i < 50; i++) analyze(article);
  const analyzeMs: number[] = [];
  const stringifyMs: number[] = [];
  for (let i = 0; i < 50; i++) {
    const t0 = performance.now();
    const analysis = analyze(article);
    const t1 = performance.now();
    JSON.stringify(analysis);
    analyzeMs.push(t1 - t0);
    stringifyMs.push(performance.now() - t1);
  }
  return { analyzeMs: median(analyzeMs), stringifyMs: median(stringifyMs) };
}

/**
 * Sequential requests, one at a time: the client's latency against the worker's own
 * analyze() time (the Server-Timing header), so the rest (HTTP, parsing, validation,
 * the hop to the worker thread and back) is measured, not guessed.
 */
async function unqueued(url: string, count: number): Promise<{ totalMs: number; analyzeMs: number }> {
  const totals: number[] = [];
  const analyses: number[] = [];
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    const response = await fetch(`${url}/v1/analyze`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    await response.arrayBuffer();
    totals.push(performance.now() - t0);
    analyses.push(Number(/dur=([\d.]+)/.exec(response.headers.get('server-timing') ?? '')?.[1]));
  }
  return { totalMs: median(totals), analyzeMs: median(analyses) };
}

const { child, url } = await startServer(WORKERS);
const idle = memoryOf(child.pid!);
try {
  const single = await unqueued(url, 50);
  const health = await cannon(url, '/healthz', 2000, CONNECTIONS, false);
  const result = await cannon(url, '/v1/analyze', REQUESTS, CONNECTIONS, true);
  const memory = memoryOf(child.pid!);
  const local = inProcessCost();

  const errors = result.errors + result.timeouts + result.non2xx;
  const failed = errors > 0 || result.requests.total < REQUESTS;
  const rate = result.requests.total / result.duration;
  const ideal = (WORKERS * 1000) / single.analyzeMs;
  const line = (label: string, value: string) => console.log(`  ${label.padEnd(36)} ${value}`);

  console.log(`\nunspin load test: POST /v1/analyze, ${result.requests.total} requests over ${CONNECTIONS} connections, ${WORKERS} worker threads`);
  console.log(`  article: ${words} words, ${Buffer.byteLength(body)} bytes of JSON`);
  line('requests/s', rate.toFixed(1));
  line('latency p50 / p99 / max', `${result.latency.p50} / ${result.latency.p99} / ${result.latency.max} ms`);
  line('errors (errors + timeouts + non-2xx)', String(errors));
  line('server RSS idle / peak (VmHWM)', `${idle.rss.toFixed(0)} MB / ${memory.peak.toFixed(0)} MB (one process, worker threads included)`);
  console.log('\nwhere the time goes (medians)');
  line('one request at a time, client side', `${single.totalMs.toFixed(1)} ms`);
  line('  of which analyze() in the worker', `${single.analyzeMs.toFixed(1)} ms (Server-Timing)`);
  line('  the rest: HTTP, parse, thread hop', `${(single.totalMs - single.analyzeMs).toFixed(1)} ms`);
  line('analyze() in this process', `${local.analyzeMs.toFixed(1)} ms + ${local.stringifyMs.toFixed(2)} ms JSON.stringify (done in the worker)`);
  line('ceiling: workers x 1000 / analyze', `${ideal.toFixed(1)} docs/s; measured ${((rate / ideal) * 100).toFixed(0)}% of it`);
  line('GET /healthz, HTTP alone', `${(health.requests.total / health.duration).toFixed(0)} requests/s, p50 ${health.latency.p50} ms`);
  line('queueing at this concurrency', `p50 ${result.latency.p50} ms vs ${single.totalMs.toFixed(1)} ms alone`);
  if (failed) {
    console.error(`\nFAILED: ${errors} errors, ${result.requests.total}/${REQUESTS} requests`);
    process.exitCode = 1;
  }
} finally {
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
}
