import type { Analysis } from '../core/types.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
}

/** A self-contained report page: no network requests, every piece of input text escaped. */
export function renderHtmlReport(analysis: Analysis): string {
  const parts: string[] = [];
  let cursor = 0;
  for (const v of analysis.voices) {
    parts.push(escapeHtml(analysis.text.slice(cursor, v.start)));
    parts.push(`<span class="voice-${v.voice}">${escapeHtml(analysis.text.slice(v.start, v.end))}</span>`);
    cursor = v.end;
  }
  parts.push(escapeHtml(analysis.text.slice(cursor)));
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(analysis.meta.title ?? 'unspin report')}</title></head><body><pre>${parts.join('')}</pre></body></html>`;
}
