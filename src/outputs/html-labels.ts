import type { Detector } from '../detectors/detector.js';
import { defaultDetectors } from '../detectors/registry.js';
import type { ReportLabel } from './report-label.js';

export type { ReportLabel } from './report-label.js';

/** The labels the given detectors can emit, in their own order (which fixes technique colours). */
export function labelsOf(detectors: readonly Detector[]): ReportLabel[] {
  return detectors.flatMap((d) => d.labels.map((l) => ({ kind: d.kind, label: l.label, definition: l.definition })));
}

let defaults: ReportLabel[] | undefined;

/** Labels of the default detectors (building the list is cheap: models load lazily). */
export function defaultReportLabels(): ReportLabel[] {
  defaults ??= labelsOf(defaultDetectors());
  return defaults;
}
