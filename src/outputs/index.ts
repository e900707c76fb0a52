import type { Analysis } from '../core/types.js';
import { renderHtmlReport } from './html.js';
import { renderJson } from './json.js';
import { renderTextSummary } from './text.js';

export type OutputFormat = 'json' | 'html' | 'text';

export interface RenderOptions {
  /** Several documents go to one stream: JSON becomes one line per document. */
  several: boolean;
  /** ANSI colour for the text summary. */
  color: boolean;
}

export const renderers: Record<OutputFormat, (analysis: Analysis, options: RenderOptions) => string> = {
  json: (analysis, { several }) => renderJson(analysis, several),
  html: (analysis) => renderHtmlReport(analysis),
  text: (analysis, { color }) => renderTextSummary(analysis, { color }),
};
