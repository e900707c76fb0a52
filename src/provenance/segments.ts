import type { Outlet, Quote, Segment } from '../core/types.js';
import type { ProvenanceContext } from './context.js';
import { headlineParagraphs } from './headline.js';
import { v2Lexicon, type V2Lexicon } from './v2-lexicon.js';
import { packedMap } from '../core/packed.js';

/** How many tokens from a paragraph's start a "(Reuters)" or "— TASS" dateline credit may sit. */
const DATELINE_TOKENS = 10;

/**
 * Splits the text into `report` segments (news copy in a reporter's register) and `commentary`
 * segments (the writer's own first-person or evaluative text), paragraph by paragraph.
 *
 * A sentence is commentary when, outside every quote, it has a first-person word or an address
 * to the reader, or an evaluative word (data/provenance/commentary.yml); a paragraph is
 * commentary when most of its characters are. A title-case headline takes the kind of the
 * paragraph after it. Consecutive paragraphs of one kind make one segment.
 *
 * Report segments get the outlet the text was copied from: the outlet credited in a dateline
 * ("MINSK (Reuters) -") or a credit line ("via RT", "Source: TASS"), else the one outlet
 * through which all the attributed quotes in report paragraphs came.
 */
export function findSegments(ctx: ProvenanceContext, quotes: readonly Quote[], outlets: readonly Outlet[], lex: V2Lexicon = v2Lexicon()): Segment[] {
  const { tokens } = ctx;
  if (tokens.length === 0) return [];
  const quoted = new Uint8Array(tokens.length);
  for (const q of quotes) {
    if (q.kind === 'scare') continue;
    for (let k = ctx.tokenAtOrAfter(q.start); k < tokens.length && tokens[k]!.start < q.end; k++) quoted[k] = 1;
  }
  // Per paragraph: its token range and its characters in commentary sentences.
  const paragraphs: { first: number; last: number; commentary: number; total: number }[] = [];
  let sentenceFirst = 0;
  let marked = false;
  for (let i = 0; i < tokens.length; i++) {
    const p = ctx.paragraphOf[i]!;
    if (paragraphs.length === 0 || ctx.paragraphOf[paragraphs[paragraphs.length - 1]!.first] !== p) paragraphs.push({ first: i, last: i, commentary: 0, total: 0 });
    const para = paragraphs[paragraphs.length - 1]!;
    para.last = i;
    const t = tokens[i]!;
    if (!quoted[i] && !marked) {
      const mark = lex.commentaryMarks.get(t.norm);
      if (mark === true || (mark !== undefined && !quoted[i + 1] && i + 1 < tokens.length && mark.has(tokens[i + 1]!.norm))) marked = true;
    }
    const endsSentence = i + 1 >= tokens.length || ctx.sentenceOf[i + 1] !== ctx.sentenceOf[i];
    if (!endsSentence) continue;
    const chars = t.end - tokens[sentenceFirst]!.start;
    para.total += chars;
    if (marked) para.commentary += chars;
    sentenceFirst = i + 1;
    marked = false;
  }
  const headlines = headlineParagraphs(ctx);
  const kinds = packedMap(paragraphs, (p) => (p.commentary * 2 > p.total ? 'commentary' : 'report') as Segment['kind']);
  for (let k = kinds.length - 2; k >= 0; k--) if (headlines.has(ctx.paragraphOf[paragraphs[k]!.first]!)) kinds[k] = kinds[k + 1]!;

  const credited = creditedOutlet(ctx, outlets, lex);
  // A credit line names the copy for the whole text; quotes through one outlet vouch only for
  // the paragraphs that carry them, so the writer's own report-style lines are not the outlet's.
  const relayed = credited ? null : quotesOutlet(quotes, ctx, paragraphs, kinds);
  const spans: Segment[] = [];
  paragraphs.forEach((p, k) => {
    const start = tokens[p.first]!.start;
    const end = tokens[p.last]!.end;
    const outletId = kinds[k] !== 'report' ? null : (credited ?? (relayed?.paragraphs.has(k) ? relayed.outletId : null));
    const prev = spans[spans.length - 1];
    if (prev && prev.kind === kinds[k] && prev.outletId === outletId) prev.end = end;
    else spans.push({ start, end, kind: kinds[k]!, outletId });
  });
  return spans;
}

/** An outlet named in a dateline ("MINSK (Reuters) -", "— TASS") or after a credit word ("via RT"). */
function creditedOutlet(ctx: ProvenanceContext, outlets: readonly Outlet[], lex: V2Lexicon): string | null {
  const { tokens } = ctx;
  for (const o of outlets) {
    for (const m of o.mentions) {
      const first = ctx.tokenAtOrAfter(m.start);
      let k = first - 1;
      while (k >= 0 && /^[(:\-\u2013\u2014|]$/.test(tokens[k]!.text) && first - k < 3) k--;
      // Dateline: "MINSK (Reuters) -" — the outlet in parentheses near the paragraph's start.
      let start = first;
      while (start > 0 && first - start <= DATELINE_TOKENS && ctx.sameParagraph(start - 1, first)) start--;
      if (start > 0 && ctx.sameParagraph(start - 1, first)) start = -1;
      const opened = tokens[first - 1]?.text === '(';
      if (opened && start >= 0 && /^[A-Z\s.,'’-]+$/.test(ctx.text.slice(tokens[start]!.start, tokens[first - 1]!.start).trim() || 'X')) return o.id;
      if (k >= 0 && ctx.sameParagraph(k, first) && (lex.credit.has(tokens[k]!.norm) || (tokens[k]!.norm === 'by' && lex.credit.has(tokens[k - 1]?.norm ?? '')))) return o.id;
    }
  }
  return null;
}

/**
 * The one outlet through which every attributed quote inside report paragraphs came, with the
 * report paragraphs that carry such a quote; null when there is none or there are several.
 */
function quotesOutlet(quotes: readonly Quote[], ctx: ProvenanceContext, paragraphs: readonly { first: number; last: number }[], kinds: readonly Segment['kind'][]): { outletId: string; paragraphs: Set<number> } | null {
  let found: string | null = null;
  const carrying = new Set<number>();
  let k = 0;
  const { tokens } = ctx;
  // Quotes and paragraphs are both in text order: one walk. (An index loop: `for … of` here
  // deoptimised again and again on the array iterator, "wrong map".)
  for (let i = 0; i < quotes.length; i++) {
    const q = quotes[i]!;
    while (k < paragraphs.length && tokens[paragraphs[k]!.last]!.end <= q.start) k++;
    if (!q.outletId) continue;
    const p = paragraphs[k];
    if (!p || kinds[k] !== 'report' || tokens[p.first]!.start > q.start) continue;
    if (found && found !== q.outletId) return null;
    found = q.outletId;
    carrying.add(k);
  }
  return found ? { outletId: found, paragraphs: carrying } : null;
}
