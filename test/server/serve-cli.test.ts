import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { test } from 'node:test';
import { bigText } from './support.js';

const CLI = ['--import', 'tsx', 'src/interfaces/cli/main.ts'];
const run = (...args: string[]) => spawnSync(process.execPath, [...CLI, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

test('serve --help lists the options and exits 0', () => {
  const result = run('serve', '--help');
  assert.equal(result.status, 0, result.stderr);
  for (const option of ['--port', '--host', '--workers', '--timeout', '--body-limit', '--max-batch', '--rate-limit']) assert.match(result.stdout, new RegExp(option));
  assert.match(result.stdout, /UNSPIN_PORT/);
});

test('a bad --port is a one-line usage error, exit 2', () => {
  const result = run('serve', '--port', 'eighty');
  assert.equal(result.status, 2);
  assert.equal(result.stdout, '');
  assert.equal(result.stderr, 'unspin: --port "eighty": expected an integer from 0 to 65535 (UNSPIN_E_USAGE)\n');
});

test('on SIGTERM the server finishes the request in flight, closes the pool and exits 0', async () => {
  const child = spawn(process.execPath, [...CLI, 'serve', '--port', '0', '--workers', '1', '--rate-limit', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines: Array<Record<string, unknown>> = [];
  const waiters: Array<() => void> = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    lines.push(JSON.parse(line) as Record<string, unknown>);
    waiters.splice(0).forEach((wake) => wake());
  });
  const waitFor = async (test: (record: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> => {
    for (;;) {
      const found = lines.find(test);
      if (found) return found;
      const ended = await Promise.race([new Promise<false>((resolve) => waiters.push(() => resolve(false))), exited.then(() => true)]);
      if (ended && !lines.some(test)) throw new Error(`server exited early: ${stderr}`);
    }
  };

  try {
    const listening = await waitFor((r) => typeof r.msg === 'string' && r.msg.startsWith('Server listening at http://127.0.0.1:'));
    const base = (listening.msg as string).replace('Server listening at ', '');
    await waitFor((r) => r.msg === 'workers ready');

    const text = bigText(1024 * 1024);
    const inFlight = fetch(`${base}/v1/analyze`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: text });
    await waitFor((r) => r.msg === 'incoming request' && (r.req as { url?: string }).url === '/v1/analyze');
    child.kill('SIGTERM');

    const response = await inFlight;
    assert.equal(response.status, 200);
    const analysis = (await response.json()) as { text: string };
    assert.equal(analysis.text.length, text.length);
    // Exits promptly, without waiting for the client to drop its keep-alive connection.
    const timeout = new Promise<string>((resolve) => setTimeout(() => resolve('still running 15 s after the response'), 15_000).unref());
    assert.equal(await Promise.race([exited, timeout]), 0, stderr);
    assert.ok(lines.some((r) => r.msg === 'shutting down: finishing in-flight requests'));
    assert.equal(lines.at(-1)?.msg, 'stopped');
    // Once stopped, nothing listens there any more.
    await assert.rejects(fetch(`${base}/healthz`));
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
});
