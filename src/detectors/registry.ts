import { createClaimsDetector } from './claims/index.js';
import type { Detector } from './detector.js';
import { createHateDetector } from './hate/index.js';
import { createPropagandaDetector } from './propaganda/index.js';

/**
 * The detectors `analyze` runs by default, in order. Models load lazily, so building
 * the list is cheap; each factory is called once per list.
 */
export function defaultDetectors(): Detector[] {
  return [createHateDetector(), createPropagandaDetector(), createClaimsDetector()];
}
