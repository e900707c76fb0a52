import { createRequire } from 'node:module';
import type { Readability as ReadabilityClass } from '@mozilla/readability';

/**
 * linkedom and Readability take about a quarter of a second to load, so they load on the
 * first HTML input, not for plain text. Loading is synchronous (their CommonJS builds) so
 * that extraction stays a plain function.
 */
const require = createRequire(import.meta.url);
let dom: { parseHTML: typeof import('linkedom').parseHTML; Readability: typeof ReadabilityClass } | undefined;
function htmlLibraries() {
  dom ??= {
    parseHTML: (require('linkedom') as typeof import('linkedom')).parseHTML,
    Readability: (require('@mozilla/readability') as { Readability: typeof ReadabilityClass }).Readability,
  };
  return dom;
}

export interface ExtractedArticle {
  /** The article's text, one block (paragraph, heading, list item, quote) per paragraph. */
  text: string;
  title: string | null;
  byline: string | null;
  publishedAt: string | null;
  url: string | null;
  language: string | null;
}

const BLOCK_TAGS = new Set(['P', 'DIV', 'SECTION', 'ARTICLE', 'BLOCKQUOTE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'UL', 'OL', 'PRE', 'TABLE', 'TR', 'FIGURE', 'FIGCAPTION', 'HEADER', 'FOOTER', 'ASIDE', 'DL', 'DT', 'DD', 'HR', 'MAIN']);
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'BUTTON', 'FORM', 'NAV']);

/**
 * Readability walks the DOM recursively and its scoring grows with depth times size
 * (1,000 nested divs took 15 s); real articles nest a few dozen deep. Deeper pages skip
 * Readability and take the page body, walked without recursion.
 */
export const MAX_READABILITY_DEPTH = 200;

/**
 * Extracts the main article with Mozilla Readability over linkedom, dropping navigation,
 * sidebars, footers and scripts. Falls back to the page body when Readability finds no
 * article (a short page, a fragment).
 */
export function extractArticle(html: string, url?: string): ExtractedArticle {
  const { parseHTML } = htmlLibraries();
  const { document } = parseHTML(html.includes('<html') ? html : `<!doctype html><html><head></head><body>${html}</body></html>`);
  const head = readHeadMeta(document);
  // Readability mutates the document, so it gets a copy parsed from the same string (not for a page too deep for it).
  const tooDeep = domDepthOver(document as unknown as Node, MAX_READABILITY_DEPTH);
  const article = tooDeep ? null : parseWithReadability(parseHTML(html.includes('<html') ? html : `<!doctype html><html><head></head><body>${html}</body></html>`).document as unknown as Document);

  let text = '';
  if (article?.content) {
    const { document: content } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
    text = blocksToText(content.body as unknown as Element);
  }
  if (text.trim() === '') {
    for (const node of Array.from(document.querySelectorAll('script,style,noscript,nav,header,footer,aside,form,template'))) (node as unknown as Element).remove();
    text = document.body ? blocksToText(document.body as unknown as Element) : '';
  }

  return {
    text,
    title: clean(article?.title) ?? head.title,
    byline: clean(article?.byline) ?? head.byline,
    publishedAt: normaliseDate(clean(article?.publishedTime) ?? head.publishedAt),
    url: url ?? head.url,
    language: clean(article?.lang) ?? head.language,
  };
}

/** Readability throws on some malformed pages; then the body fallback applies. */
function parseWithReadability(document: Document): ReturnType<ReadabilityClass['parse']> {
  try {
    return new (htmlLibraries().Readability)(document, { charThreshold: 100 }).parse();
  } catch {
    return null;
  }
}

function readHeadMeta(document: { querySelector(s: string): { getAttribute(n: string): string | null; textContent: string | null } | null; documentElement?: { getAttribute(n: string): string | null } | null }) {
  const metaContent = (...selectors: string[]): string | null => {
    for (const selector of selectors) {
      const value = clean(document.querySelector(selector)?.getAttribute('content'));
      if (value) return value;
    }
    return null;
  };
  const time = document.querySelector('time[datetime]');
  return {
    title: metaContent('meta[property="og:title"]', 'meta[name="twitter:title"]') ?? clean(document.querySelector('title')?.textContent),
    byline: metaContent('meta[name="author"]', 'meta[property="article:author"]'),
    publishedAt: metaContent('meta[property="article:published_time"]', 'meta[name="date"]', 'meta[itemprop="datePublished"]', 'meta[name="pubdate"]') ?? clean(time?.getAttribute('datetime')),
    url: metaContent('meta[property="og:url"]') ?? clean(document.querySelector('link[rel="canonical"]')?.getAttribute('href')),
    language: clean(document.documentElement?.getAttribute('lang')),
  };
}

/** Walks the DOM and writes one paragraph per block element, separated by blank lines. */
function blocksToText(root: Element): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const line = current.replace(/[ \t\r\n\f]+/g, ' ').trim();
    if (line) paragraphs.push(line);
    current = '';
  };
  // An explicit stack, not recursion: 10,000 nested divs must not overflow the call stack.
  // A block's end is pushed below its children so the paragraph closes after them.
  const stack: (Node | typeof BLOCK_END)[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === BLOCK_END) {
      flush();
      continue;
    }
    if (node.nodeType === 3) {
      current += node.nodeValue ?? '';
      continue;
    }
    if (node.nodeType !== 1) continue;
    const element = node as Element;
    const tag = element.tagName.toUpperCase();
    if (SKIP_TAGS.has(tag)) continue;
    if (tag === 'BR') {
      current += '\n';
      continue;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) {
      flush();
      stack.push(BLOCK_END);
    }
    const children = element.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  flush();
  return paragraphs.join('\n\n');
}

const BLOCK_END = Symbol('block end');

/** The depth of the deepest element, walked without recursion; stops counting past `limit`. */
function domDepthOver(root: Node, limit: number): boolean {
  const stack: [Node, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > limit) return true;
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) if (children[i]!.nodeType === 1) stack.push([children[i]!, depth + 1]);
  }
  return false;
}

function clean(value: string | null | undefined): string | null {
  const trimmed = value?.replace(/\s+/g, ' ').trim();
  return trimmed ? trimmed : null;
}

/** ISO 8601 when the page's date parses, else the page's own string. */
function normaliseDate(value: string | null): string | null {
  if (!value) return null;
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime())) return value;
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : parsed.toISOString();
}
