import type { Span } from '../../core/types.js';
import type { FeatureContext } from './features.js';
import type { LexiconHit } from './lexicons.js';
import type { PropagandaModel } from './model.js';
import { proposalFeatures } from './features.js';
import { binaryScore, sigmoid } from './linear.js';
import { classifySpan, classifyTokens, decodeSpans, sentenceProbabilities, tokenProbabilities, type TaggedSpan } from './predict.js';
import { repeatedOccurrences } from './spans.js';
import type { Technique } from './techniques.js';

/**
 * A proposed span and what proposed it: the tagger, the whole-article repetition step, the
 * sentence model, or a lexicon cue whose entry is reported on its own (`cue` holds the hit).
 */
export interface ProposedSpan extends TaggedSpan {
  source: 'tagger' | 'repetition' | 'sentence' | 'cue';
  cue?: LexiconHit;
}

/**
 * The spans the tagger proposes for a document, in token order, with repeated
 * occurrences when the model says so. `probs` lets training try thresholds without
 * recomputing the token probabilities; `spanScores` (the filter's probability for each
 * decoded span, in order) lets it score with out-of-fold filters.
 */
export function proposeSpans(
  model: PropagandaModel,
  ctx: FeatureContext,
  sentenceProbs: ArrayLike<number> = sentenceProbabilities(model, ctx),
  probs = tokenProbabilities(model, ctx, sentenceProbs),
  spanScores?: ArrayLike<number>,
): ProposedSpan[] {
  const tagged: ProposedSpan[] = [];
  for (const [k, s] of decodeSpans(ctx, probs, model.threshold, model.bridge).entries()) {
    if (!reaches(probs, s, model.seed)) continue;
    // The filter's probability replaces the mean token probability as the span's score.
    const score = spanScores?.[k] ?? sigmoid(binaryScore(model.filter, proposalFeatures(ctx, s.first, s.last, probs, sentenceProbs[ctx.tokens[s.first]!.sentence] ?? 0)));
    if (score >= model.filterThreshold) tagged.push({ ...s, score, source: 'tagger' });
  }
  if (model.wholeSentence !== null) {
    const found = new Set(tagged.map((s) => ctx.tokens[s.first]!.sentence));
    ctx.sentenceTokens.forEach(([a, b], k) => {
      const p = sentenceProbs[k] ?? 0;
      if (p >= model.wholeSentence! && !found.has(k) && b > a) tagged.push({ first: a, last: b, score: p, source: 'sentence' });
    });
    tagged.sort((x, y) => x.first - y.first);
  }
  const cues = cueSpans(ctx, sentenceProbs);
  if (model.repetition === 'off') return cues.length ? [...tagged, ...cues].sort((a, b) => a.first - b.first) : tagged;
  const seeds = model.repetition === 'all' ? tagged : tagged.filter((s) => s.last - s.first <= 4 && classifyTokens(model, ctx, s.first, s.last)[0]!.label === 'Repetition');
  const extra = repeatedOccurrences(ctx, seeds, tagged).map((s): ProposedSpan => ({ ...s, source: 'repetition' }));
  return [...tagged, ...extra, ...cues].sort((a, b) => a.first - b.first);
}

/** Tokens that close the clause a reported cue opens. */
const CLAUSE_END = new Set([',', ';', ':', '.', '!', '?', '—', '–']);

/**
 * Hits of lexicon entries marked `report`, each as a span from the cue to the end of its
 * clause ("Everyone knows the vote was rigged"), scored with its sentence's probability.
 * A tagged span over the cue may be labelled otherwise ("… was bought, and every honest
 * person" as Loaded_Language), so the cue is proposed either way; the detector drops it
 * where a finding of the cue's own technique already covers it.
 */
function cueSpans(ctx: FeatureContext, sentenceProbs: ArrayLike<number>): ProposedSpan[] {
  const out: ProposedSpan[] = [];
  for (const h of ctx.hits) {
    if (!h.report) continue;
    const previous = out[out.length - 1];
    if (previous && previous.last > h.first) continue;
    const sentence = ctx.tokens[h.first]!.sentence;
    const end = ctx.sentenceTokens[sentence]?.[1] ?? h.last;
    let last = h.last;
    while (last < end && !CLAUSE_END.has(ctx.tokens[last]!.text)) last++;
    out.push({ first: h.first, last, score: sentenceProbs[sentence] ?? 0, source: 'cue', cue: h });
  }
  return out;
}

function reaches(probs: ArrayLike<number>, span: TaggedSpan, seed: number): boolean {
  for (let i = span.first; i < span.last; i++) if (probs[i]! >= seed) return true;
  return false;
}

/**
 * One technique per given span for TC. A span listed k times (several gold techniques)
 * gets its k most probable techniques, so repeated listings are not scored as one guess.
 */
export function rankTechniquesForSpans(model: PropagandaModel, ctx: FeatureContext, spans: readonly Span[]): Technique[] {
  const used = new Map<string, number>();
  const cache = new Map<string, Technique[]>();
  return spans.map((span) => {
    const key = `${span.start}:${span.end}`;
    let ranked = cache.get(key);
    if (!ranked) {
      ranked = (classifySpan(model, ctx, span) ?? [{ label: 'Loaded_Language' as Technique, p: 1 }]).map((r) => r.label);
      cache.set(key, ranked);
    }
    const k = used.get(key) ?? 0;
    used.set(key, k + 1);
    return ranked[Math.min(k, ranked.length - 1)]!;
  });
}
