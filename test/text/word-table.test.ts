import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { decodeWordTable, defaultWordTable, encodeWordTable, readAligned } from '../../src/text/word-table.js';

test('the shipped word table holds common words and the hate vocabulary, with similar words close', () => {
  const table = defaultWordTable();
  assert.equal(table.dims, 100);
  assert.ok(table.words.length >= 50_000);
  for (const w of ['the', 'loathe', 'despise', 'vermin', 'scum', 'filth']) assert.ok(table.id(w) >= 0, w);
  const sim = (a: string, b: string) => table.similarity(table.id(a), table.id(b));
  assert.ok(sim('vermin', 'rats') > sim('vermin', 'bank'));
  assert.ok(sim('hate', 'despise') > sim('hate', 'table'));
});

test('word table files round-trip and bad files fail naming the file', () => {
  const vectors = new Int8Array([127, 0, 0, 127]);
  const table = decodeWordTable(encodeWordTable(['a', 'b'], vectors, 2, 'test'), 'mem');
  assert.deepEqual([table.id('b'), table.id('z')], [1, -1]);
  const out = new Float32Array(2);
  table.addTo(0, out, 2);
  assert.deepEqual([...out], [2, 0]);
  assert.throws(() => decodeWordTable(Buffer.from('nonsense-bytes-here'), 'bad.bin'), /bad\.bin: not an unspin word table/);
  const bytes = encodeWordTable(['a', 'b'], vectors, 2, 'test');
  assert.throws(() => decodeWordTable(bytes.subarray(0, bytes.length - 1), 'cut.bin'), /cut\.bin: expected 2 words x 2 dims/);
});

test('a word-table file is read with its vectors on a 4-byte boundary, viewed in place, whatever the length of its words', () => {
  const dir = mkdtempSync(join(tmpdir(), 'unspin-words-'));
  for (const words of [['a', 'b'], ['ab', 'b'], ['abc', 'b'], ['abcd', 'b']]) {
    const vectors = new Int8Array([127, 0, -3, 127]);
    const path = join(dir, `${words[0]}.bin`);
    const bytes = encodeWordTable(words, vectors, 2, 'test');
    writeFileSync(path, bytes);
    const read = readAligned(path);
    assert.deepEqual(read, bytes);
    const table = decodeWordTable(read, path);
    assert.equal(table.vectors.byteOffset % 4, 0);
    assert.equal(table.vectors.buffer, read.buffer, 'a view of the file as read, not a copy');
    assert.deepEqual([...table.vectors], [...vectors]);
  }
  writeFileSync(join(dir, 'short.bin'), 'UNSPIN');
  assert.deepEqual(readAligned(join(dir, 'short.bin')), Buffer.from('UNSPIN'));
  assert.throws(() => readAligned(join(dir, 'missing.bin')));
  const shipped = defaultWordTable();
  assert.equal(shipped.vectors.buffer.byteLength > shipped.vectors.byteLength, true, 'the shipped vectors are a view of the file');
});
