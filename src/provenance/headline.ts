import type { ProvenanceContext } from './context.js';
import { phraseAt } from './cues.js';

const SMALL = new Set(['a', 'an', 'the', 'of', 'and', 'or', 'for', 'with', 'in', 'on', 'to', 'at', 'by', 'from', 'as', 'vs', 'vs.', 'but', 'nor']);
const cache = new WeakMap<ProvenanceContext, Set<number>>();

/**
 * The paragraphs that are headlines in title case ("States of the Joys Say Goodbye"): no
 * sentence-final stop, and at least three words before any colon or quotation, every one but
 * small words capitalised.
 * Their capitalised words are style, not names, so they never make a speaker on their own.
 */
export function headlineParagraphs(ctx: ProvenanceContext): Set<number> {
  let found = cache.get(ctx);
  if (found) return found;
  found = new Set();
  const { tokens } = ctx;
  let first = 0;
  for (let i = 0; i <= tokens.length; i++) {
    if (i < tokens.length && ctx.paragraphOf[i] === ctx.paragraphOf[first]) continue;
    if (i > first && isTitleCaseLine(ctx, first, i - 1)) found.add(ctx.paragraphOf[first]!);
    first = i;
  }
  cache.set(ctx, found);
  return found;
}

function isTitleCaseLine(ctx: ProvenanceContext, first: number, last: number): boolean {
  const { tokens } = ctx;
  if (ctx.isSentenceEnd(last) && tokens[last]!.text === '.') return false;
  let words = 0;
  for (let k = first; k <= last; k++) {
    const t = tokens[k]!;
    // "Another Bright Morning: “We will …”": the quoted words keep their own case.
    if (t.text === ':' || (ctx.isQuoteMark(k) && (k === first || t.start > tokens[k - 1]!.end))) break;
    // "According to HuffPo: …", "Tad Devine, Sanders' adviser": a cue or a comma is prose.
    if (t.text === ',' || (k === first && phraseAt(ctx, k))) return false;
    if (!ctx.isWord(k) || !/\p{L}/u.test(t.text)) continue;
    // The part after a hyphen ("Far-right") keeps its own case.
    if (k > first && tokens[k - 1]!.text === '-' && tokens[k - 1]!.start === tokens[k - 2]?.end) continue;
    words++;
    if (!ctx.isCapitalized(k) && !(k > first && SMALL.has(t.norm))) return false;
  }
  return words >= 3;
}

/** Whether token `i` lies in a title-case headline. */
export function inHeadline(ctx: ProvenanceContext, i: number): boolean {
  return headlineParagraphs(ctx).has(ctx.paragraphOf[i]!);
}
