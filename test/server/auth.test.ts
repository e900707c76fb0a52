import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createKeyChecker } from '../../src/interfaces/server/auth.js';
import { buildServer } from '../../src/interfaces/server/app.js';
import { captureLogs } from './support.js';

describe('createKeyChecker', () => {
  const checker = createKeyChecker(['alpha-key', 'beta-key']);

  test('accepts a configured key as a bearer token or X-API-Key, and names it by a short hash', () => {
    const bearer = checker.check({ authorization: 'Bearer alpha-key' });
    const header = checker.check({ 'x-api-key': 'beta-key' });
    assert.ok(bearer.ok && header.ok);
    assert.match(bearer.keyId, /^[0-9a-f]{12}$/);
    assert.notEqual(bearer.keyId, header.keyId);
    assert.doesNotMatch(bearer.keyId, /alpha/);
    assert.deepEqual(checker.check({ authorization: 'bearer   alpha-key' }), bearer);
  });

  test('refuses missing, unknown, truncated and extended keys', () => {
    assert.deepEqual(checker.check({}), { ok: false, reason: 'missing' });
    assert.deepEqual(checker.check({ authorization: 'Basic YWxwaGE6a2V5' }), { ok: false, reason: 'missing' });
    for (const key of ['alpha', 'alpha-key2', 'ALPHA-KEY', 'gamma-key']) assert.deepEqual(checker.check({ 'x-api-key': key }), { ok: false, reason: 'unknown' }, key);
  });

  test('without keys nothing is required', () => {
    assert.equal(createKeyChecker([]).required, false);
    assert.equal(checker.required, true);
  });
});

describe('API keys and rate limits on the server', () => {
  let app: FastifyInstance;
  const logs = captureLogs();
  before(async () => {
    app = await buildServer({ workers: 1, apiKeys: ['alpha-key', 'beta-key'], rateLimit: { max: 2, windowMs: 60_000 }, logger: { stream: logs.stream } });
    await app.analysisPool.whenReady();
  });
  after(() => app.close());

  const analyze = (headers: Record<string, string>) => app.inject({ method: 'POST', url: '/v1/analyze', payload: { text: 'The council voted on Tuesday.' }, headers });

  test('/v1 needs a key: 401 UNSPIN_E_UNAUTHORIZED without one or with a wrong one', async () => {
    for (const headers of [{}, { 'x-api-key': 'wrong' }, { authorization: 'Bearer wrong' }] as Record<string, string>[]) {
      const response = await analyze(headers);
      assert.equal(response.statusCode, 401);
      assert.equal(response.json().error.code, 'UNSPIN_E_UNAUTHORIZED');
      assert.match(response.headers['www-authenticate'] as string, /^Bearer/);
    }
    const batch = await app.inject({ method: 'POST', url: '/v1/analyze/batch', payload: { documents: [{ text: 'x' }] } });
    assert.equal(batch.statusCode, 401);
  });

  test('health, readiness, the page and the OpenAPI document need no key', async () => {
    for (const url of ['/healthz', '/readyz', '/', '/openapi.json']) assert.equal((await app.inject({ method: 'GET', url })).statusCode, 200, url);
    const doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
    assert.deepEqual(doc.paths['/v1/analyze'].post.security, [{ bearer: [] }, { apiKey: [] }]);
  });

  test('each key has its own budget: over it is 429 UNSPIN_E_RATE_LIMITED with Retry-After', async () => {
    assert.equal((await analyze({ authorization: 'Bearer alpha-key' })).statusCode, 200);
    assert.equal((await analyze({ 'x-api-key': 'alpha-key' })).statusCode, 200);
    const limited = await analyze({ authorization: 'Bearer alpha-key' });
    assert.equal(limited.statusCode, 429);
    assert.equal(limited.json().error.code, 'UNSPIN_E_RATE_LIMITED');
    assert.match(limited.json().error.message, /2 requests/);
    assert.ok(Number(limited.headers['retry-after']) > 0);
    // The other key (same address) is not affected.
    assert.equal((await analyze({ 'x-api-key': 'beta-key' })).statusCode, 200);
  });

  test('logs name the key by its short id, never the key itself', () => {
    const completed = logs.records().filter((r) => r.msg === 'request completed' && (r.res as { statusCode: number }).statusCode === 200 && r.keyId);
    assert.equal(new Set(completed.map((r) => r.keyId)).size, 2);
    assert.doesNotMatch(logs.text(), /alpha-key|beta-key|Bearer/);
  });
});

describe('rate limit without keys', () => {
  let app: FastifyInstance;
  before(async () => {
    app = await buildServer({ workers: 1, rateLimit: { max: 1, windowMs: 60_000 }, logger: false });
  });
  after(() => app.close());

  test('/readyz is 503 until the workers have loaded the models', async () => {
    // Workers take a while to start and load models, so right after buildServer the pool is not ready.
    const early = await app.inject({ method: 'GET', url: '/readyz' });
    assert.equal(early.statusCode, 503);
    assert.equal(early.json().ready, false);
    await app.analysisPool.whenReady();
    const late = await app.inject({ method: 'GET', url: '/readyz' });
    assert.equal(late.statusCode, 200);
    assert.equal(late.json().ready, true);
  });

  test('is per address, and counts refused requests too', async () => {
    const bad = () => app.inject({ method: 'POST', url: '/v1/analyze', payload: { text: 1 } });
    assert.equal((await bad()).statusCode, 400);
    const limited = await bad();
    assert.equal(limited.statusCode, 429);
    assert.equal(limited.json().error.code, 'UNSPIN_E_RATE_LIMITED');
    const other = await app.inject({ method: 'POST', url: '/v1/analyze', payload: { text: 1 }, remoteAddress: '10.0.0.9' });
    assert.equal(other.statusCode, 400);
    assert.equal((await app.inject({ method: 'GET', url: '/healthz' })).statusCode, 200);
  });
});
