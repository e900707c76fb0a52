import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveServeConfig } from '../../src/interfaces/server/config.js';
import { resolveServerOptions } from '../../src/interfaces/server/options.js';

test('defaults: 127.0.0.1:8080, no keys, info logs', () => {
  const config = resolveServeConfig({}, {});
  assert.equal(config.port, 8080);
  assert.equal(config.host, '127.0.0.1');
  assert.deepEqual(config.server.apiKeys, []);
  assert.equal(config.server.logger && config.server.logger.level, 'info');
  const options = resolveServerOptions(config.server);
  assert.equal(options.bodyLimit, 2 * 1024 * 1024);
  assert.equal(options.maxBatch, 100);
  assert.equal(options.timeoutMs, 30_000);
  assert.ok(options.workers >= 1);
});

test('environment variables set values, and flags win over them', () => {
  const env = { UNSPIN_PORT: '9000', UNSPIN_HOST: '0.0.0.0', UNSPIN_TIMEOUT_MS: '5000', UNSPIN_WORKERS: '3', UNSPIN_BODY_LIMIT: '512kb', UNSPIN_MAX_BATCH: '7', UNSPIN_RATE_LIMIT: '0', UNSPIN_API_KEYS: ' one , two,,' };
  const fromEnv = resolveServeConfig({}, env);
  assert.equal(fromEnv.port, 9000);
  assert.equal(fromEnv.host, '0.0.0.0');
  assert.equal(fromEnv.server.timeoutMs, 5000);
  assert.equal(fromEnv.server.workers, 3);
  assert.equal(fromEnv.server.bodyLimit, 512 * 1024);
  assert.equal(fromEnv.server.maxBatch, 7);
  assert.equal(fromEnv.server.rateLimit, false);
  assert.deepEqual(fromEnv.server.apiKeys, ['one', 'two']);

  const flags = resolveServeConfig({ port: '0', host: '::1', timeout: '100', 'body-limit': '2mb', 'rate-limit': '60' }, env);
  assert.equal(flags.port, 0);
  assert.equal(flags.host, '::1');
  assert.equal(flags.server.timeoutMs, 100);
  assert.equal(flags.server.bodyLimit, 2 * 1024 * 1024);
  assert.deepEqual(flags.server.rateLimit, { max: 60, windowMs: 60_000 });
});

test('a bad value is a one-line USAGE error naming the flag or variable', () => {
  const cases: Array<[Parameters<typeof resolveServeConfig>[0], Record<string, string>, RegExp]> = [
    [{ port: 'abc' }, {}, /^--port "abc": expected an integer from 0 to 65535$/],
    [{ port: '65536' }, {}, /^--port/],
    [{ port: '-1' }, {}, /^--port/],
    [{ port: '80.5' }, {}, /^--port/],
    [{}, { UNSPIN_PORT: 'http' }, /^UNSPIN_PORT "http"/],
    [{ workers: '0' }, {}, /^--workers "0": expected an integer from 1/],
    [{}, { UNSPIN_TIMEOUT_MS: '30s' }, /^UNSPIN_TIMEOUT_MS "30s"/],
    [{ 'body-limit': 'lots' }, {}, /^--body-limit "lots": expected a size/],
    [{ 'log-level': 'loud' }, {}, /^--log-level "loud": expected one of fatal, error/],
  ];
  for (const [flags, env, message] of cases) {
    assert.throws(
      () => resolveServeConfig(flags, env),
      (error: Error & { code?: string }) => error.name === 'UnspinError' && error.code === 'UNSPIN_E_USAGE' && message.test(error.message) && !error.message.includes('\n'),
      JSON.stringify({ flags, env }),
    );
  }
});

test('buildServer options are checked once, naming the bad one', () => {
  assert.throws(() => resolveServerOptions({ workers: 0 }), /workers must be a positive integer/);
  assert.throws(() => resolveServerOptions({ warmUpRounds: 0 }), /warmUpRounds must be a positive integer/);
  assert.equal(resolveServerOptions({}).warmUpRounds, 20);
  assert.equal(resolveServerOptions({ warmUpRounds: 120 }).warmUpRounds, 120);
  assert.throws(() => resolveServerOptions({ rateLimit: { max: 1.5, windowMs: 1000 } }), /rateLimit.max/);
  assert.equal(resolveServerOptions({ rateLimit: false }).rateLimit, false);
  // A single-document limit above the batch default raises the batch limit with it.
  assert.equal(resolveServerOptions({ bodyLimit: 64 * 1024 * 1024 }).batchBodyLimit, 64 * 1024 * 1024);
});
