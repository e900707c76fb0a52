import assert from 'node:assert/strict';
import { test } from 'node:test';
import { encodeCommand, ReplyError, ReplyParser, type RedisReply } from '../../src/batch/redis/resp.js';

function parseAll(bytes: Buffer, chunkSize: number): RedisReply[] {
  const replies: RedisReply[] = [];
  const parser = new ReplyParser((r) => replies.push(r));
  for (let i = 0; i < bytes.length; i += chunkSize) parser.feed(bytes.subarray(i, i + chunkSize));
  return replies;
}

test('RESP: commands are encoded as arrays of bulk strings, buffers kept as bytes', () => {
  assert.equal(encodeCommand(['SET', 'k', 12]).toString(), '*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$2\r\n12\r\n');
  assert.equal(encodeCommand(['GET', 'é']).toString(), '*2\r\n$3\r\nGET\r\n$2\r\né\r\n');
  assert.deepEqual(encodeCommand([Buffer.from([0, 255])]), Buffer.from([...Buffer.from('*1\r\n$2\r\n'), 0, 255, ...Buffer.from('\r\n')]));
});

test('RESP: replies parse the same whatever the chunking', () => {
  const big = 'x'.repeat(70_000) + 'é';
  const wire = Buffer.from(`+OK\r\n-NOSCRIPT No matching script\r\n:42\r\n$-1\r\n*-1\r\n$${Buffer.byteLength(big)}\r\n${big}\r\n*3\r\n$1\r\na\r\n*2\r\n:1\r\n$0\r\n\r\n$1\r\nb\r\n*0\r\n`);
  for (const size of [1, 3, 7, 1024, wire.length]) {
    const replies = parseAll(wire, size);
    assert.equal(replies.length, 8, `chunk size ${size}`);
    assert.equal(replies[0], 'OK');
    assert.ok(replies[1] instanceof ReplyError && replies[1].message.startsWith('NOSCRIPT'));
    assert.deepEqual(replies.slice(2, 5), [42, null, null]);
    assert.equal(replies[5], big);
    assert.deepEqual(replies.slice(6), [['a', [1, ''], 'b'], []]);
  }
});
