/**
 * Reads a drawn report back as spans, so the tests can compare what the page shows with
 * the analysis offset by offset instead of by counting elements.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { Analysis, Quote } from '../../src/core/types.js';

/** One child of `.u-article`: its UTF-16 offsets into the text and what the renderer put on it. */
export interface Piece {
  start: number;
  end: number;
  text: string;
  classes: string[];
  /** data-who: the speaker name shown at the start of a quote. */
  who: string | null;
  /** data-q: the innermost quote the piece belongs to. */
  quote: string | null;
  /** data-f: the findings highlighted on the piece. */
  findings: string[];
  /** What the `::before` marker shows (CSS `content`), e.g. `"Vladimir Putin"`; `none` without one. */
  marker: string;
}

export async function articlePieces(page: Page, root = '.u-article'): Promise<Piece[]> {
  return page.locator(root).evaluate((article) => {
    let offset = 0;
    return [...article.childNodes].map((node) => {
      const text = node.textContent ?? '';
      const start = offset;
      offset += text.length;
      const el = node instanceof HTMLElement ? node : null;
      return {
        start,
        end: offset,
        text,
        classes: el ? [...el.classList] : [],
        who: el?.getAttribute('data-who') ?? null,
        quote: el?.getAttribute('data-q') ?? null,
        findings: el?.getAttribute('data-f')?.split(' ') ?? [],
        marker: el ? getComputedStyle(el, '::before').content : 'none',
      };
    });
  });
}

/** The name the report shows at the start of a quote: its speaker, else its outlet, else "unattributed". */
export function quoteSource(analysis: Analysis, quote: Quote): string {
  const speaker = analysis.speakers.find((s) => s.id === quote.speakerId);
  const outlet = analysis.outlets.find((o) => o.id === quote.outletId);
  return speaker?.name ?? outlet?.name ?? 'unattributed';
}

/** Line breaks are drawn as separate gap blocks, so highlighted text is compared without them. */
export function withoutBreaks(s: string): string {
  return s.replace(/\s*\n\s*/g, '');
}

/** The ids of the findings highlighted anywhere in the article. */
export function shownFindings(pieces: Piece[]): Set<string> {
  return new Set(pieces.flatMap((p) => p.findings));
}

/**
 * Each quote shows its source once: a chip on its first piece, except a quote nested in, or
 * continuing, one of the same source, whose chip is the one shown just before it.
 */
export function assertOneChipPerQuote(analysis: Analysis, pieces: Piece[]): void {
  let lastChip: string | null = null;
  const quotes = analysis.quotes.filter((q) => q.kind !== 'scare').sort((a, b) => a.start - b.start || b.end - a.end);
  for (const q of quotes) {
    const start = pieces.find((p) => p.start === q.start && p.classes.includes('q-start'));
    assert.ok(start, `quote ${q.id} at ${q.start} has a start marker`);
    if (start.who !== null) {
      assert.equal(start.who, quoteSource(analysis, q), `quote ${q.id} chip`);
      assert.notEqual(start.marker, 'none');
      lastChip = start.who;
    } else assert.equal(lastChip, quoteSource(analysis, q), `quote ${q.id} without a chip continues ${lastChip}`);
  }
}
