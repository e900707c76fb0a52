import type { AnalyzedDocument } from '../core/document.js';
import type { Finding, FindingKind } from '../core/types.js';

/**
 * What a detector returns: a finding without the id and voice, which the pipeline
 * assigns (ids in document order; voice from the spine's voice map). A detector may
 * set `voice` itself when it knows better (for example, the voice of its evidence words).
 */
export type DetectorFinding = Omit<Finding, 'id' | 'voice'> & { voice?: Finding['voice'] };

/** One label a detector can emit, for the report legend and the docs. */
export interface LabelInfo {
  label: string;
  /** One line for a hover or a legend. */
  definition: string;
}

export interface Detector {
  /** Stable name, e.g. "hate". */
  readonly name: string;
  readonly kind: FindingKind;
  readonly labels: readonly LabelInfo[];
  detect(doc: AnalyzedDocument): DetectorFinding[];
}
