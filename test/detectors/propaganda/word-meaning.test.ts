import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildWordClusters, packClusters, tokenClusters, unpackClusters } from '../../../src/detectors/propaganda/clusters.js';
import { buildFeatureContext, spanFeatures, stackFeatures, summarizeStage, tokenRange } from '../../../src/detectors/propaganda/features.js';
import { createLexicon } from '../../../src/detectors/propaganda/lexicons.js';
import { netInput, packWindowNet, tableFloats, trainWindowNet, unpackWindowNet, windowProbabilities, windowProbabilitiesFloat, type NetExample } from '../../../src/detectors/propaganda/window-net.js';
import { buildTextModel } from '../../../src/text/model.js';
import { WordTable } from '../../../src/text/word-table.js';
import { unpackModel } from '../../../src/detectors/propaganda/model.js';
import { classifySpan } from '../../../src/detectors/propaganda/predict.js';
import { TECHNIQUE_LABELS } from '../../../src/detectors/propaganda/techniques.js';
import { tinyModel, tinyModelFile } from './tiny-model.js';

/** A toy word table: "angry" words point one way, "calm" words another, in 4 dimensions. */
function toyTable(): WordTable {
  const words = ['furious', 'outraged', 'livid', 'table', 'chair', 'desk', 'the', 'is'];
  const dirs = [
    [1, 0.1, 0, 0],
    [0.95, 0.2, 0, 0],
    [0.9, 0, 0.1, 0],
    [0, 1, 0, 0.1],
    [0.1, 0.9, 0, 0],
    [0, 0.95, 0.1, 0],
    [0, 0, 0, 1],
    [0, 0, 0.1, 0.95],
  ];
  const vectors = new Int8Array(words.length * 4);
  dirs.forEach((d, i) => {
    const n = Math.hypot(...d);
    d.forEach((x, k) => (vectors[i * 4 + k] = Math.round((127 * x) / n)));
  });
  return new WordTable(words, vectors, 4);
}

function ctxOf(text: string) {
  const m = buildTextModel(text);
  return buildFeatureContext(text, m.tokens, m.sentences, createLexicon([]));
}

test('word clusters are deterministic, put near words together, and round-trip', () => {
  const table = toyTable();
  const a = buildWordClusters(table, 7);
  const b = buildWordClusters(table, 7);
  assert.deepEqual(a, b);
  assert.deepEqual(unpackClusters(packClusters(a)), a);
  const row = (w: string) => table.id(w);
  // With as many coarse clusters as there are words at most, each word is its own
  // cluster or shares one with its neighbours; never an angry word with a furniture word.
  const fine = (w: string) => a.fine[row(w)];
  assert.notEqual(fine('furious'), fine('table'));
  const t = tokenClusters(['livid', 'unknownword'], table, a);
  assert.equal(t.rows[1], -1);
  assert.equal(t.fine[1], -1);
  assert.equal(t.fine[0], a.fine[row('livid')]);
});

