import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EncodedBuilder, FeatureDictionary, trainBinary, trainMulti } from '../../../src/detectors/propaganda/learn.js';
import { packWeights, unpackWeights } from '../../../src/detectors/propaganda/linear.js';

function toyData() {
  const dict = new FeatureDictionary();
  const rows: [string[], number][] = [];
  for (let i = 0; i < 200; i++) {
    const positive = i % 3 === 0;
    rows.push([['bias', positive ? 'w=outrage' : 'w=table', `n=${i % 7}`], positive ? 1 : 0]);
  }
  for (const [f] of rows) dict.count(f);
  const vocab = dict.freeze(1);
  const builder = new EncodedBuilder(vocab.index);
  for (const [f, y] of rows) builder.add(f, y);
  return { vocab, data: builder.build() };
}

test('binary learner separates a separable toy set, deterministically', () => {
  const { vocab, data } = toyData();
  const options = { epochs: 5, learningRate: 0.1, l2: 1e-6, seed: 3 };
  const a = trainBinary(data, vocab.names.length, options);
  const b = trainBinary(data, vocab.names.length, options);
  assert.deepEqual(a, b);
  assert.ok(a[vocab.index.get('w=outrage')!]! > 1);
  assert.ok(a[vocab.index.get('w=table')!]! < -1);
});

test('multinomial learner picks the class its feature marks', () => {
  const { vocab, data } = toyData();
  const w = trainMulti(data, vocab.names.length, 2, { epochs: 5, learningRate: 0.1, l2: 1e-6, seed: 3 });
  const f = vocab.index.get('w=outrage')!;
  assert.ok(w[f * 2 + 1]! > w[f * 2]!);
});

test('packed weights round-trip within quantisation error', () => {
  const weights = Float32Array.from([0.5, -2, 0, 1.25]);
  const packed = packWeights(['a', 'b', 'c', 'd'], weights);
  const { index, weights: back } = unpackWeights(packed, 1);
  assert.deepEqual([...index.keys()], ['a', 'b', 'c', 'd']);
  back.forEach((w, i) => assert.ok(Math.abs(w - weights[i]!) < 1e-3));
  assert.throws(() => unpackWeights({ ...packed, features: 'a\nb' }, 1), /expected 2 weights/);
});
