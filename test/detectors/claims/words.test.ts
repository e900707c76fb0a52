import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { UnspinError } from '../../../src/core/errors.js';
import { sentenceFeatures } from '../../../src/detectors/claims/features.js';
import { decodeModel, defaultClaimModel, encodeModel, hashFeature, MEANING_FEATURE, scoreFeatures, withWords, type ClaimModel } from '../../../src/detectors/claims/model.js';
import { viewOfText } from '../../../src/detectors/claims/scorer.js';
import { decodeWords, defaultClaimWords, encodeWords, wordKey } from '../../../src/detectors/claims/words.js';

/** Three words in two dimensions: "troops" and "soldiers" point the same way, "maybe" elsewhere. */
function tinyTable() {
  const words = ['troops', 'soldiers', 'maybe'];
  const clusters = Uint16Array.from([0, 1, 0, 1, 1, 0]); // levels [2, 2]
  const vectors = Int8Array.from([100, 0, 90, 10, 0, -100]);
  return decodeWords(encodeWords({ name: 'tiny', version: '0', dims: 2, levels: [2, 2], scale: 0.01, source: {} }, words, clusters, vectors), 'tiny.bin');
}

const isInvalid = (file: RegExp) => (e: unknown) => e instanceof UnspinError && e.code === 'UNSPIN_E_MODEL_INVALID' && file.test(e.message);

describe('claim word table', () => {
  it('round-trips words, clusters and vectors and looks words up by their plain spelling', () => {
    const table = tinyTable();
    assert.equal(table.header.count, 3);
    assert.equal(table.index.get('soldiers'), 1);
    assert.deepEqual([...table.clusters.subarray(2, 4)], [0, 1]);
    assert.equal(table.vectors[5]! * table.header.scale, -1);
    assert.equal(wordKey('Don\u2019T'), "don't");
    assert.match(table.digest, /^[0-9a-f]{64}$/);
  });

  it('rejects a file that is not a word table, a truncated one and out-of-range clusters, naming the file', () => {
    assert.throws(() => decodeWords(Buffer.from('something else entirely'), 'x.bin'), isInvalid(/x\.bin.*bad magic/));
    const good = encodeWords({ name: 't', version: '0', dims: 2, levels: [2], scale: 1, source: {} }, ['a', 'b'], Uint16Array.from([0, 1]), Int8Array.from([1, 2, 3, 4]));
    assert.throws(() => decodeWords(good.subarray(0, good.length - 1), 'short.bin'), isInvalid(/short\.bin/));
    const bad = encodeWords({ name: 't', version: '0', dims: 2, levels: [2], scale: 1, source: {} }, ['a', 'b'], Uint16Array.from([0, 2]), Int8Array.from([1, 2, 3, 4]));
    assert.throws(() => decodeWords(bad, 'bad.bin'), isInvalid(/bad\.bin: word b: cluster 2 out of range/));
  });

  it('ships a table in which related words share clusters', () => {
    const table = defaultClaimWords();
    assert.ok(table.header.count >= 10000);
    const clustersOf = (w: string) => {
      const i = table.index.get(w);
      assert.ok(i !== undefined, w);
      return [...table.clusters.subarray(i * table.header.levels.length, (i + 1) * table.header.levels.length)];
    };
    const [troops, soldiers, percent] = ['troops', 'soldiers', 'percent'].map(clustersOf);
    assert.equal(troops![0], soldiers![0], 'troops and soldiers share the coarsest cluster');
    assert.notEqual(troops![0], percent![0]);
  });
});

describe('claim features from the word table', () => {
  it('adds each known word’s clusters and unit-length pooled vectors; nothing without a table', () => {
    const view = viewOfText('Troops maybe left.');
    const withTable = sentenceFeatures(view, [], tinyTable());
    assert.ok(withTable.names.includes('k0:0') && withTable.names.includes('k1:1'), 'troops: clusters 0 and 1');
    assert.ok(withTable.names.includes('k0:1') && withTable.names.includes('k1:0'), 'maybe: clusters 1 and 0');
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
    const other = decodeWords(encodeWords({ name: 'other', version: '0', dims: 2, levels: [2], scale: 1, source: {} }, ['x'], Uint16Array.from([0]), Int8Array.from([1, 1])), 'other.bin');
    assert.throws(() => withWords(back, other, 'm.bin'), isInvalid(/m\.bin: trained with word table/));
    const orphan = encodeModel({ ...tinyModel(), dense: Float32Array.from([1, 2]) });
    assert.throws(() => decodeModel(orphan, 'orphan.bin'), isInvalid(/orphan\.bin: dense weights without a word table/));
  });

  it('ships with its word table attached', () => {
    const model = defaultClaimModel();
    assert.equal(model.header.words?.file, 'claim-words.bin');
    assert.equal(model.words, defaultClaimWords());
    assert.equal(model.dense?.length, 2 * defaultClaimWords().header.dims);
  });
});

describe('build-claim-words script', () => {
  const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-claim-words.ts', ...args], { encoding: 'utf8' });

  it('builds the same table twice from the same vectors, most frequent words first', () => {
    const dir = mkdtempSync(join(tmpdir(), 'unspin-words-'));
    const words = ['the', 'army', 'troops', 'soldiers', 'percent', 'million', 'rare'];
    const vectors = Object.fromEntries(words.map((w, i) => [w, [Math.cos(i), Math.sin(i), i % 2, 1, 0, 0]]));
    const embeddings = join(dir, 'emb.json');
    writeFileSync(embeddings, JSON.stringify({ dimensions: 3, words, vectors }));
    const build = (out: string) => run(['--embeddings', embeddings, '--count', '6', '--levels', '2,3', '--out', out]);
    const a = build(join(dir, 'a.bin'));
    assert.equal(a.status, 0, a.stderr);
    assert.match(a.stdout, /kept 6 words of 7 \(3 dimensions\), clusters 2\/3/);
    assert.equal(build(join(dir, 'b.bin')).status, 0);
    const bytes = readFileSync(join(dir, 'a.bin'));
    assert.ok(bytes.equals(readFileSync(join(dir, 'b.bin'))), 'same vectors, same bytes');
    const table = decodeWords(bytes, 'a.bin');
    assert.deepEqual([...table.index.keys()], words.slice(0, 6));
  });

  it('says which input is wrong, without a stack trace', () => {
    const missing = run(['--embeddings', '/nonexistent/emb.json']);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /\/nonexistent\/emb\.json: cannot read/);
    assert.doesNotMatch(missing.stderr, /\n\s+at /);
    const dir = mkdtempSync(join(tmpdir(), 'unspin-words-'));
    writeFileSync(join(dir, 'x.json'), '{"nope": 1}');
    const wrong = run(['--embeddings', join(dir, 'x.json')]);
    assert.equal(wrong.status, 2);
    assert.match(wrong.stderr, /x\.json: not a wink embeddings file/);
  });
});
