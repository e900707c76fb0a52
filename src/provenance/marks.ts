/**
 * Finds passages between quotation marks in one linear pass over the characters.
 *
 * Handles straight and curly double quotes, low-9 and guillemets, and curly single quotes
 * outside a double quote, plus the common web breakages: an opening mark missing at the start
 * of a paragraph, a quote running over several paragraphs (a paragraph ends open and the next
 * one starts with an opening mark), and an unclosed quote, which ends with its paragraph.
 *
 * A segment's `start..end` covers the quoted words WITHOUT the marks (trimmed of spaces);
 * `outerStart..outerEnd` includes the marks that were found.
 */
export interface QuotedSegment {
  start: number;
  end: number;
  outerStart: number;
  outerEnd: number;
  /** Position of the opening mark, or -1 when it is missing. */
  open: number;
  /** Position of the closing mark, or -1 when the quote ran to the end of its paragraph. */
  close: number;
  single: boolean;
  /** How many paragraphs the quote spans (1 for most). */
  paragraphs: number;
}

type Role = 'open' | 'close' | 'either';

const DOUBLE = new Set(['"', '\u201C', '\u201D', '\u201E', '\u201F', '\u00AB', '\u00BB', '\u2033']);

function isSpace(c: string | undefined): boolean {
  return c === undefined || c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\u00A0' || c === '\u2028' || c === '\u2029' || c === '\u3000' || c === '\u202F';
}

/** Characters before an opening mark: start, space, bracket or dash. */
function opensAfter(c: string | undefined): boolean {
  return isSpace(c) || c === '(' || c === '[' || c === '{' || c === '\u2014' || c === '\u2013' || c === '-' || c === '/' || c === ':';
}

/** Characters after a closing mark: end, space or punctuation. */
function closesBefore(c: string | undefined): boolean {
  return isSpace(c) || c === '.' || c === ',' || c === ';' || c === ':' || c === '!' || c === '?' || c === ')' || c === ']' || c === '\u2014' || c === '\u2013' || c === '-' || c === '\u2026';
}

function isLetter(c: string | undefined): boolean {
  return c !== undefined && /\p{L}|\p{N}/u.test(c);
}

function doubleRole(ch: string, before: string | undefined, after: string | undefined): Role {
  const o = opensAfter(before) && !isSpace(after);
  const c = !isSpace(before) && closesBefore(after);
  switch (ch) {
    case '\u201C': // “ opens in English; misused as a closer after a word
    case '\u00AB':
    case '\u201E':
    case '\u201F':
      return c && !o ? 'close' : 'open';
    case '\u201D': // ” closes; misused as an opener before a word
    case '\u00BB':
    case '\u2033':
      return o && !c ? 'open' : 'close';
    default:
      return o && !c ? 'open' : c && !o ? 'close' : 'either';
  }
}

interface Paragraph {
  start: number;
  end: number;
}

function paragraphsOf(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 10;
    if (code !== 10 && code !== 13 && code !== 0x2029) continue;
    let a = start;
    let b = i;
    while (a < b && isSpace(text[a])) a++;
    while (b > a && isSpace(text[b - 1])) b--;
    if (a < b) out.push({ start: a, end: b });
    start = i + 1;
  }
  return out;
}

export function findQuotedSegments(text: string): QuotedSegment[] {
  const paragraphs = paragraphsOf(text);
  const out: QuotedSegment[] = [];
  // An open double quote carried over from the previous paragraph.
  let carried: { open: number; innerStart: number; paragraphs: number } | null = null;

  for (let p = 0; p < paragraphs.length; p++) {
    const para = paragraphs[p]!;
    let openAt = -1;
    let innerStart = -1;
    let spanned = 1;
    let sawDouble = false;
    let singleOpen = -1;
    let i = para.start;

    if (carried) {
      const first = text[para.start]!;
      // The continuation paragraph repeats an opening mark; the quote goes on.
      if (DOUBLE.has(first) && doubleRole(first, text[para.start - 1], text[para.start + 1]) !== 'close') {
        openAt = carried.open;
        innerStart = carried.innerStart;
        spanned = carried.paragraphs + 1;
        sawDouble = true;
        i = para.start + 1;
      }
      carried = null;
    }

    for (; i < para.end; i++) {
      const ch = text[i]!;
      if (DOUBLE.has(ch)) {
        sawDouble = true;
        const role = doubleRole(ch, text[i - 1], text[i + 1]);
        if (openAt < 0 && role !== 'close') {
          openAt = i;
          innerStart = i + 1;
          spanned = 1;
          singleOpen = -1;
        } else if (openAt >= 0 && role !== 'open') {
          push(text, out, openAt, innerStart, i, i, spanned, false);
          openAt = -1;
        } else if (openAt < 0 && role === 'close' && firstDoubleIn(text, para.start, i)) {
          // Opening mark missing: the quote began with the paragraph.
          push(text, out, -1, para.start, i, i, 1, false);
        } else if (openAt >= 0 && role === 'open' && i === para.start) {
          openAt = i;
          innerStart = i + 1;
        }
        continue;
      }
      if (openAt >= 0) continue;
      if (ch === '\u2018' && opensAfter(text[i - 1]) && isLetter(text[i + 1])) {
        singleOpen = i;
      } else if (singleOpen >= 0 && ch === '\u2019' && !isLetter(text[i + 1]) && !isSpace(text[i - 1])) {
        push(text, out, singleOpen, singleOpen + 1, i, i, 1, true);
        singleOpen = -1;
      }
    }

    if (openAt >= 0) {
      const next = paragraphs[p + 1];
      const nextFirst = next ? text[next.start]! : '';
      if (next && DOUBLE.has(nextFirst) && doubleRole(nextFirst, text[next.start - 1], text[next.start + 1]) !== 'close') {
        carried = { open: openAt, innerStart, paragraphs: spanned };
      } else {
        push(text, out, openAt, innerStart, para.end, -1, spanned, false);
      }
    }
    void sawDouble;
  }
  return out;
}

function firstDoubleIn(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (DOUBLE.has(text[k]!)) return false;
  return true;
}

function push(text: string, out: QuotedSegment[], open: number, innerStart: number, innerEnd: number, close: number, paragraphs: number, single: boolean): void {
  let start = innerStart;
  let end = innerEnd;
  while (start < end && isSpace(text[start])) start++;
  while (end > start && isSpace(text[end - 1])) end--;
  if (start >= end) return;
  out.push({ start, end, outerStart: open >= 0 ? open : start, outerEnd: close >= 0 ? close + 1 : end, open, close, single, paragraphs });
}
