// npm run bench:latency [-- --requests 200]
// One ~1,000-word article (bench/fixtures/article.txt) to a warm server (one worker),
// one request at a time: client-side p50 and p99, and the median of each phase the
// server reports in Server-Timing. The first request is timed too: a server's first
// analysis should be as fast as its others.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startServer } from './server.js';

const { values } = parseArgs({ options: { requests: { type: 'string', default: '200' } } });
const REQUESTS = Number(values.requests);
const body = JSON.stringify({ text: readFileSync(new URL('./fixtures/article.txt', import.meta.url), 'utf8') });
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

const { child, url } = await startServer(1);
try {
  // The client's own first fetch loads undici and opens the keep-alive connection (about
  // 100 ms on the 2-core machine); a GET /readyz pays for that without warming the analysis path.
  await (await fetch(`${url}/readyz`)).arrayBuffer();
  const totals: number[] = [];
  const phases = new Map<string, number[]>();
  for (let i = 0; i < REQUESTS; i++) {
    const t0 = performance.now();
    const response = await fetch(`${url}/v1/analyze`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    await response.arrayBuffer();
    totals.push(performance.now() - t0);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    for (const metric of (response.headers.get('server-timing') ?? '').split(', ')) {
      const [name, dur] = metric.split(';dur=');
      if (name && dur) phases.set(name, [...(phases.get(name) ?? []), Number(dur)]);
    }
  }
  console.log(`${REQUESTS} sequential POST /v1/analyze, one ~1,000-word article, warm server with one worker`);
  console.log(`client latency p50 ${quantile(totals, 0.5).toFixed(1)} ms, p99 ${quantile(totals, 0.99).toFixed(1)} ms`);
  console.log(`server phases (median ms): ${[...phases].map(([name, xs]) => `${name} ${quantile(xs, 0.5).toFixed(1)}`).join(', ')}`);
} finally {
  child.kill('SIGTERM');
}
