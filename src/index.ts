/** The public API of unspin. Internal helpers are not exported; test/api.test.ts pins this list. */
export { analyze, analyzeText, type AnalyzeOptions } from './pipeline/analyze.js';
export type { AnalyzeInput } from './input/document.js';
export type { AnalyzedDocument } from './core/document.js';
export type { Detector, DetectorFinding, LabelInfo } from './detectors/detector.js';
export { defaultDetectors } from './detectors/registry.js';
export { createHateDetector, type HateDetectorOptions } from './detectors/hate/index.js';
export { createPropagandaDetector, type PropagandaDetectorOptions } from './detectors/propaganda/index.js';
export { createClaimsDetector, type ClaimsDetectorOptions } from './detectors/claims/index.js';
export { findOutlets, createOutletFinder, type OutletFinder, type OutletSpec } from './provenance/outlets.js';
export { UnspinError, ERRORS, isUnspinError } from './core/errors.js';
export { OffsetMap } from './core/codepoints.js';
export * from './core/types.js';
