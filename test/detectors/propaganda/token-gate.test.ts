import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildFeatureContext, emitTokenFeatures } from '../../../src/detectors/propaganda/features.js';
import { FeatureRecord, FeatureTally, scoreSinkOf } from '../../../src/detectors/propaganda/feature-sink.js';
import { createPropagandaDetector } from '../../../src/detectors/propaganda/detector.js';
import { createLexicon } from '../../../src/detectors/propaganda/lexicons.js';
import { unpackModel } from '../../../src/detectors/propaganda/model.js';
import { firstStageProbabilities, sentenceProbabilities, tokenProbabilities, tokenStageMask } from '../../../src/detectors/propaganda/predict.js';
import { analyze } from '../../../src/pipeline/analyze.js';
import { buildTextModel } from '../../../src/text/model.js';
import { binary, tinyModel, tinyModelFile } from './tiny-model.js';

const lexicon = createLexicon([{ id: 'test-outrage', description: 'test', source: 'test', technique: 'Loaded_Language', terms: ['shameful'] }]);

// The tagger fires on "disgraceful" in both sentences; the sentence model is sure only of the second (p 0.98 against 0.02).
const TEXT = 'The council met on Monday to discuss a disgraceful parking plan. Critics called it a disgraceful betrayal of the town.';
const model = (tokenGate: number) => ({ ...tinyModel({ words: ['disgraceful', 'betrayal'] }), sentence: binary({ bias: -4, 'u=betrayal': 8 }), tokenGate });

function context() {
  const m = buildTextModel(TEXT);
  return buildFeatureContext(TEXT, m.tokens, m.sentences, lexicon);
}

test('the token stages skip a sentence below the gate: its tokens get probability 0, the other sentence exactly its ungated probabilities', () => {
  const ctx = context();
  const [a, b] = ctx.sentenceTokens[1]!;
  const sentences = sentenceProbabilities(model(0), ctx);
  assert.ok(sentences[0]! < 0.05 && sentences[1]! > 0.95, String(sentences));
  const open = tokenProbabilities(model(0), ctx, sentences);
  const gated = tokenProbabilities(model(0.5), ctx, sentences);
  // Sigmoids are never exactly 0, so a token scored by the stages is never 0.
  const scored = (probs: Float64Array) => probs.reduce((n, p) => n + (p > 0 ? 1 : 0), 0);
  assert.equal(scored(open), ctx.tokens.length);
  assert.equal(scored(gated), b - a);
  assert.deepEqual([...tokenStageMask(model(0.5), ctx, sentences)], ctx.tokens.map((t) => (t.sentence === 1 ? 1 : 0)));
  assert.deepEqual(Array.from(gated.subarray(a, b)), Array.from(open.subarray(a, b)));
  assert.ok(open[ctx.tokens.findIndex((t) => t.text === 'disgraceful')]! > 0.5);
});

test('with the gate the detector reports only the sentence the sentence model is sure of', () => {
  const texts = (tokenGate: number) => analyze(TEXT, { detectors: [createPropagandaDetector({ model: model(tokenGate), lexicon })] }).findings.map((f) => f.text);
  assert.deepEqual(texts(0), ['disgraceful', 'disgraceful betrayal']);
  assert.deepEqual(texts(0.5), ['disgraceful betrayal']);
});

test('the gate is read from the model file: absent means 0, and it must lie in [0, 1)', () => {
  const file = tinyModelFile(model(0.3));
  assert.equal(unpackModel(file, 'gate.json').tokenGate, 0.3);
  const { tokenGate: _dropped, ...older } = file;
  assert.equal(unpackModel(older, 'older.json').tokenGate, 0);
  assert.throws(() => unpackModel({ ...file, tokenGate: 1 }, 'bad.json'), /tokenGate must be in \[0, 1\)/);
  assert.throws(() => unpackModel({ ...file, tokenGate: -0.1 }, 'bad.json'), /tokenGate must be in \[0, 1\)/);
});

test('the first stage records each scored token\'s tagger features: replayed, they sum as extracting them again does; past its limit a token is left unrecorded', () => {
  const ctx = context();
  const m = model(0.5);
  const sentences = sentenceProbabilities(m, ctx);
  const mask = tokenStageMask(m, ctx, sentences);
  const record = new FeatureRecord(ctx.tokens.length);
  firstStageProbabilities(m.tagger, ctx, sentences, null, mask, record);
  const replayed = new FeatureTally(m.tagger.weights.length);
  const extracted = new FeatureTally(m.tagger.weights.length);
  const sink = scoreSinkOf(m.tagger);
  ctx.tokens.forEach((t, i) => {
    assert.equal(record.replay(i, m.tagger.weights, replayed), mask[i] === 1, `token ${i}`);
    if (mask[i] === 0) return;
    sink.reset().tally = extracted;
    emitTokenFeatures(ctx, i, sentences[t.sentence], sink, null);
  });
  sink.tally = null;
  assert.ok(extracted.ids.length > 1);
  assert.deepEqual(replayed.ids, extracted.ids);
  assert.deepEqual(replayed.ids.map((id) => replayed.sumOf(id)), extracted.ids.map((id) => extracted.sumOf(id)));
  const none = new FeatureRecord(ctx.tokens.length, 0);
  firstStageProbabilities(m.tagger, ctx, sentences, null, mask, none);
  assert.ok(ctx.tokens.every((_, i) => !none.replay(i, m.tagger.weights, new FeatureTally(m.tagger.weights.length))));
});
