import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UnspinError } from '../../../src/core/errors.js';
import { createClaimsDetector } from '../../../src/detectors/claims/index.js';
import { compileCues } from '../../../src/detectors/claims/cues.js';
import { decodeModel, defaultClaimModel, encodeModel, hashFeature, type ClaimModel } from '../../../src/detectors/claims/model.js';
import { naiveBayesScale, predict, trainLogReg, type TrainingExample } from '../../../src/detectors/claims/logreg.js';
import { scoreWeights } from '../../../src/detectors/claims/model.js';
import { analyze } from '../../../src/pipeline/analyze.js';

function tinyModel(weights: Record<string, number>, threshold = 0.5, dims = 1024): ClaimModel {
  const w = new Float32Array(dims);
  for (const [name, value] of Object.entries(weights)) w[hashFeature(name, dims)] = value;
  return { header: { name: 'tiny', version: '0', dims, scale: 1, bias: -2, threshold, domains: ['claimbuster', 'clef2019'], defaultDomain: 'claimbuster', normalise: false, training: {} }, weights: w };
}

describe('claim model', () => {
  it('loads the shipped model lazily with a sane header', () => {
    const model = defaultClaimModel();
    assert.equal(model.weights.length, model.header.dims);
    assert.ok(model.header.threshold > 0 && model.header.threshold < 1);
    assert.ok(model.header.domains.includes(model.header.defaultDomain));
    assert.ok(model.weights.some((w) => w !== 0));
    assert.equal(defaultClaimModel(), model, 'read once');
  });

  it('round-trips through its binary format within int16 precision', () => {
    const model = tinyModel({ 'w:troops': 3.25, 'w:maybe': -1.5 });
    const back = decodeModel(encodeModel(model), 'memory');
    assert.equal(back.header.dims, model.header.dims);
    const i = hashFeature('w:troops', 1024);
    assert.ok(Math.abs(back.weights[i]! - 3.25) < 1e-3);
  });

  it('rejects a file that is not a claim model with MODEL_INVALID', () => {
    assert.throws(
      () => decodeModel(Buffer.from('not a model at all'), 'x.bin'),
      (e: unknown) => e instanceof UnspinError && e.code === 'UNSPIN_E_MODEL_INVALID' && /x\.bin/.test(e.message),
    );
    const truncated = encodeModel(tinyModel({})).subarray(0, 200);
    assert.throws(() => decodeModel(truncated, 't.bin'), /t\.bin/);
  });

  it('lets the detector run on a model and cues handed in', () => {
    const cues = compileCues([{ id: 'war', description: 'test', source: 'test', polarity: 'for', patterns: ['troops'] }]);
    const detector = createClaimsDetector({ model: tinyModel({ 'cue:war': 5 }), cues });
    const text = 'In 2019 soldiers were sent home. In 2019 troops were sent home.';
    const found = analyze({ text }, { detectors: [detector] }).findings;
    assert.deepEqual(
      found.map((f) => f.text),
      ['In 2019 troops were sent home.'],
    );
    assert.match(found[0]!.explanation, /war words/);
  });
});

