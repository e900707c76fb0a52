import type { Span } from '../core/types.js';

/**
 * The longest run of non-space characters the text model reads as a token. Longer runs
 * (a base64 blob, a 100,000-character line with no space) are no words, and wink-nlp's
 * tokeniser backtracks on them (its abbreviation regex) or overflows the stack.
 */
export const MAX_TOKEN_LENGTH = 1000;

export interface BlankedText {
  /** The text with every overlong run replaced by as many spaces: same length, same offsets. */
  text: string;
  /** The runs that were blanked, in order. */
  skipped: Span[];
}

/** Blanks the runs of non-space characters longer than `limit`, in one pass over the text. */
export function blankOverlongRuns(text: string, limit = MAX_TOKEN_LENGTH): BlankedText {
  const skipped: Span[] = [];
  let runStart = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && !isSpace(text.charCodeAt(i))) continue;
    if (i - runStart > limit) skipped.push({ start: runStart, end: i });
    runStart = i + 1;
  }
  if (skipped.length === 0) return { text, skipped };
  const parts: string[] = [];
  let from = 0;
  for (const run of skipped) {
    parts.push(text.slice(from, run.start), ' '.repeat(run.end - run.start));
    from = run.end;
  }
  parts.push(text.slice(from));
  return { text: parts.join(''), skipped };
}

/** White space as `\s` sees it (the separators wink-nlp splits tokens on), without a regex per character. */
function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}
