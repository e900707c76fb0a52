import type { Span } from '../../core/types.js';
import { scoreSinkOf, type FeatureRecord } from './feature-sink.js';
import { emitSentenceFeatures, emitStackFeatures, emitTokenFeatures, spanFeatures, summarizeStage, tokenRange, type FeatureContext } from './features.js';
import type { BinaryModel } from './linear.js';
import { featureIdsOf, multiProbabilitiesOfIds, sigmoid } from './linear.js';
import type { PropagandaModel } from './model.js';
import type { Technique } from './techniques.js';
import { netInput, windowProbabilities } from './window-net.js';
import { defaultWordTable } from '../../text/word-table.js';
import { packedMap } from '../../core/packed.js';

/** A span the tagger proposes, in token indices (end exclusive), with its mean token probability. */
export interface TaggedSpan {
  first: number;
  last: number;
  score: number;
}

const WORDISH = /[\p{L}\p{N}]/u;

/** Probability that each sentence holds some propaganda. */
export function sentenceProbabilities(model: Pick<PropagandaModel, 'sentence'>, ctx: FeatureContext): Float64Array {
  const sink = scoreSinkOf(model.sentence);
  return Float64Array.from(ctx.sentences, (_, s) => {
    emitSentenceFeatures(ctx, s, sink.reset());
    return sigmoid(sink.z);
  });
}

/**
 * The window network's token probabilities (null when the model has none); tokens outside
 * `mask` (skipped sentences) get 0 without being computed.
 */
export function netProbabilities(model: Pick<PropagandaModel, 'net'>, ctx: FeatureContext, mask: Uint8Array | null = null): Float64Array | null {
  return model.net ? windowProbabilities(model.net, defaultWordTable(), netInput(ctx, mask), mask) : null;
}

/**
 * Which tokens go through the token stages: those of sentences whose probability reaches
 * the model's `tokenGate` (1), the rest skipped (0). Both stages read only the tokens of
 * the token's own sentence, so a skipped sentence changes nothing for its neighbours.
 */
export function tokenStageMask(model: Pick<PropagandaModel, 'tokenGate'>, ctx: Pick<FeatureContext, 'tokens'>, sentenceProbs: ArrayLike<number>): Uint8Array {
  const gate = model.tokenGate;
  const { tokens } = ctx;
  const mask = new Uint8Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) if ((sentenceProbs[tokens[i]!.sentence] ?? 0) >= gate) mask[i] = 1;
  return mask;
}

/**
 * First tagger stage: token probabilities from lexical features, the sentence probability and
 * the window network's; a token outside `mask` (a skipped sentence's) gets 0. `record`, when
 * given, keeps each scored token's feature ids (to explain spans from).
 */
export function firstStageProbabilities(
  tagger: BinaryModel,
  ctx: FeatureContext,
  sentenceProbs: ArrayLike<number>,
  netProbs: ArrayLike<number> | null = null,
  mask: Uint8Array | null = null,
  record: FeatureRecord | null = null,
): Float64Array {
  const sink = scoreSinkOf(tagger);
  const { tokens } = ctx;
  const out = new Float64Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    if (mask && mask[i] === 0) continue;
    sink.reset();
    const recording = record !== null && record.begin(i);
    if (recording) sink.tally = record;
    emitTokenFeatures(ctx, i, sentenceProbs[tokens[i]!.sentence] ?? 0, sink, netProbs);
    if (recording) record.end(i);
    out[i] = sigmoid(sink.z);
  }
  sink.tally = null;
  return out;
}

/**
 * Second stage: token probabilities re-estimated from the first stage's neighbourhood and
 * the window network's probabilities (`netProbs`, when the model has the network); 0 outside `mask`.
 */
export function stackedProbabilities(stack: BinaryModel, ctx: FeatureContext, first: ArrayLike<number>, sentenceProbs: ArrayLike<number>, mask: Uint8Array | null = null, netProbs: ArrayLike<number> | null = null): Float64Array {
  const summary = summarizeStage(ctx, first, sentenceProbs, netProbs);
  const sink = scoreSinkOf(stack);
  const out = new Float64Array(ctx.tokens.length);
  for (let i = 0; i < out.length; i++) {
    if (mask && mask[i] === 0) continue;
    emitStackFeatures(ctx, i, first, sentenceProbs, summary, sink.reset());
    out[i] = sigmoid(sink.z);
  }
  return out;
}

/**
 * Probability that each token is inside a propaganda span (all stages); 0 for the tokens
 * of sentences below the model's `tokenGate`, which the token stages skip. `record`: as in
 * `firstStageProbabilities`.
 */
export function tokenProbabilities(model: PropagandaModel, ctx: FeatureContext, sentences: ArrayLike<number> = sentenceProbabilities(model, ctx), record: FeatureRecord | null = null): Float64Array {
  const mask = model.tokenGate > 0 ? tokenStageMask(model, ctx, sentences) : null;
  const first = firstStageProbabilities(model.tagger, ctx, sentences, null, mask, record);
  return stackedProbabilities(model.stack, ctx, first, sentences, mask, netProbabilities(model, ctx, mask));
}

