import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildFeatureContext } from '../../../src/detectors/propaganda/features.js';
import { createLexicon } from '../../../src/detectors/propaganda/lexicons.js';
import { unpackModel } from '../../../src/detectors/propaganda/model.js';
import { decodeSpans } from '../../../src/detectors/propaganda/predict.js';
import { proposeSpans } from '../../../src/detectors/propaganda/propose.js';
import { buildTextModel } from '../../../src/text/model.js';
import { tinyModel, tinyModelFile } from './tiny-model.js';

const lexicon = createLexicon([]);

function contextOf(text: string) {
  const m = buildTextModel(text);
  return buildFeatureContext(text, m.tokens, m.sentences, lexicon);
}

/** Token probabilities: `high` for the listed words, `low` for the rest. */
function probsFor(ctx: ReturnType<typeof contextOf>, strong: Record<string, number>): Float64Array {
  return Float64Array.from(ctx.tokens, (t) => strong[t.text] ?? 0.01);
}

const textOf = (ctx: ReturnType<typeof contextOf>, s: { first: number; last: number }) => ctx.text.slice(ctx.tokens[s.first]!.start, ctx.tokens[s.last - 1]!.end);

test('a sentence-long bridge joins the strong runs of a sentence, never across sentences', () => {
  const ctx = contextOf('The corrupt elite, as always, betrayed us. The vile mob cheered.');
  const probs = probsFor(ctx, { corrupt: 0.9, elite: 0.9, betrayed: 0.9, vile: 0.9 });
  assert.deepEqual(decodeSpans(ctx, probs, 0.5, 1).map((s) => textOf(ctx, s)), ['corrupt elite', 'betrayed', 'vile']);
  assert.deepEqual(decodeSpans(ctx, probs, 0.5, 64).map((s) => textOf(ctx, s)), ['corrupt elite, as always, betrayed', 'vile']);
});

test('a decoded span takes whole words: never starting or ending inside "Let\'s", "left-wing" or "Trump\'s"', () => {
  const ctx = contextOf("Let's be honest: the left-wing mob loves Trump's critics.");
  const parts = ctx.tokens.map((t) => t.text);
  assert.deepEqual(parts.filter((t) => t === "'s" || t === '-'), ["'s", '-', "'s"]);
  const at = (...strong: number[]) => Float64Array.from(ctx.tokens, (_, i) => (strong.includes(i) ? 0.9 : 0.01));
  const [s1, s2] = [parts.indexOf("'s"), parts.lastIndexOf("'s")];
  assert.deepEqual(decodeSpans(ctx, at(s1, s1 + 1, s1 + 2), 0.5, 1).map((s) => textOf(ctx, s)), ["Let's be honest"]);
  assert.deepEqual(decodeSpans(ctx, at(parts.indexOf('wing'), parts.indexOf('mob')), 0.5, 1).map((s) => textOf(ctx, s)), ['left-wing mob']);
  assert.deepEqual(decodeSpans(ctx, at(s2 - 2, s2 - 1), 0.5, 1).map((s) => textOf(ctx, s)), ["loves Trump's"]);
  // A word on its own stays as it was: the colon after "honest" is no joiner.
  assert.deepEqual(decodeSpans(ctx, at(parts.indexOf('the')), 0.5, 1).map((s) => textOf(ctx, s)), ['the']);
});

test('punctuation at the edges of a decoded span is left out', () => {
  const ctx = contextOf('They called it a “rescue”, nothing more.');
  const probs = probsFor(ctx, { '“': 0.9, rescue: 0.9, '”': 0.9, ',': 0.9 });
  assert.deepEqual(decodeSpans(ctx, probs, 0.5, 1).map((s) => textOf(ctx, s)), ['rescue']);
  // A run of punctuation alone is no span.
  const marks = probsFor(ctx, { ',': 0.9 });
  assert.deepEqual(decodeSpans(ctx, marks, 0.5, 1), []);
});

test('a span needs one token at the seed probability; weaker tokens only widen it', () => {
  const ctx = contextOf('Their reckless plan failed. A modest plan passed.');
  const probs = probsFor(ctx, { reckless: 0.8, plan: 0.3, modest: 0.3 });
  const model = { ...tinyModel({ words: [] }), threshold: 0.25, seed: 0.5 };
  const spans = proposeSpans(model, ctx, new Float64Array(ctx.sentences.length), probs);
  // "reckless plan" (seeded by "reckless"); the first "plan" run in sentence two has no seed.
  assert.deepEqual(spans.map((s) => textOf(ctx, s)), ['reckless plan']);
  const unseeded = proposeSpans({ ...model, seed: 0.25 }, ctx, new Float64Array(ctx.sentences.length), probs);
  assert.deepEqual(unseeded.map((s) => textOf(ctx, s)), ['reckless plan', 'modest plan']);
});

test('model files: the seed round-trips, defaults to the threshold when absent, and is checked', () => {
  const model = { ...tinyModel({ words: [] }), threshold: 0.25, seed: 0.4 };
  const file = tinyModelFile(model);
  assert.equal(unpackModel(JSON.parse(JSON.stringify(file)), 'test').seed, 0.4);
  const { seed: _omitted, ...older } = file;
  assert.equal(unpackModel(older, 'older').seed, 0.25);
  assert.throws(() => unpackModel({ ...file, seed: 0.1 }, 'bad'), { code: 'UNSPIN_E_MODEL_INVALID' });
});
