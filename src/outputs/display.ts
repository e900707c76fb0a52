import { lineColumn } from '../core/spans.js';
import type { Analysis } from '../core/types.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * An ISO 8601 date or date-time as a reader writes it: "16 March 2024", or
 * "16 March 2024, 09:30 UTC" when the page gives a time. Anything else is shown as it is.
 */
export function humanDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(iso.trim());
  if (!m) return iso;
  const month = MONTHS[Number(m[2]) - 1];
  if (!month) return iso;
  const day = `${Number(m[3])} ${month} ${m[1]}`;
  if (m[4] === undefined) return day;
  const zone = m[6] === undefined ? '' : m[6] === 'Z' ? ' UTC' : ` UTC${m[6]}`;
  return `${day}, ${m[4]}:${m[5]}${zone}`;
}

/**
 * Where an offset is, for a reader. For an HTML page the extracted text's lines mean
 * nothing in the original markup, so the position is its paragraph (¶3); for plain text
 * it is line:column.
 */
export function positionOf(analysis: Pick<Analysis, 'text' | 'meta'>, offset: number): string {
  if (analysis.meta.format === 'html') return `¶${paragraphOf(analysis.text, offset)}`;
  const { line, column } = lineColumn(analysis.text, offset);
  return `${line}:${column}`;
}

/** 1-based paragraph number: paragraphs are separated by line breaks (blank lines or not). */
export function paragraphOf(text: string, offset: number): number {
  let paragraph = 1;
  let inBreak = false;
  let seenText = false;
  for (let i = 0; i <= offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) inBreak = true;
    else if (c !== 32 && c !== 9) {
      if (inBreak && seenText) paragraph++;
      inBreak = false;
      seenText = true;
    }
  }
  return paragraph;
}
