/**
 * Finds passages between quotation marks in one linear pass over the characters.
 *
 * Handles straight and curly double quotes, low-9 and guillemets, and single quotes (curly,
 * or straight ones that stand where a quotation mark does: 'GRP are vermin', not "don't",
 * "the voters' choice" or "rock 'n' roll") outside a double quote, plus the common web breakages: an opening mark missing at the start
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
/** DOUBLE as a flat table over UTF-16 code units: one load per character, no hashing. */
const IS_DOUBLE = new Uint8Array(0x10000);
for (const c of DOUBLE) IS_DOUBLE[c.charCodeAt(0)] = 1;
const APOSTROPHE = 0x27;

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

/** Length of a double quotation mark at i: 1, or 2 for two apostrophes ('' as in some US papers), or 0. */
function doubleAt(text: string, i: number): number {
  // Called on every character: code units, no one-character string per call.
  const code = text.charCodeAt(i);
  if (code === APOSTROPHE) return text.charCodeAt(i + 1) === APOSTROPHE ? 2 : 0;
  return IS_DOUBLE[code] === 1 ? 1 : 0;
}

function roleAt(text: string, i: number, len: number): Role {
  return doubleRole(len === 2 ? '"' : text[i]!, text[i - 1], text[i + len]);
}

interface Paragraph {
  start: number;
  end: number;
}

function paragraphsOf(text: string, from: number, to: number): Paragraph[] {
  const out: Paragraph[] = [];
  let start = from;
  for (let i = from; i <= to; i++) {
    const code = i < to ? text.charCodeAt(i) : 10;
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

/** Quoted passages of the text, or of its stretch [from, to) read as if it stood alone (a sentence). */
export function findQuotedSegments(text: string, from = 0, to = text.length): QuotedSegment[] {
  const paragraphs = paragraphsOf(text, from, to);
  const out: QuotedSegment[] = [];
  // An open double quote carried over from the previous paragraph.
  let carried: { open: number; innerStart: number; paragraphs: number } | null = null;

  for (let p = 0; p < paragraphs.length; p++) {
    const para = paragraphs[p]!;
    let openAt = -1;
    let innerStart = -1;
    let spanned = 1;
    let singleOpen = -1;
    let i = para.start;

    if (carried) {
      const len = doubleAt(text, para.start);
      // The continuation paragraph repeats an opening mark; the quote goes on.
      if (len > 0 && roleAt(text, para.start, len) !== 'close') {
        openAt = carried.open;
        innerStart = carried.innerStart;
        spanned = carried.paragraphs + 1;
        i = para.start + len;
      }
      carried = null;
    }

    for (; i < para.end; i++) {
      const ch = text[i]!;
      const len = doubleAt(text, i);
      if (len > 0) {
        const role = roleAt(text, i, len);
        if (openAt < 0 && role !== 'close') {
          openAt = i;
          innerStart = i + len;
          spanned = 1;
          singleOpen = -1;
        } else if (openAt >= 0 && role !== 'open') {
          // "''… a deal that says 'trust us.'''": the nested single quote closes first, then the double.
          const nested = len === 2 && text.charCodeAt(i + 2) === APOSTROPHE ? 1 : 0;
          push(text, out, openAt, innerStart, i + nested, i + nested + len, spanned, false);
          openAt = -1;
          i += nested;
        } else if (openAt < 0 && role === 'close' && firstDoubleIn(text, para.start, i)) {
          // Opening mark missing: the quote began with the paragraph.
          push(text, out, -1, para.start, i, i + len, 1, false);
        }
        i += len - 1;
        continue;
      }
      if (openAt >= 0) continue;
      if ((ch === '\u2018' && opensAfter(text[i - 1]) && isLetter(text[i + 1])) || (ch === "'" && singleOpen < 0 && opensStraight(text, i))) {
        singleOpen = i;
      } else if (singleOpen >= 0 && ((ch === '\u2019' && !isLetter(text[i + 1])) || (ch === "'" && closesBefore(text[i + 1]))) && !isSpace(text[i - 1])) {
        push(text, out, singleOpen, singleOpen + 1, i, i + 1, 1, true);
        singleOpen = -1;
      }
    }

    if (openAt >= 0) {
      const next = paragraphs[p + 1];
      const nextLen = next ? doubleAt(text, next.start) : 0;
      if (next && nextLen > 0 && roleAt(text, next.start, nextLen) !== 'close') {
        carried = { open: openAt, innerStart, paragraphs: spanned };
      } else {
        push(text, out, openAt, innerStart, para.end, -1, spanned, false);
      }
    }
  }
  return out;
}

/** Words that a straight apostrophe shortens at their start ("'em", "'cause", "rock 'n' roll"): no quotation opens there. */
const ELIDED = new Set(['em', 'cause', 'cos', 'coz', 'til', 'tis', 'twas', 'n', 'bout', 'round', 'ol', 'ello', 'ere']);

/**
 * A straight apostrophe opens a quotation where a mark can open (after a space, bracket or
 * colon) before a letter that does not begin an elided word. Its closer is an apostrophe
 * after a word and before a space or punctuation; an apostrophe inside a word ("don't") is
 * neither.
 */
function opensStraight(text: string, i: number): boolean {
  if (!opensAfter(text[i - 1]) || !/\p{L}/u.test(text[i + 1] ?? '')) return false;
  let j = i + 1;
  while (j < text.length && j - i <= 6 && /\p{L}/u.test(text[j]!)) j++;
  return !ELIDED.has(text.slice(i + 1, j).toLowerCase());
}

function firstDoubleIn(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (doubleAt(text, k) > 0) return false;
  return true;
}

/** `closeEnd` is the offset after the closing mark, or -1 when there is none. */
function push(text: string, out: QuotedSegment[], open: number, innerStart: number, innerEnd: number, closeEnd: number, paragraphs: number, single: boolean): void {
  let start = innerStart;
  let end = innerEnd;
  while (start < end && isSpace(text[start])) start++;
  while (end > start && isSpace(text[end - 1])) end--;
  if (start >= end) return;
  out.push({ start, end, outerStart: open >= 0 ? open : start, outerEnd: closeEnd >= 0 ? closeEnd : end, open, close: closeEnd >= 0 ? innerEnd : -1, single, paragraphs });
}
