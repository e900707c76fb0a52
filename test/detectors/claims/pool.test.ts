import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seededRandom } from '../../../src/core/random.js';
import { poolRows, poolRowsPlain } from '../../../src/detectors/claims/pool.js';
import { lookupWord, wordIndexOf } from '../../../src/text/word-index.js';
import { defaultWordTable } from '../../../src/text/word-table.js';

/** `count` random rows of `dims` int8 components, the extremes included. */
function randomRows(count: number, dims: number, seed: number): Int8Array {
  const random = seededRandom(seed);
  const rows = Int8Array.from({ length: count * dims }, () => Math.floor(random() * 256) - 128);
  rows[0] = -128;
  rows[1] = 127;
  return rows;
}

function pooled(pool: typeof poolRows, vectors: Int8Array, dims: number, rows: number[], inMean: number[]) {
  const sum = new Int32Array(dims);
  const max = new Int32Array(dims);
  pool(vectors, dims, Int32Array.from(rows), Uint8Array.from(inMean), rows.length, sum, max);
  return { sum: [...sum], max: [...max] };
}

describe('pooled word vectors', () => {
  it('reads rows four components at a time with the plain loop\'s answers, past the lanes\' 256 rows and with no row', () => {
    const dims = 100;
    const vectors = randomRows(50, dims, 7);
    const random = seededRandom(8);
    for (const n of [0, 1, 3, 255, 256, 257, 600]) {
      const rows = Array.from({ length: n }, () => Math.floor(random() * 50));
      // Every row in the mean, some rows out of it, and rows repeated (a word met twice).
      for (const inMean of [rows.map(() => 1), rows.map(() => (random() < 0.3 ? 0 : 1))]) {
        assert.deepEqual(pooled(poolRows, vectors, dims, rows, inMean), pooled(poolRowsPlain, vectors, dims, rows, inMean), `${n} rows`);
      }
    }
  });

  it('falls back to the plain loop for rows that are not whole 32-bit words', () => {
    const vectors = randomRows(4, 3, 9);
    const expected = { sum: [0, 0, 0], max: [0, 0, 0] };
    for (let d = 0; d < 3; d++) {
      expected.sum[d] = vectors[3 + d]! + vectors[9 + d]!;
      expected.max[d] = Math.max(vectors[3 + d]!, vectors[6 + d]!, vectors[9 + d]!);
    }
    assert.deepEqual(pooled(poolRows, vectors, 3, [1, 2, 3], [1, 0, 1]), expected);
  });
});

describe('word index', () => {
  it('finds every word of the shared table at the row WordTable.id gives, and no other word', () => {
    const table = defaultWordTable();
    const index = wordIndexOf(table.words);
    for (const word of table.words) assert.equal(lookupWord(index, word), table.id(word));
    for (const word of ['', 'troopsx', 'TROOPS', 'zzzzqq', 'caf\u00e9s']) assert.equal(lookupWord(index, word), table.id(word), word);
  });

  it('keeps the last row of a word listed twice, as the table does', () => {
    const index = wordIndexOf(['a', 'b', 'a']);
    assert.equal(lookupWord(index, 'a'), 2);
    assert.equal(lookupWord(index, 'b'), 1);
  });
});