/**
 * Turns token probabilities into spans: runs of tokens at or above the threshold within
 * one sentence, bridging up to `bridge` weaker tokens between two strong runs (PTC spans
 * are contiguous phrases, and a weak word or comma should not split a clause in two).
 * A bridge as long as a sentence joins all strong runs of a sentence into one span: the
 * SI metric averages precision over predicted spans, so three fragments of one clause,
 * two of them outside the gold span, cost more than the one span that holds them.
 */
export function decodeSpans(ctx: FeatureContext, probs: ArrayLike<number>, threshold: number, bridge = 1): TaggedSpan[] {
  const { tokens } = ctx;
  // 1: at or above the threshold, or bridged (a typed array: no boxed booleans to allocate).
  const on = new Uint8Array(probs.length);
  for (let i = 0; i < on.length; i++) if (probs[i]! >= threshold) on[i] = 1;
  for (let i = 0; i < tokens.length; i++) {
    if (on[i] || i === 0 || !on[i - 1]) continue;
    let j = i;
    while (j < tokens.length && !on[j] && j - i < bridge && tokens[j]!.sentence === tokens[i - 1]!.sentence) j++;
    if (j < tokens.length && on[j] && tokens[j]!.sentence === tokens[i - 1]!.sentence) on.fill(1, i, j);
  }
  const spans: TaggedSpan[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!on[i]) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < tokens.length && on[j] && tokens[j]!.sentence === tokens[i]!.sentence) j++;
    // Punctuation at the edges (a lone opening quote mark, a trailing comma) is not
    // part of the phrase; PTC spans rarely start or end with it.
    let first = i;
    let last = j;
    while (first < last && !WORDISH.test(tokens[first]!.text)) first++;
    while (last > first && !WORDISH.test(tokens[last - 1]!.text)) last--;
    if (last > first) {
      first = wordStart(tokens, first);
      last = wordEnd(tokens, last);
      let sum = 0;
      for (let k = first; k < last; k++) sum += probs[k]!;
      spans.push({ first, last, score: sum / (last - first) });
    }
    i = j;
  }
  return spans;
}

/** Inside a word, between two of its tokens: an apostrophe or hyphen touching word characters on both sides. */
const JOINER = /^['’-]$/;

/**
 * The first token of the word holding token `first`: a span never starts inside "Let's",
 * "left-wing" or "Trump's", whose tokens touch with no space between them.
 */
function wordStart(tokens: FeatureContext['tokens'], first: number): number {
  while (first > 0 && tokens[first - 1]!.sentence === tokens[first]!.sentence && tokens[first - 1]!.end === tokens[first]!.start) {
    const prev = tokens[first - 1]!;
    if (WORDISH.test(prev.text)) first--;
    else if (JOINER.test(prev.text) && first > 1 && tokens[first - 2]!.end === prev.start && WORDISH.test(tokens[first - 2]!.text)) first -= 2;
    else break;
  }
  return first;
}

/** One past the last token of the word holding token `last - 1` (see wordStart). */
function wordEnd(tokens: FeatureContext['tokens'], last: number): number {
  while (last < tokens.length && tokens[last]!.sentence === tokens[last - 1]!.sentence && tokens[last]!.start === tokens[last - 1]!.end) {
    const next = tokens[last]!;
    if (WORDISH.test(next.text)) last++;
    else if (JOINER.test(next.text) && last + 1 < tokens.length && tokens[last + 1]!.start === next.end && WORDISH.test(tokens[last + 1]!.text)) last += 2;
    else break;
  }
  return last;
}

/** Techniques ranked by probability for one span of tokens. */
export function classifyTokens(model: PropagandaModel, ctx: FeatureContext, first: number, last: number): { label: Technique; p: number }[] {
  return classifyFeatures(model, spanFeatures(ctx, first, last));
}

/** Techniques ranked by probability from a span's features, for a caller that also explains them. */
export function classifyFeatures(model: PropagandaModel, features: readonly string[], ids: Int32Array = featureIdsOf(model.classifier.index, features)): { label: Technique; p: number }[] {
  const probs = multiProbabilitiesOfIds(model.classifier, ids);
  const offsets = model.classifierOffsets;
  if (offsets) {
    let sum = 0;
    for (let k = 0; k < probs.length; k++) sum += probs[k]! *= Math.exp(offsets[k]!);
    for (let k = 0; k < probs.length; k++) probs[k]! /= sum;
  }
  return packedMap(model.classifier.labels, (label, k) => ({ label: label as Technique, p: probs[k]! })).sort((a, b) => b.p - a.p);
}

/** Techniques ranked for a character span; null when the span holds no token. */
export function classifySpan(model: PropagandaModel, ctx: FeatureContext, span: Span): { label: Technique; p: number }[] | null {
  const range = tokenRange(ctx.tokens, span.start, span.end);
  return range ? classifyTokens(model, ctx, range[0], range[1]) : null;
}
