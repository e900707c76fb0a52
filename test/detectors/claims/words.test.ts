import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UnspinError } from '../../../src/core/errors.js';
import { sentenceFeatures } from '../../../src/detectors/claims/features.js';
import { decodeModel, defaultClaimModel, encodeModel, hashFeature, MEANING_FEATURE, scoreFeatures, withWords, type ClaimModel } from '../../../src/detectors/claims/model.js';
import { viewOfText } from '../../../src/detectors/claims/scorer.js';
import { claimWords, clusterNames, defaultClaimWords, signature, wordKey } from '../../../src/detectors/claims/words.js';
import { defaultWordTable, WordTable } from '../../../src/text/word-table.js';

/** Three words in two dimensions: "troops" and "soldiers" point the same way, "maybe" elsewhere. */
function tinyTable() {
  return claimWords(new WordTable(['troops', 'soldiers', 'maybe'], Int8Array.from([127, 0, 126, 10, 0, -127]), 2), 'tiny.bin');
}

const isInvalid = (file: RegExp) => (e: unknown) => e instanceof UnspinError && e.code === 'UNSPIN_E_MODEL_INVALID' && file.test(e.message);

describe('claim view of the shared word table', () => {
  it('looks words up by their plain spelling and digests the table', () => {
    const words = tinyTable();
    assert.equal(words.table.id('soldiers'), 1);
    assert.equal(wordKey('Don\u2019T'), "don't");
    assert.match(words.digest, /^[0-9a-f]{64}$/);
    assert.equal(claimWords(new WordTable(['troops', 'soldiers', 'maybe'], Int8Array.from([127, 0, 126, 10, 0, -127]), 2)).digest, words.digest, 'same table, same digest');
    assert.notEqual(claimWords(new WordTable(['troops'], Int8Array.from([127, 1]), 2)).digest, words.digest);
  });

  it('buckets words by the signs of fixed random projections from the mean: the opposite vector gets the opposite bits', () => {
    // The mean of up and down is 0, so every projection of down has the sign opposite to up's (none is exactly 0 here).
    const words = claimWords(new WordTable(['up', 'down'], Int8Array.from([127, 20, -127, -20]), 2));
    const [up, down] = [signature(words, 0), signature(words, 1)];
    assert.equal(up ^ down, (1 << 10) - 1);
    assert.deepEqual(clusterNames(words, 0), [`k0:${up & 63}`, `k1:${up & 255}`, `k2:${up}`]);
    assert.equal(clusterNames(words, 0), clusterNames(words, 0), 'built once per word');
  });

  it('puts related words of the shipped table in the same coarse bucket more often than unrelated ones', () => {
    const words = defaultClaimWords();
    assert.equal(words.table, defaultWordTable(), 'the one shared table, not a copy');
    const id = (w: string) => {
      const i = words.table.id(w);
      assert.ok(i >= 0, w);
      return i;
    };
    const agree = (a: string, b: string) => {
      const x = signature(words, id(a)) ^ signature(words, id(b));
      let same = 10;
      for (let j = 0; j < 10; j++) if (x & (1 << j)) same--;
      return same;
    };
    assert.ok(agree('troops', 'soldiers') > agree('troops', 'percent'), `${agree('troops', 'soldiers')} vs ${agree('troops', 'percent')}`);
  });
});

describe('claim features from the word table', () => {
  it('adds each known word’s clusters and unit-length pooled vectors; nothing without a table', () => {
    const view = viewOfText('Troops maybe left.');
    const withTable = sentenceFeatures(view, [], tinyTable());
    const table = tinyTable();
    for (const id of [0, 2]) for (const name of clusterNames(table, id)) assert.ok(withTable.names.includes(name), name);
    assert.equal(withTable.dense.length, 4);
    const norm = (v: Float32Array) => Math.hypot(...v);
    assert.ok(Math.abs(norm(withTable.dense.subarray(0, 2)) - 1) < 1e-6 && Math.abs(norm(withTable.dense.subarray(2, 4)) - 1) < 1e-6);
    // Max over troops (1, 0) and maybe (0, -1) is (1, 0).
    assert.deepEqual([...withTable.dense.subarray(2, 4)], [1, 0]);
    const bare = sentenceFeatures(view, []);
    assert.equal(bare.dense.length, 0);
    assert.ok(!bare.names.some((n) => n.startsWith('k0:')));
  });

  it('scores the pooled vectors with the model’s dense weights and names their contribution', () => {
    const table = tinyTable();
    const model = withWords(
      { ...tinyModel(), header: { ...tinyModel().header, dense: 4, words: { file: 'tiny.bin', digest: table.digest } }, dense: Float32Array.from([3, 0, 0, 0]) },
      table,
      'tiny model',
    );
    const soldiers = sentenceFeatures(viewOfText('Soldiers left.'), [], table);
    const maybe = sentenceFeatures(viewOfText('Maybe left.'), [], table);
    const a = scoreFeatures(model, [], undefined, soldiers.dense);
    const b = scoreFeatures(model, [], undefined, maybe.dense);
    assert.ok(a.probability > b.probability, 'a word near "troops" scores higher under a troops-ward weight');
    assert.ok(a.contributions.some((c) => c.name === MEANING_FEATURE && c.weight > 2.9));
  });
});

function tinyModel(): ClaimModel {
  const weights = new Float32Array(64);
  weights[hashFeature('w:left', 64)] = 0.5;
  return { header: { name: 'tiny', version: '0', dims: 64, scale: 1, bias: 0, threshold: 0.5, domains: ['claimbuster'], defaultDomain: 'claimbuster', normalise: false, training: {} }, weights };
}

describe('claim model with a word table', () => {
  it('round-trips dense weights and refuses a table other than the one it was trained with', () => {
    const table = tinyTable();
    const model: ClaimModel = { ...tinyModel(), header: { ...tinyModel().header, words: { file: 'tiny.bin', digest: table.digest } }, dense: Float32Array.from([0.5, -0.25, 1, 2]) };
    const back = decodeModel(encodeModel(model), 'memory');
    assert.deepEqual([...back.dense!], [0.5, -0.25, 1, 2]);
    assert.equal(withWords(back, table, 'memory').words, table);
    const other = claimWords(new WordTable(['x'], Int8Array.from([1, 1]), 2), 'other.bin');
    assert.throws(() => withWords(back, other, 'm.bin'), isInvalid(/m\.bin: trained with word table/));
    const orphan = encodeModel({ ...tinyModel(), dense: Float32Array.from([1, 2]) });
    assert.throws(() => decodeModel(orphan, 'orphan.bin'), isInvalid(/orphan\.bin: dense weights without a word table/));
  });

  it('ships with its word table attached', () => {
    const model = defaultClaimModel();
    assert.equal(model.header.words?.file, 'words.bin');
    assert.equal(model.words, defaultClaimWords());
    assert.equal(model.dense?.length, 2 * defaultClaimWords().table.dims);
  });
});
