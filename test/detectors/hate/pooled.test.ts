import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FeatureExtractor } from '../../../src/detectors/hate/features.js';
import { decodeModel, encodeModel, extractorFor, HATE_CLASSES, loadDefaultHateModel, predictProbabilities, type HateModel } from '../../../src/detectors/hate/model.js';
import { trainPooledNet } from '../../../src/detectors/hate/pooled-train.js';
import { pooledInput, pooledLogProbabilities, pooledNetOf, pooledWeights, type PooledNet } from '../../../src/detectors/hate/pooled.js';
import { WordTable } from '../../../src/text/word-table.js';

/** Three words in two dimensions: "good" and "nice" point one way, "vile" the other. */
function tinyTable(): WordTable {
  return new WordTable(['good', 'nice', 'vile'], Int8Array.from([127, 0, 90, 90, -127, 0]), 2);
}

function tinyNet(): PooledNet {
  // Input (mean, max) of 2-d vectors; one unit reading the mean's first component.
  // shift, scale, w1 (unit 0 reads +mean[0], unit 1 reads -mean[0]), b1, w2 (class 0 from unit 0, class 1 from unit 1), b2.
  return pooledNetOf(4, 2, 3, Float32Array.from([0, 0, 0, 0, 1, 1, 1, 1, 1, 0, 0, 0, -1, 0, 0, 0, 0, 0, 2, 0, 0, 2, 0, 0, 0, 0, 0]));
}

test('pooled input: mean and component-wise maximum of the known words, unknown words skipped', () => {
  const out = new Float32Array(4);
  assert.equal(pooledInput(tinyTable(), ['good', 'unknown', 'vile'], out), 2);
  assert.deepEqual([...out].map((x) => Math.round(x * 1000) / 1000), [0, 0, 1, 0]);
  assert.equal(pooledInput(tinyTable(), ['nice'], out), 1);
  assert.deepEqual([...out].map((x) => Math.round(x * 1000) / 1000), [0.709, 0.709, 0.709, 0.709]);
  assert.equal(pooledInput(tinyTable(), ['unknown'], out), 0);
  assert.deepEqual([...out], [0, 0, 0, 0]);
});

test('pooled net: log-probabilities normalise, and the flat weights round-trip', () => {
  const net = tinyNet();
  const x = new Float32Array(4);
  pooledInput(tinyTable(), ['good'], x, net);
  const good = [...pooledLogProbabilities(net, x, new Float64Array(3))];
  assert.ok(Math.abs(good.reduce((s, l) => s + Math.exp(l), 0) - 1) < 1e-9);
  assert.equal(good.indexOf(Math.max(...good)), 0, 'a positive mean reads normal');
  pooledInput(tinyTable(), ['vile'], x, net);
  const vile = [...pooledLogProbabilities(net, x, new Float64Array(3))];
  assert.equal(vile.indexOf(Math.max(...vile)), 1, 'a negative mean reads offensive (its unit is the other one)');
  assert.deepEqual([...pooledWeights(pooledNetOf(4, 2, 3, pooledWeights(net)))], [...pooledWeights(net)]);
  assert.throws(() => pooledNetOf(4, 3, 3, pooledWeights(net)), /27 weights/);
});

test('pooled training: learns a separable task, and the same seed gives the same weights', () => {
  const inputs: Float32Array[] = [];
  const labels: number[] = [];
  for (let i = 0; i < 90; i++) {
    const y = i % 3;
    inputs.push(Float32Array.from([y === 0 ? 1 : 0, y === 1 ? 1 : 0, y === 2 ? 1 : 0, (i % 7) / 7]));
    labels.push(y);
  }
  const options = { hidden: 8, epochs: 30, lr: 0.01, l2: 0, batch: 8, seed: 3, classWeights: [1, 1, 1] };
  const net = trainPooledNet(inputs, labels, 3, options);
  const out = new Float64Array(3);
  let correct = 0;
  inputs.forEach((raw, n) => {
    const x = Float32Array.from(raw, (v, d) => (v - net.shift[d]!) * net.scale[d]!);
    pooledLogProbabilities(net, x, out);
    if (out.indexOf(Math.max(...out)) === labels[n]) correct++;
  });
  assert.equal(correct, inputs.length);
  assert.deepEqual([...pooledWeights(trainPooledNet(inputs, labels, 3, options))], [...pooledWeights(net)]);
});

test('hate model: the pooled blend is stored with the model and only read through a pooled extractor', () => {
  const base = loadDefaultHateModel();
  // A net over the shipped word table's 2 × 100 pooled inputs, one unit, fixed weights.
  const dims = 200;
  const weights = new Float32Array(2 * dims + dims + 1 + 3 + 3);
  weights.fill(1, dims, 2 * dims);
  for (let d = 0; d < dims; d++) weights[2 * dims + d] = ((d % 5) - 2) / 10;
  weights.set([3, -1, 0], 3 * dims + 1);
  const model: HateModel = { ...base, pooled: { net: pooledNetOf(dims, 1, 3, weights), weight: 0.5, offsets: [0, 0, 0] } };
  const back = decodeModel(JSON.parse(JSON.stringify(encodeModel(model))), 'mem');
  assert.deepEqual([...pooledWeights(back.pooled!.net)], [...pooledWeights(model.pooled!.net)]);
  assert.equal(back.pooled!.weight, 0.5);
  const words = ['you', 'are', 'all', 'good', 'people'];
  // Without pooled vectors the model reads as the linear model alone (article mode).
  const linear = [...predictProbabilities(back, new FeatureExtractor(back.features, back.idf).extract(words))];
  assert.deepEqual([...predictProbabilities(back, extractorFor(back).extract(words))], linear);
  const blended = [...predictProbabilities(back, extractorFor(back, { pooled: true }).extract(words))];
  assert.notDeepEqual(blended, linear);
  assert.ok(Math.abs(blended.reduce((s, p) => s + p, 0) - 1) < 1e-9);
  assert.equal(HATE_CLASSES.length, blended.length);
  const wrong: HateModel = { ...base, pooled: { net: tinyNet(), weight: 0.5, offsets: [0, 0, 0] } };
  assert.throws(() => extractorFor(wrong, { pooled: true }), /pooled net reads 4 inputs/);
});
