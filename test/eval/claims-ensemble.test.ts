import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { averageWeights, DEFAULT_RECIPE, ENSEMBLE_MEMBERS, exampleOf, familyOf, fitClaimWeights, NGRAM_FAMILY, withoutFamilies, WORD_FAMILY, CB, CLEF } from '../../src/eval/claims/train.js';
import { predict } from '../../src/detectors/claims/logreg.js';
import { hashFeature } from '../../src/detectors/claims/model.js';

const dims = 4096;
const names = ['w:taxes', 'b:cut taxes', 't:we cut taxes', 'l:cut/VERB', 'p:VERB', 'pp:PRON VERB', 'len:6-10', 'sig:past', 'cue:quantity', 'k1:17', 'ctx:turn:only'];

describe('feature-bagged ensemble (recipe.ensemble)', () => {
  it('sorts feature names into families by prefix', () => {
    assert.deepEqual(names.map(familyOf), [WORD_FAMILY, NGRAM_FAMILY, NGRAM_FAMILY, WORD_FAMILY, 0, 0, 0, 0, 0, 0, 0]);
    // "len:" and "pp:" only share a first letter with a family.
    assert.equal(familyOf('len:0-5'), 0);
    assert.equal(familyOf('pp:<s> NOUN'), 0);
    assert.deepEqual(ENSEMBLE_MEMBERS, [0, NGRAM_FAMILY, NGRAM_FAMILY | WORD_FAMILY]);
  });

  it('leaves a member without its families, unit length over the features left, for both copies of each', () => {
    const example = exampleOf(names, new Float32Array(2), CLEF, 1, 0.5, dims);
    // shared + clef copies of the 11 names and src:clef2019
    assert.equal(example.features.length, 24);
    assert.equal(withoutFamilies(example, 0), example);
    const noNgrams = withoutFamilies(example, NGRAM_FAMILY);
    assert.equal(noNgrams.features.length, 20);
    assert.equal(noNgrams.value, 1 / Math.sqrt(20));
    assert.ok(!noNgrams.features.includes(hashFeature('b:cut taxes', dims)));
    assert.ok(!noNgrams.features.includes(hashFeature('clef2019|t:we cut taxes', dims)));
    assert.ok(noNgrams.features.includes(hashFeature('w:taxes', dims)));
    const structural = withoutFamilies(example, NGRAM_FAMILY | WORD_FAMILY);
    assert.equal(structural.features.length, 16);
    assert.ok(structural.features.includes(hashFeature('clef2019|src:clef2019', dims)));
    assert.deepEqual({ label: structural.label, weight: structural.weight }, { label: 1, weight: 0.5 });
  });

  it('averages models into one linear model whose logit is the mean of theirs', () => {
    const a = { weights: Float32Array.from([1, -2, 0.5]), dense: Float32Array.from([0.25]), bias: 1 };
    const b = { weights: Float32Array.from([3, 0, -0.5]), dense: Float32Array.from([0.75]), bias: -3 };
    const mean = averageWeights([a, b]);
    assert.deepEqual([...mean.weights], [2, -1, 0]);
    assert.deepEqual([...mean.dense], [0.5]);
    assert.equal(mean.bias, -1);
    const features = Uint32Array.from([0, 1]);
    const dense = Float32Array.from([1]);
    const logit = (p: number) => Math.log(p / (1 - p));
    assert.ok(Math.abs(logit(predict(mean, features, 1, dense)) - (logit(predict(a, features, 1, dense)) + logit(predict(b, features, 1, dense))) / 2) < 1e-5);
  });

  it('trains deterministically, and the members differ from the single model', () => {
    const lines = [
      ['w:cut', 'b:cut taxes', 'sig:past', 'sig:number'],
      ['w:love', 'b:love this', 'sig:first-singular'],
      ['w:fell', 'b:fell to', 'sig:past', 'sig:number'],
      ['w:thank', 'b:thank you', 'sig:second-person'],
    ];
    const examples = [0, 1, 2, 3, 4, 5].flatMap(() => lines.map((n, i) => exampleOf(n, new Float32Array(2), CB, i % 2 === 0 ? 1 : 0, 1, dims)));
    const recipe = { ...DEFAULT_RECIPE, dims, epochs: 4, averageFrom: 1, ensemble: true };
    const first = fitClaimWeights(examples, recipe, 2);
    const again = fitClaimWeights(examples, recipe, 2);
    assert.deepEqual([...first.weights], [...again.weights]);
    assert.equal(first.bias, again.bias);
    const single = fitClaimWeights(examples, { ...recipe, ensemble: false }, 2);
    const bigram = hashFeature('b:cut taxes', dims);
    const signal = hashFeature('sig:number', dims);
    // Two of three members never see the bigram, so its weight is a third of what one member gives it, about.
    assert.ok(Math.abs(first.weights[bigram]!) < Math.abs(single.weights[bigram]!), `${first.weights[bigram]} vs ${single.weights[bigram]}`);
    // Every member sees the signal; the ones without words lean on it more.
    assert.ok(first.weights[signal]! > single.weights[signal]!, `${first.weights[signal]} vs ${single.weights[signal]}`);
    assert.throws(() => fitClaimWeights(examples, { ...recipe, hidden: 4 }, 2), /linear models/);
  });
});
