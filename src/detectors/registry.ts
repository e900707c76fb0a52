import type { Detector } from './detector.js';
import { createPropagandaDetector } from './propaganda/index.js';

/**
 * The detectors `analyze` runs by default, in order. Each detector issue adds its
 * factory here; models load lazily, so building the list is cheap.
 */
export function defaultDetectors(): Detector[] {
  return [createPropagandaDetector()];
}
