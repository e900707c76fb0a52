import type { FeatureContext } from './features.js';
import type { TaggedSpan } from './predict.js';

/**
 * Repetition needs the whole article: once the tagger marks a short phrase, its other
 * occurrences in the document (same words, case-folded) are candidates too. Only
 * phrases with a content word are repeated, so "the" or a comma never spreads.
 */
export function repeatedOccurrences(ctx: FeatureContext, spans: readonly TaggedSpan[], taken: readonly TaggedSpan[] = spans, maxTokens = 4): TaggedSpan[] {
  const { tokens } = ctx;
  const covered = new Uint8Array(tokens.length);
  for (const s of taken) covered.fill(1, s.first, s.last);
  const seen = new Set<string>();
  const extra: TaggedSpan[] = [];
  // Where each word occurs, so a phrase is looked for only where its first word is,
  // not by a scan of the whole document per phrase.
  let positions: Map<string, number[]> | undefined;
  for (const s of spans) {
    const n = s.last - s.first;
    if (n > maxTokens) continue;
    const words = ctx.norms.slice(s.first, s.last);
    const key = words.join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    const content = tokens.slice(s.first, s.last).some((t) => t.type === 'word' && ['NOUN', 'ADJ', 'VERB', 'ADV', 'PROPN'].includes(t.pos) && t.text.length > 2);
    if (!content) continue;
    positions ??= wordPositions(ctx.norms);
    for (const i of positions.get(words[0]!) ?? []) {
      if (i + n > tokens.length || covered[i]) continue;
      let same = true;
      for (let k = 0; k < n && same; k++) same = !covered[i + k] && ctx.norms[i + k] === words[k];
      if (!same) continue;
      extra.push({ first: i, last: i + n, score: s.score });
      covered.fill(1, i, i + n);
    }
  }
  return extra;
}

function wordPositions(norms: readonly string[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  norms.forEach((w, i) => {
    const list = out.get(w);
    if (list) list.push(i);
    else out.set(w, [i]);
  });
  return out;
}
