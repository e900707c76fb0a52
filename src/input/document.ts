import { UnspinError } from '../core/errors.js';
import type { Meta } from '../core/types.js';
import { extractArticle } from './html.js';
import { textMeta } from './text-meta.js';

/** One document to analyse: plain text, or an HTML page (with the URL it came from). */
export type AnalyzeInput = { text: string; html?: undefined; url?: string } | { html: string; text?: undefined; url?: string };

export function emptyMeta(overrides: Partial<Meta> = {}): Meta {
  return { source: null, title: null, byline: null, publishedAt: null, url: null, language: 'en', format: 'text', ...overrides };
}

/** Turns an input into the text to analyse and its metadata (HTML goes through Readability). */
export function documentFromInput(input: AnalyzeInput, metaOverrides: Partial<Meta> = {}): { text: string; meta: Meta } {
  if (typeof input.html === 'string') {
    const article = extractArticle(input.html, input.url);
    return {
      text: article.text,
      meta: emptyMeta({ format: 'html', title: article.title, byline: article.byline, publishedAt: article.publishedAt, url: input.url ?? article.url, language: article.language ?? 'en', ...metaOverrides }),
    };
  }
  if (typeof input.text === 'string') {
    const text = normaliseText(input.text);
    return { text, meta: emptyMeta({ url: input.url ?? null, ...textMeta(text), ...metaOverrides }) };
  }
  throw new UnspinError('BAD_REQUEST', 'input needs a string `text` or `html` field');
}

/** Drops a byte-order mark; everything else is kept so offsets match the file. */
export function normaliseText(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
