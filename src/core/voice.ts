import { findContaining, firstAtOrAfter, partitionPoint } from './spans.js';
import type { ClaimPart, Quote, Span, TextSpan, Token, Voice, VoiceSpan } from './types.js';

/** Provenance's name for the writer when a first-person subject reports speech outside quotation marks ("I have always said …"). */
export const AUTHOR_SPEAKER = 'the author';

/** What a finding's voice is decided from: its span and, when it has them, the words that carry it. */
export interface VoiceEvidence extends Span {
  /** Hate: the words that carry it. */
  evidence?: readonly TextSpan[];
  /** Claims: the parts a fact-checker searches for. */
  parts?: readonly ClaimPart[];
}

/**
 * Part types that carry what a claim asserts: its figures. Names and dates often sit in
 * the attribution ("Anna Keller told Sputnik", "said on Sunday that ..."), so they do not decide.
 */
const ASSERTED_PARTS = new Set<ClaimPart['type']>(['number']);
/** How far before a cue a figure still sits in its attribution: "Sarah Okafor, 27, said" (characters). */
const ATTRIBUTION_REACH = 12;

/**
 * The voice of a finding, from the words that carry it rather than from the characters of
 * the whole span: a hate finding's evidence, a claim's figures; failing those,
 * the span without the attribution cues of the quotes inside it (in `"… 27 billion
 * euros," Anna Keller told Sputnik` the words "Anna Keller told Sputnik" frame the quote,
 * they are not the author's claim). Ties go to the quoted and reported voices: when the
 * carrying words are split, the finding is not the author's own.
 */
export function voiceOfFinding(voices: readonly VoiceSpan[], quotes: readonly Quote[], finding: VoiceEvidence): Voice {
  // Quotes are sorted by start: only those starting inside the finding are read.
  const cues: Span[] = [];
  const inside: Span[] = [];
  for (let k = firstAtOrAfter(quotes, finding.start); k < quotes.length && quotes[k]!.start < finding.end; k++) {
    const q = quotes[k]!;
    if (q.kind !== 'scare' && q.end <= finding.end) inside.push(q);
    if (q.kind !== 'scare' && q.cue && q.end <= finding.end) cues.push(q.cue);
  }
  let carriers = carrierSpans(finding);
  // "Sarah Okafor, 27, said she stepped in", "20 Minutes reported": a figure just before a quote's cue,
  // outside every quote, is part of the attribution (an age, a name), not of what is claimed.
  if (!finding.evidence?.length && cues.length > 0) carriers = carriers.filter((c) => inside.some((q) => q.start <= c.start && c.end <= q.end) || !cues.some((cue) => c.end <= cue.start && cue.start - c.end <= ATTRIBUTION_REACH));
  if (carriers.length) {
    const voice = majority(countVoices(voices, carriers));
    if (voice) return voice;
  }
  return majority(countVoices(voices, [finding], cues)) ?? 'author';
}

/** The voice covering most of a span's characters; `author` when none does (the old rule, for callers without findings). */
export function voiceOfSpan(voices: readonly VoiceSpan[], start: number, end: number): Voice {
  return majority(countVoices(voices, [{ start, end }])) ?? 'author';
}

function carrierSpans(finding: VoiceEvidence): Span[] {
  if (finding.evidence?.length) return [...finding.evidence];
  return (finding.parts ?? []).filter((p) => ASSERTED_PARTS.has(p.type));
}

/** Characters of each voice inside `spans`, leaving out the `excluded` stretches. */
function countVoices(voices: readonly VoiceSpan[], spans: readonly Span[], excluded: readonly Span[] = []): Record<Voice, number> {
  const counts: Record<Voice, number> = { author: 0, quoted: 0, reported: 0 };
  const excludedLength = excluded.length > 8 ? excludedIndex(excluded) : excludedWalk(excluded);
  for (const s of spans) {
    let i = findContaining(voices, s.start);
    if (i < 0) i = firstAtOrAfter(voices, s.start + 1, 'end');
    for (; i >= 0 && i < voices.length && voices[i]!.start < s.end; i++) {
      const v = voices[i]!;
      const start = Math.max(v.start, s.start);
      const end = Math.min(v.end, s.end);
      if (end <= start) continue;
      counts[v.voice] += end - start - excludedLength(start, end);
    }
  }
  return counts;
}

/** Characters of start..end inside the excluded stretches (each counted, overlapping or not): a few, walked. */
function excludedWalk(excluded: readonly Span[]): (start: number, end: number) => number {
  return (start, end) => {
    let n = 0;
    for (const e of excluded) n += Math.max(0, Math.min(e.end, end) - Math.max(e.start, start));
    return n;
  };
}

