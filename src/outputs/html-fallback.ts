import type { Analysis } from '../core/types.js';
import { escapeHtml } from './html-escape.js';

/**
 * The report without JavaScript: the text with its voices marked and a plain list of
 * findings, all escaped on the server.
 */
export function renderFallback(analysis: Analysis): string {
  const { text } = analysis;
  const parts: string[] = [];
  let cursor = 0;
  for (const v of analysis.voices) {
    if (v.start < cursor) continue;
    parts.push(escapeHtml(text.slice(cursor, v.start)));
    parts.push(`<span class="v-${v.voice}">${escapeHtml(text.slice(v.start, v.end))}</span>`);
    cursor = v.end;
  }
  parts.push(escapeHtml(text.slice(cursor)));
  const items = analysis.findings.map(
    (f) => `<li><b>${escapeHtml(f.kind)}: ${escapeHtml(f.label)}</b> (${escapeHtml(f.voice)}, ${f.score.toFixed(2)}) “${escapeHtml(f.text)}”: ${escapeHtml(f.explanation)}</li>`,
  );
  return `<div class="unspin u-fallback"><p>JavaScript is off: showing the text with its voices and a plain list of findings.</p><div class="u-article">${parts.join('')}</div><ol>${items.join('')}</ol></div>`;
}
