import type { Analysis } from '../core/types.js';
import { asset, webBundle } from './html-assets.js';
import { escapeHtml } from './html-escape.js';
import { renderFallback } from './html-fallback.js';
import { cspMeta, inlineScript, inlineStyle, jsonScript } from './html-inline.js';
import { defaultReportLabels, type ReportLabel } from './html-labels.js';

export { escapeHtml } from './html-escape.js';
export type { ReportLabel } from './html-labels.js';

export interface HtmlReportOptions {
  /** Label definitions for hovers and the legend; the default detectors' labels when omitted. */
  labels?: readonly ReportLabel[];
}

/**
 * A self-contained report page: the CSS, the renderer script and the analysis are
 * inlined, a Content-Security-Policy forbids every network request, and input text
 * reaches the page only as JSON data (read with textContent) or escaped fallback text.
 */
export function renderHtmlReport(analysis: Analysis, options: HtmlReportOptions = {}): string {
  const labels = options.labels ?? defaultReportLabels();
  const style = inlineStyle(asset('report.css'));
  const script = inlineScript(webBundle('report.js'));
  const title = analysis.meta.title ?? analysis.meta.source ?? 'document';
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    cspMeta([script], [style], "'none'"),
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    '<meta name="generator" content="unspin">',
    `<title>${escapeHtml(title)} · unspin report</title>`,
    style.html,
    '</head>',
    '<body>',
    '<div id="unspin-root">',
    `<noscript>${renderFallback(analysis)}</noscript>`,
    '</div>',
    jsonScript('unspin-data', { analysis, labels }),
    script.html,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
