import type { FindingKind } from '../core/types.js';

/** A label's one-line definition, for hovers and the legend (shared by the HTML output and the browser renderer). */
export interface ReportLabel {
  kind: FindingKind;
  label: string;
  definition: string;
}
