import type { Quote, VoiceSpan } from '../core/types.js';

/**
 * Splits the whole text into voices: direct quotes are `quoted`, indirect quotes
 * `reported`, everything else `author` (scare quotes are the author's own irony).
 * Every non-space character ends up in exactly one span; spans never start or end
 * with whitespace.
 */
export function buildVoices(text: string, quotes: readonly Quote[]): VoiceSpan[] {
  const owned = quotes
    .filter((q) => q.kind !== 'scare')
    .map((q) => ({ start: q.start, end: q.end, voice: q.kind === 'direct' ? ('quoted' as const) : ('reported' as const), quoteId: q.id }))
    .sort((a, b) => a.start - b.start || b.end - a.end);

  const pieces: VoiceSpan[] = [];
  let cursor = 0;
  for (const q of owned) {
    if (q.end <= cursor) continue; // nested in, or fully covered by, an earlier quote
    const start = Math.max(q.start, cursor);
    if (start > cursor) pushTrimmed(text, pieces, { start: cursor, end: start, voice: 'author' });
    pushTrimmed(text, pieces, { ...q, start });
    cursor = q.end;
  }
  if (cursor < text.length) pushTrimmed(text, pieces, { start: cursor, end: text.length, voice: 'author' });
  return pieces;
}

function pushTrimmed(text: string, out: VoiceSpan[], span: VoiceSpan): void {
  let { start, end } = span;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (start >= end) return;
  const previous = out[out.length - 1];
  if (previous && previous.voice === span.voice && previous.quoteId === span.quoteId) {
    previous.end = end;
    return;
  }
  const piece: VoiceSpan = { start, end, voice: span.voice };
  if (span.quoteId !== undefined) piece.quoteId = span.quoteId;
  out.push(piece);
}

/** Exactly the characters `\s` and trim() take as space (so not U+0085 NEL): the voice partition is checked with them. */
function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x2028 || code === 0x2029 || code === 0x3000 || (code >= 0x2000 && code <= 0x200a) || code === 0x202f || code === 0x205f || code === 0xfeff || code === 0x1680;
}
