import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seededRandom } from '../../../src/core/random.js';
import { buildFeatureContext, hitsWithin, spanFeatures, stackFeatures, summarizeStage, tokenRange } from '../../../src/detectors/propaganda/features.js';
import { createLexicon, type LexiconEntry } from '../../../src/detectors/propaganda/lexicons.js';
import { buildTextModel } from '../../../src/text/model.js';

// The indexed lookups that keep propaganda features linear in the document must give
// what a plain scan gives. Each test compares the two on the same document.

const entries: LexiconEntry[] = [
  { id: 'fear', description: 'test', source: 'test', technique: 'Appeal_to_fear-prejudice', terms: ['threat', 'grave threat'] },
  { id: 'loaded', description: 'test', source: 'test', technique: 'Loaded_Language', terms: ['disaster', 'grave'] },
];
const TEXT = [
  'The grave threat is a disaster, a "total disaster" they said.',
  'Another threat! Is this a disaster? "Yes", "no", "maybe" — a grave, grave threat.',
  'Nothing here at all.',
].join('\n');

function context(text = TEXT) {
  const m = buildTextModel(text);
  return buildFeatureContext(text, m.tokens, m.sentences, createLexicon(entries));
}

test('token ranges found by binary search equal a scan over every token', () => {
  const ctx = context();
  const scan = (start: number, end: number): [number, number] | null => {
    const inside = ctx.tokens.flatMap((t, i) => (t.end > start && t.start < end ? [i] : []));
    return inside.length === 0 ? null : [inside[0]!, inside[inside.length - 1]! + 1];
  };
  for (let start = 0; start <= TEXT.length; start += 3) {
    for (let end = start; end <= Math.min(TEXT.length, start + 40); end += 5) assert.deepEqual(tokenRange(ctx.tokens, start, end), scan(start, end), `${start}..${end}`);
  }
});

test('lexicon hits within a token range equal a filter over all hits, in order', () => {
  const ctx = context();
  assert.ok(ctx.hits.length >= 6);
  for (let first = 0; first < ctx.tokens.length; first++) {
    for (let last = first + 1; last <= Math.min(ctx.tokens.length, first + 8); last++) {
      assert.deepEqual(hitsWithin(ctx, first, last), ctx.hits.filter((h) => h.first >= first && h.last <= last));
    }
  }
});

test('distances to the nearest strong token equal a scan from each token', () => {
  const ctx = context();
  const random = seededRandom(7);
  const probs = Float64Array.from(ctx.tokens, () => random());
  const sentenceProbs = Float64Array.from(ctx.sentences, () => random());
  const summary = summarizeStage(ctx, probs, sentenceProbs);
  ctx.tokens.forEach((tok, i) => {
    const [sa, sb] = ctx.sentenceTokens[tok.sentence]!;
    let left = 0;
    while (i - left - 1 >= sa && probs[i - left - 1]! < 0.5) left++;
    let right = 0;
    while (i + right + 1 < sb && probs[i + right + 1]! < 0.5) right++;
    const leftStrong = i - left - 1 >= sa;
    const rightStrong = i + right + 1 < sb;
    const f = stackFeatures(ctx, i, probs, sentenceProbs, summary);
    assert.ok(f.includes(`between=${leftStrong && rightStrong ? Math.min(4, left + right) : 'no'}`), `token ${i}`);
    assert.ok(f.includes(`dl=${leftStrong ? Math.min(5, left) : 'x'}|${tok.pos}`), `token ${i}`);
    assert.ok(f.includes(`dr=${rightStrong ? Math.min(5, right) : 'x'}|${tok.pos}`), `token ${i}`);
  });
});

test('a span counts its repetitions in the whole of a short document', () => {
  const ctx = context();
  const first = ctx.tokens.findIndex((t) => t.text === 'disaster');
  // "disaster" occurs three times, case-folded: bucket <=3.
  assert.ok(spanFeatures(ctx, first, first + 1).includes('rep=<=3'));
});

test('ten thousand quotation marks in one sentence give a feature context and stack features for every token', () => {
  // Spaced, so each mark is a token: a run of 10,000 marks with no space is skipped as overlong.
  const text = `He said ${'" '.repeat(10_000)}it.`;
  const ctx = context(text);
  const probs = Float64Array.from(ctx.tokens, (_, i) => (i % 97 === 0 ? 0.9 : 0.1));
  const sentenceProbs = Float64Array.from(ctx.sentences, () => 0.5);
  const summary = summarizeStage(ctx, probs, sentenceProbs);
  let between = 0;
  for (let i = 0; i < ctx.tokens.length; i++) if (!stackFeatures(ctx, i, probs, sentenceProbs, summary).includes('between=no')) between++;
  assert.ok(between > ctx.tokens.length / 2);
});
