import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/interfaces/server/app.js';
import { bigText } from './support.js';

const TIMEOUT_MS = 800;
let app: FastifyInstance;

before(async () => {
  app = await buildServer({ workers: 1, maxQueue: 1, timeoutMs: TIMEOUT_MS, rateLimit: false, logger: false });
  await app.analysisPool.whenReady();
});
after(() => app.close());

const analyzeText = (text: string) => app.inject({ method: 'POST', url: '/v1/analyze', payload: text, headers: { 'content-type': 'text/plain' } });

test('an analysis over the time limit is stopped: 503 UNSPIN_E_TIMEOUT; a full queue is 503 UNSPIN_E_SERVER_BUSY; the server recovers', async () => {
  // About 1.9 MB: a couple of seconds of analysis, well over the limit.
  const slow = analyzeText(bigText(1.9 * 1024 * 1024));
  while (app.analysisPool.readiness().active === 0) await new Promise((resolve) => setTimeout(resolve, 10));
  // One of these two waits in the one-place queue, the other finds it full.
  const [first, second] = await Promise.all([analyzeText('A short document.'), analyzeText('Another short document.')]);
  const refused = first.statusCode === 503 && first.json().error.code === 'UNSPIN_E_SERVER_BUSY' ? first : second;
  const queued = refused === first ? second : first;
  assert.equal(refused.statusCode, 503);
  assert.equal(refused.json().error.code, 'UNSPIN_E_SERVER_BUSY');
  assert.ok(refused.headers['retry-after']);
  // The queued one either ran after the stopped worker was replaced, or ran out of time waiting.
  assert.ok(queued.statusCode === 200 || queued.json().error.code === 'UNSPIN_E_TIMEOUT', queued.body);

  const timedOut = await slow;
  assert.equal(timedOut.statusCode, 503);
  assert.equal(timedOut.json().error.code, 'UNSPIN_E_TIMEOUT');
  assert.match(timedOut.json().error.message, new RegExp(`${TIMEOUT_MS} ms`));
  assert.equal(timedOut.headers['retry-after'], undefined);
  // The stopped worker is replaced: small documents are analysed again.
  let status = 0;
  for (let attempt = 0; attempt < 30 && status !== 200; attempt++) {
    status = (await analyzeText('Back to normal, the spokesperson said.')).statusCode;
    if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 500));
  }
  assert.equal(status, 200);
  assert.equal((await app.inject({ method: 'GET', url: '/readyz' })).statusCode, 200);
});