test('a window net learns a word-meaning cue, deterministically, and the cached run-time path agrees with training', () => {
  const table = toyTable();
  const vectors = tableFloats(table);
  const texts = ['the table is furious', 'the chair is outraged', 'the desk is the desk', 'the table is the chair'];
  const docs: NetExample[] = texts.map((text) => {
    const ctx = ctxOf(text);
    const rows = Int32Array.from(ctx.norms, (w) => table.id(w));
    const input = netInput({ ...ctx, rows });
    const labels = Uint8Array.from(ctx.norms, (w) => (w === 'furious' || w === 'outraged' ? 1 : 0));
    return { input, labels, weights: new Float32Array(labels.length).fill(1) };
  });
  const options = { hidden: 4, radius: 1, epochs: 60, learningRate: 0.2, seed: 5, negativeRate: 1 };
  const net = trainWindowNet(docs, vectors, 4, options);
  assert.deepEqual(trainWindowNet(docs, vectors, 4, options), net);
  // "livid" is never seen in training; its vector is near the angry words'.
  const probe = ctxOf('the chair is livid');
  const input = netInput({ ...probe, rows: Int32Array.from(probe.norms, (w) => table.id(w)) });
  const p = windowProbabilitiesFloat(net, vectors, input);
  assert.ok(p[3]! > 0.5 && p[1]! < 0.5, `livid ${p[3]}, chair ${p[1]}`);
  const cached = windowProbabilities(unpackWindowNet(packWindowNet(net)), table, input);
  for (let i = 0; i < p.length; i++) assert.ok(Math.abs(cached[i]! - p[i]!) < 1e-4);
  // Two sentences, the first skipped by the token gate: its tokens get 0, the second's are as without a mask.
  const two = ctxOf('The desk is the desk. The chair is livid.');
  const twoInput = (mask: Uint8Array | null) => netInput({ ...two, rows: Int32Array.from(two.norms, (w) => table.id(w)) }, mask);
  const mask = Uint8Array.from(two.tokens, (t) => (t.sentence === 1 ? 1 : 0));
  const all = windowProbabilities(net, table, twoInput(null));
  const masked = windowProbabilities(net, table, twoInput(mask), mask);
  two.tokens.forEach((t, i) => assert.equal(masked[i], t.sentence === 1 ? all[i] : 0));
  // The smoothing stage reads the network's probability, its neighbours' and its sentence maximum.
  const summary = summarizeStage(two, new Float64Array(two.tokens.length), new Float64Array(two.sentences.length), all);
  const livid = two.norms.indexOf('livid');
  const names = stackFeatures(two, livid, new Float64Array(two.tokens.length), new Float64Array(two.sentences.length), summary).filter((f) => f.startsWith('wn'));
  assert.deepEqual(names.map((f) => f.split('=')[0]), ['wn', 'wn|p0', 'wn-1', 'wn+1', 'wnmax']);
  const plain = summarizeStage(two, new Float64Array(two.tokens.length), new Float64Array(two.sentences.length));
  assert.equal(stackFeatures(two, livid, new Float64Array(two.tokens.length), new Float64Array(two.sentences.length), plain).filter((f) => f.startsWith('wn')).length, 0);
});

test('technique features say whose words a span is: a source quoted in reported speech, or the author', () => {
  const quotedText = 'The minister said: "Leading experts agree this is safe."';
  const authorText = 'Leading experts agree this is safe.';
  const voice = (text: string, phrase: string) => {
    const ctx = ctxOf(text);
    const start = text.indexOf(phrase);
    const range = tokenRange(ctx.tokens, start, start + phrase.length)!;
    return spanFeatures(ctx, range[0], range[1]).filter((f) => f.startsWith('voice='));
  };
  assert.deepEqual(voice(quotedText, 'Leading experts agree'), ['voice=qr']);
  assert.deepEqual(voice(authorText, 'Leading experts agree'), ['voice=a']);
});

test('per-technique offsets shift the classifier’s choice, round-trip through the model file, and are checked', () => {
  const base = tinyModel({ words: ['traitors'], classes: { 'u=traitor': { 'Name_Calling,Labeling': 2 } } });
  const text = 'They are traitors.';
  const m = buildTextModel(text);
  const ctx = buildFeatureContext(text, m.tokens, m.sentences, createLexicon([]));
  const span = { start: text.indexOf('traitors'), end: text.indexOf('traitors') + 8 };
  assert.equal(classifySpan(base, ctx, span)![0]!.label, 'Name_Calling,Labeling');
  const offsets = new Float32Array(TECHNIQUE_LABELS.length);
  offsets[TECHNIQUE_LABELS.indexOf('Loaded_Language')] = 5;
  const shifted = { ...base, classifierOffsets: offsets };
  assert.equal(classifySpan(shifted, ctx, span)![0]!.label, 'Loaded_Language');
  const file = JSON.parse(JSON.stringify(tinyModelFile(shifted)));
  assert.deepEqual(Array.from(unpackModel(file, 'test').classifierOffsets!), Array.from(offsets));
  assert.throws(() => unpackModel({ ...file, classifierOffsets: [1, 2] }, 'bad'), { code: 'UNSPIN_E_MODEL_INVALID' });
});
