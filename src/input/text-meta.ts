import { BYLINE } from '../text/byline.js';

/**
 * What a saved plain-text article says about itself at its top: a standalone first line
 * is its headline, and a "By NAME, Outlet, 16 March 2024" line in the first paragraphs
 * gives its byline and, when it holds a full date, its publication date.
 */
export interface TextMeta {
  title: string | null;
  byline: string | null;
  publishedAt: string | null;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

export function textMeta(text: string): TextMeta {
  const paragraphs = text.split(/\r?\n\s*\r?\n/).slice(0, 4).map((p) => p.trim());
  const title = headline(text);
  let byline: string | null = null;
  let publishedAt: string | null = null;
  for (const paragraph of paragraphs.slice(title ? 1 : 0, 3)) {
    if (paragraph.includes('\n') || paragraph.split(/\s+/).length > 14) continue;
    const match = BYLINE.exec(paragraph);
    if (!match) continue;
    byline = match[1]!.trim();
    publishedAt = isoDate(match[2] ?? '');
    break;
  }
  return { title, byline, publishedAt };
}

/**
 * A plain-text article's title: its first line when that line is short, does not end
 * like a sentence, and stands alone as its own paragraph (the usual layout of saved
 * articles and of the PTC corpus).
 */
export function headline(text: string): string | null {
  const match = /^\s*([^\r\n]{1,160})\r?\n\s*\r?\n/.exec(text);
  const line = match?.[1]?.trim();
  if (!line || /[.,;:”"’']$/.test(line)) return null;
  return line.split(/\s+/).length <= 25 ? line : null;
}

/** "16 March 2024", "March 16, 2024" or "2024-03-16" as an ISO 8601 date; null otherwise. */
export function isoDate(s: string): string | null {
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(s);
  if (iso) return valid(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dmy = /\b(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})\b/.exec(s);
  if (dmy) return valid(Number(dmy[3]), MONTHS.indexOf(dmy[2]!.toLowerCase()) + 1, Number(dmy[1]));
  const mdy = /\b([A-Za-z]+)\s+(\d{1,2}),?\s+(\d{4})\b/.exec(s);
  if (mdy) return valid(Number(mdy[3]), MONTHS.indexOf(mdy[1]!.toLowerCase()) + 1, Number(mdy[2]));
  return null;
}

function valid(year: number, month: number, day: number): string | null {
  if (month < 1 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}
