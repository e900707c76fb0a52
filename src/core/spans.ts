import type { Span, TextSpan } from './types.js';

export function textSpan(text: string, start: number, end: number): TextSpan {
  return { start, end, text: text.slice(start, end) };
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

export function overlapLength(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

export function contains(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

export function byStart(a: Span, b: Span): number {
  return a.start - b.start || a.end - b.end;
}

/** Shrinks a span so it neither starts nor ends with whitespace. */
export function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

/** Index of the span in a sorted, non-overlapping list that contains `offset`, or -1. */
export function findContaining<T extends Span>(sorted: readonly T[], offset: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const span = sorted[mid]!;
    if (offset < span.start) hi = mid - 1;
    else if (offset >= span.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/**
 * Binary search over indexes 0..length-1 where `before(index)` holds on a prefix and fails after it:
 * the first index where it fails, `length` when it never does. Sorted lists of offsets, sentence
 * numbers and running maxima are all read this way, so a long document is never walked per query.
 */
export function partitionPoint(length: number, before: (index: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first span in `sorted` (by start, non-overlapping) whose `key` is at least `offset`; `sorted.length` when none. */
export function firstAtOrAfter<T extends Span>(sorted: readonly T[], offset: number, key: 'start' | 'end' = 'start'): number {
  return partitionPoint(sorted.length, (k) => sorted[k]![key] < offset);
}

/** Line and column (1-based, UTF-16 columns) of an offset, for display only. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Characters of text[start, end) that are not white space: the measure of a voice's share. */
export function countNonSpace(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (!(c === 32 || (c >= 9 && c <= 13) || c === 0xa0)) n++;
  }
  return n;
}