/**
 * The same sum over many stretches (a finding spanning a sentence of thousands of quotes):
 * sorted by start with the running maximum end, only the stretches that can overlap are read.
 */
function excludedIndex(excluded: readonly Span[]): (start: number, end: number) => number {
  const sorted = [...excluded].sort((a, b) => a.start - b.start);
  const maxEnd = new Float64Array(sorted.length);
  let max = -Infinity;
  for (let k = 0; k < sorted.length; k++) maxEnd[k] = max = Math.max(max, sorted[k]!.end);
  return (start, end) => {
    const lo = partitionPoint(sorted.length, (mid) => maxEnd[mid]! <= start);
    let n = 0;
    for (let k = lo; k < sorted.length && sorted[k]!.start < end; k++) n += Math.max(0, Math.min(sorted[k]!.end, end) - Math.max(sorted[k]!.start, start));
    return n;
  };
}

function majority(counts: Record<Voice, number>): Voice | undefined {
  if (counts.author + counts.quoted + counts.reported <= 0) return undefined;
  if (counts.quoted > 0 && counts.quoted >= counts.reported && counts.quoted >= counts.author) return 'quoted';
  if (counts.reported > 0 && counts.reported >= counts.author) return 'reported';
  return 'author';
}

const QUOTE_MARKS = /["\u201C\u201D\u2018\u2019\u00AB\u00BB]/;

/**
 * Direct quotes nested inside reported speech (`The mayor said "hello" to Reuters.`) are
 * the speaker's exact words: the voice map shows them as `quoted`, splitting the reported
 * span around them. Sorted, non-overlapping input gives sorted, non-overlapping output.
 */
export function nestQuotedVoices(text: string, voices: readonly VoiceSpan[], quotes: readonly Quote[]): VoiceSpan[] {
  const direct = quotes.filter((q) => q.kind === 'direct').sort((a, b) => a.start - b.start);
  if (direct.length === 0) return [...voices];
  const out: VoiceSpan[] = [];
  // Voices and direct quotes are both sorted: one walk, each quote passed once.
  let next = 0;
  for (const v of voices) {
    if (v.voice !== 'reported') {
      out.push(v);
      continue;
    }
    let cursor = v.start;
    while (next < direct.length && direct[next]!.start < v.start) next++;
    for (; next < direct.length && direct[next]!.start < v.end; next++) {
      const q = direct[next]!;
      if (q.end <= cursor || q.end > v.end) continue;
      // The quotation marks around the words go with them, so the reported tint does not show a lone mark.
      let start = q.start;
      let end = q.end;
      while (start > cursor && QUOTE_MARKS.test(text[start - 1]!)) start--;
      while (end < v.end && QUOTE_MARKS.test(text[end]!)) end++;
      push(text, out, { ...v, start: cursor, end: start });
      out.push({ start, end, voice: 'quoted', quoteId: q.id });
      cursor = end;
    }
    push(text, out, { ...v, start: cursor, end: v.end });
  }
  return out;
}

/** Adds a piece of reported speech, trimmed of surrounding spaces; empty pieces are dropped. */
function push(text: string, out: VoiceSpan[], span: VoiceSpan): void {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (start < end) out.push({ ...span, start, end });
}

/**
 * Gives every token its voice and innermost quote (`Token.voice`, `Token.quote`), so that
 * detectors read them instead of searching the voice map or the quotes per token. Tokens
 * and voices are sorted and voices do not overlap, so one cursor walks each once; quotes
 * may nest, so the ones open at a token are kept on a stack, innermost on top.
 */
export function annotateTokens(tokens: readonly Token[], voices: readonly VoiceSpan[], quotes: readonly Quote[]): void {
  // Quote indexes by start, the longer first at a tie, so that the inner one is pushed last.
  // Filled by push, always packed (see core/packed.ts; packedMap would read `quotes`, whose hidden class varies).
  const order: number[] = [];
  for (let i = 0; i < quotes.length; i++) order.push(i);
  order.sort((a, b) => quotes[a]!.start - quotes[b]!.start || quotes[b]!.end - quotes[a]!.end);
  const open: number[] = [];
  let v = 0;
  let q = 0;
  for (const token of tokens) {
    const at = token.start;
    while (v < voices.length && voices[v]!.end <= at) v++;
    token.voice = v < voices.length && voices[v]!.start <= at ? voices[v]!.voice : 'author';
    while (q < order.length && quotes[order[q]!]!.start <= at) open.push(order[q++]!);
    // A quote that ended is dropped when it comes to the top: one under an open inner quote waits.
    while (open.length > 0 && quotes[open[open.length - 1]!]!.end <= at) open.pop();
    token.quote = open.length > 0 ? open[open.length - 1]! : -1;
  }
}
