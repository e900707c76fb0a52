import assert from 'node:assert/strict';
import { createServer, type AddressInfo } from 'node:net';
import { test } from 'node:test';
import { CONNECTION_CLOSED, RedisClient } from '../../src/batch/redis/redis-client.js';
import { REDIS_URL, uniqueName } from './services.js';

const { hostname, port } = new URL(REDIS_URL);

test('Redis client: commands, hgetall as an object, Lua scripts, MULTI and pipelines, duplicate, quit', async () => {
  const client = new RedisClient({ host: hostname, port: Number(port) });
  const key = uniqueName('unspin:test');
  try {
    await client.connect();
    assert.equal(client.status, 'ready');
    const c = client as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    assert.equal(await c.hset!(key, 'a', '1', 'b', 'é'), 2);
    assert.deepEqual(await c.hgetall!(key), { a: '1', b: 'é' });
    assert.deepEqual(await c.hmget!(key, ['a', 'missing']), ['1', null]);
    await assert.rejects(() => c.lpush!(key, 'x'), /WRONGTYPE/);

    // A script defined under a BullMQ-style name (with ":" and "."), keys counted by the definition.
    client.defineCommand('sum:6.0', { numberOfKeys: 1, lua: "return redis.call('HGET', KEYS[1], 'a') + tonumber(ARGV[1])" });
    assert.equal(await c['sum:6.0']!([key, 41]), 42);

    const multi = client.multi() as unknown as Record<string, (...args: unknown[]) => unknown> & { exec(): Promise<unknown> };
    multi.hgetall!(key);
    multi.hget!(key, 'b');
    multi['sum:6.0']!([key, 1]);
    multi.lpush!(key, 'wrong type');
    const results = (await multi.exec()) as [Error | null, unknown][];
    assert.deepEqual(results.slice(0, 3), [
      [null, { a: '1', b: 'é' }],
      [null, 'é'],
      [null, 2],
    ]);
    assert.match(String(results[3]![0]?.message), /^WRONGTYPE/);
    assert.equal(results[3]![1], null);

    const pipe = client.pipeline() as unknown as Record<string, (...args: unknown[]) => unknown> & { exec(): Promise<[Error | null, unknown][]> };
    pipe.del!(key);
    pipe.exists!(key);
    assert.deepEqual(await pipe.exec(), [[null, 1], [null, 0]]);

    // A duplicate is a second connection that knows the same scripts.
    const copy = client.duplicate();
    const d = copy as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    await d.hset!(key, 'a', '10');
    assert.equal(await d['sum:6.0']!([key, 5]), 15);
    await copy.quit();
  } finally {
    await client.sendCommand('del', [key]).catch(() => undefined);
    await client.quit();
  }
  assert.equal(client.status, 'end');
  await assert.rejects(() => client.sendCommand('ping', []), { message: CONNECTION_CLOSED });
});

test('Redis client: a dropped connection fails the commands in flight, reconnects, and sends what waited', async (t) => {
  let connections = 0;
  // A tiny RESP server that answers PING, and drops its first connection on the first command.
  const server = createServer((socket) => {
    const n = ++connections;
    socket.on('data', (data) => {
      if (n === 1) return socket.destroy();
      const pings = data.toString().split('PING').length - 1;
      socket.write('+PONG\r\n'.repeat(pings));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const { port: serverPort } = server.address() as AddressInfo;
  const client = new RedisClient({ host: '127.0.0.1', port: serverPort, retryStrategy: () => 20 });
  const events: string[] = [];
  for (const e of ['ready', 'close', 'reconnecting']) client.on(e, () => events.push(e));
  await client.connect();
  await assert.rejects(() => client.sendCommand('ping', []), { message: CONNECTION_CLOSED });
  assert.equal(await client.sendCommand('ping', []), 'PONG');
  assert.deepEqual(events, ['ready', 'close', 'reconnecting', 'ready']);
  assert.equal(connections, 2);
  client.disconnect();
});
