import assert from 'node:assert/strict';
import type { Socket } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/interfaces/server/app.js';
import { createFailureLimiter } from '../../src/interfaces/server/auth-failures.js';
import { answerClientError } from '../../src/interfaces/server/content-types.js';
import { captureLogs } from './support.js';

describe('hostile JSON bodies and key guessing', () => {
  let app: FastifyInstance;
  const logs = captureLogs();
  before(async () => {
    app = await buildServer({ workers: 1, apiKeys: ['alpha-key'], logger: { stream: logs.stream } });
    await app.analysisPool.whenReady();
  });
  after(() => app.close());

  const post = (payload: string | Buffer, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url: '/v1/analyze', payload, headers: { 'content-type': 'application/json', 'x-api-key': 'alpha-key', ...headers } });

  test('a JSON body with invalid UTF-8 or a NUL in a string is 415 UNSPIN_E_INPUT_BINARY, like a raw body', async () => {
    const invalid = Buffer.concat([Buffer.from('{"text":"caf'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);
    for (const payload of [invalid, '{"text":"A\\u0000B said so."}', '{"documents":[{"text":"fine"},{"html":"<p>x\\u0000</p>"}]}']) {
      const url = typeof payload === 'string' && payload.includes('documents') ? '/v1/analyze/batch' : '/v1/analyze';
      const response = await app.inject({ method: 'POST', url, payload, headers: { 'content-type': 'application/json', 'x-api-key': 'alpha-key' } });
      assert.equal(response.statusCode, 415, response.body);
      assert.equal(response.json().error.code, 'UNSPIN_E_INPUT_BINARY');
    }
  });

  test('ordinary, malformed and prototype-poisoning JSON keep their answers', async () => {
    assert.equal((await post(JSON.stringify({ text: 'The council voted on Tuesday.' }))).statusCode, 200);
    assert.equal((await post('{"text": "x",')).json().error.code, 'UNSPIN_E_MALFORMED_JSON');
    assert.equal((await post('{"text": "x", "__proto__": {"a": 1}}')).statusCode, 400);
  });

  test('after 10 wrong keys from one address, that address gets 429 with Retry-After, even with a good key', async () => {
    for (let i = 0; i < 10; i++) assert.equal((await post('{"text":"x"}', { 'x-api-key': `guess-${i}` })).statusCode, 401);
    const blocked = await post(JSON.stringify({ text: 'The council voted.' }));
    assert.equal(blocked.statusCode, 429);
    assert.equal(blocked.json().error.code, 'UNSPIN_E_RATE_LIMITED');
    assert.ok(Number(blocked.headers['retry-after']) > 0);
  });
});

test('the failure limiter forgets an address once its window has passed', () => {
  const limiter = createFailureLimiter({ max: 2, windowMs: 1000 });
  limiter.fail('a', 0);
  assert.equal(limiter.blocked('a', 10), null);
  limiter.fail('a', 20);
  assert.equal(limiter.blocked('a', 30), 1);
  assert.equal(limiter.blocked('b', 30), null);
  assert.equal(limiter.blocked('a', 1000), null);
});

test('a slow client gets 408 with the catalogue body, not Node\'s bare answer', () => {
  let written = '';
  const socket = { writable: true, end: (chunk: string) => (written += chunk), destroy: () => undefined } as unknown as Socket;
  answerClientError(Object.assign(new Error('timeout'), { code: 'ERR_HTTP_REQUEST_TIMEOUT' }), socket);
  assert.match(written, /^HTTP\/1\.1 408 Request Timeout\r\n/);
  const body = JSON.parse(written.split('\r\n\r\n')[1]!) as { error: { code: string } };
  assert.equal(body.error.code, 'UNSPIN_E_REQUEST_TIMEOUT');
});
