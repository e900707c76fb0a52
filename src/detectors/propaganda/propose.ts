import type { Span } from '../../core/types.js';
import type { FeatureContext } from './features.js';
import type { PropagandaModel } from './model.js';
import { classifySpan, decodeSpans, tokenProbabilities, type TaggedSpan } from './predict.js';
import { repeatedOccurrences } from './spans.js';
import type { Technique } from './techniques.js';

export interface ProposeOptions {
  /** Also propose the other occurrences of short tagged phrases (Repetition). */
  repetition: boolean;
}

/** The spans the tagger proposes for a document, in token order, with repeated occurrences when asked. */
export function proposeSpans(model: PropagandaModel, ctx: FeatureContext, options: ProposeOptions): (TaggedSpan & { repeated: boolean })[] {
  const tagged = decodeSpans(ctx, tokenProbabilities(model, ctx), model.threshold).map((s) => ({ ...s, repeated: false }));
  if (!options.repetition) return tagged;
  const extra = repeatedOccurrences(ctx, tagged).map((s) => ({ ...s, repeated: true }));
  return [...tagged, ...extra].sort((a, b) => a.first - b.first);
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
