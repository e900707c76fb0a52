import assert from 'node:assert/strict';
import { test } from 'node:test';
import { IndexedList } from '../../src/core/indexed-list.js';

test('IndexedList keeps the order an array with splice keeps, on random insertions and reads', () => {
  let seed = 11;
  const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const list = new IndexedList<number>();
  const array: number[] = [];
  for (let n = 0; n < 2000; n++) {
    // Mostly at the end, as names come in text order; now and then anywhere.
    const k = random() < 0.6 ? array.length : Math.floor(random() * (array.length + 1));
    list.insert(k, n);
    array.splice(k, 0, n);
    if (n % 97 === 0) assert.deepEqual(list.toArray(), array);
    const r = Math.floor(random() * array.length);
    assert.equal(list.at(r), array[r]);
    assert.equal(list.last(), array[array.length - 1]);
  }
  assert.equal(list.length, array.length);
  assert.deepEqual(list.toArray(), array);
});

test('IndexedList: inserting in the middle costs O(log n) per item, not a shift of everything after it', () => {
  const work = (n: number) => {
    const list = new IndexedList<number>();
    for (let i = 0; i < n; i++) list.insert(i >> 1, i);
    return list.visited;
  };
  const small = work(2000);
  const large = work(8000);
  // n log n: about 4.7 times for 4 times the items; a shift per insertion: 16 times.
  assert.ok(large / small < 6, `4x the items visited ${(large / small).toFixed(1)}x as many nodes (${small} -> ${large})`);
});