describe('logistic regression trainer', () => {
  it('learns a separable toy problem, deterministically', () => {
    const examples = Array.from({ length: 40 }, (_, i) => ({ features: Uint32Array.from([i % 2 === 0 ? 1 : 2, 3]), label: (i % 2 === 0 ? 1 : 0) as 0 | 1, weight: 1 }));
    const options = { dims: 8, epochs: 20, learningRate: 0.5, l2: 0, seed: 7 };
    const a = trainLogReg(examples, options);
    const b = trainLogReg(examples, options);
    assert.deepEqual(a.weights, b.weights);
    assert.ok(predict(a, Uint32Array.from([1, 3])) > 0.9);
    assert.ok(predict(a, Uint32Array.from([2, 3])) < 0.1);
  });

  // Feature 1 marks positives, feature 2 negatives; feature 3 is in every example; 4 and 5 mark 1 in 4 of each class.
  const mixed = Array.from({ length: 80 }, (_, i) => ({
    features: Uint32Array.from(i % 2 === 0 ? [1, 3, ...(i % 8 === 0 ? [4] : [])] : [2, 3, ...(i % 8 === 1 ? [5] : [])]),
    label: (i % 2 === 0 ? 1 : 0) as 0 | 1,
    weight: 1,
  }));
  const toy = { dims: 8, epochs: 10, learningRate: 0.3, l2: 0, seed: 11 };

  it('averages the weights of the epochs from averageFrom on', () => {
    const last = trainLogReg(mixed, toy);
    assert.deepEqual(trainLogReg(mixed, { ...toy, averageFrom: toy.epochs - 1 }).weights, last.weights, 'averaging the last epoch alone is the last weights');
    const averaged = trainLogReg(mixed, { ...toy, averageFrom: 0 });
    const earlier = trainLogReg(mixed, { ...toy, epochs: 1 });
    // Weights grow epoch by epoch on a separable problem, so their mean lies between the first and the last.
    assert.ok(averaged.weights[1]! > earlier.weights[1]! && averaged.weights[1]! < last.weights[1]!, `${earlier.weights[1]} < ${averaged.weights[1]} < ${last.weights[1]}`);
  });

  it('scales features by how unevenly they fall on the classes, and folds the scale into the weights', () => {
    const scale = naiveBayesScale(mixed, 8);
    assert.ok(scale[1]! > scale[4]! && scale[4]! > scale[3]!, `label-only ${scale[1]} > rarer ${scale[4]} > everywhere ${scale[3]}`);
    assert.ok(Math.abs(scale[3]! - 0.1) < 1e-6, 'a feature in every example keeps only the floor');
    assert.ok(Math.abs(scale[1]! - scale[2]!) < 1e-6, 'the ratio is symmetric in the classes');
    const ones = trainLogReg(mixed, { ...toy, featureScale: new Float32Array(8).fill(1) });
    assert.deepEqual(ones.weights, trainLogReg(mixed, toy).weights, 'a scale of 1 changes nothing');
    const scaled = trainLogReg(mixed, { ...toy, featureScale: scale });
    assert.ok(predict(scaled, Uint32Array.from([1, 3])) > 0.9 && predict(scaled, Uint32Array.from([2, 3])) < 0.1, 'folded weights predict without the scale');
    assert.ok(Math.abs(scaled.weights[3]!) < Math.abs(ones.weights[3]!), 'the uninformative feature ends up damped');
    assert.throws(() => trainLogReg(mixed, { ...toy, featureScale: new Float32Array(3) }), /featureScale has 3 values for 8 features/);
  });

  // XOR over two dense inputs (with a constant third one): no linear model separates it.
  const xor: TrainingExample[] = Array.from({ length: 200 }, (_, i) => {
    const a = i % 2;
    const b = Math.floor(i / 2) % 2;
    return { features: new Uint32Array(0), label: (a ^ b) as 0 | 1, weight: 1, dense: Float32Array.from([a, b, 1]) };
  });
  const xorOptions = { dims: 4, epochs: 60, learningRate: 0.1, l2: 0, seed: 5, denseDims: 3 };
  const corners = [
    [0, 0, 0],
    [0, 1, 1],
    [1, 0, 1],
    [1, 1, 0],
  ] as const;

  it('with a hidden layer over the dense features, learns what a linear model cannot, deterministically', () => {
    const linear = trainLogReg(xor, xorOptions);
    const linearRight = corners.filter(([a, b, y]) => predict(linear, new Uint32Array(0), 1, Float32Array.from([a, b, 1])) >= 0.5 === (y === 1)).length;
    assert.ok(linearRight <= 3, `a linear model gets at most 3 of the 4 XOR corners, got ${linearRight}`);
    const options = { ...xorOptions, hidden: { units: 8, indicators: 0, learningRate: 0.1, l2: 0, seed: 9 } };
    const net = trainLogReg(xor, options);
    for (const [a, b, y] of corners) {
      const p = predict(net, new Uint32Array(0), 1, Float32Array.from([a, b, 1]));
      assert.ok(y === 1 ? p > 0.8 : p < 0.2, `XOR(${a}, ${b}) = ${y}, predicted ${p}`);
    }
    assert.deepEqual(trainLogReg(xor, options).hidden, net.hidden, 'same seed, same weights');
  });

  it('ships the hidden layer in the model file and scores with it as the detector does', () => {
    const net = trainLogReg(xor, { ...xorOptions, hidden: { units: 8, indicators: 0, learningRate: 0.1, l2: 0, seed: 9 } });
    const model: ClaimModel = { ...tinyModel({}), dense: net.dense, hidden: net.hidden! };
    model.header = { ...model.header, bias: net.bias, words: { file: 'w.bin', digest: 'x' } };
    const back = decodeModel(encodeModel(model), 'memory');
    assert.equal(back.header.hidden, 8);
    assert.deepEqual(back.hidden, net.hidden);
    for (const [a, b] of corners) {
      const dense = Float32Array.from([a, b, 1]);
      const shipped = scoreWeights(back, [], undefined, dense).probability;
      assert.ok(Math.abs(shipped - predict(net, new Uint32Array(0), 1, dense)) < 1e-6, 'run time scores as training did');
    }
    const cut = encodeModel(model);
    assert.throws(() => decodeModel(cut.subarray(0, cut.length - 4), 'cut.bin'), /cut\.bin: expected .* hidden-layer weights/);
  });
});
