import type { Analysis } from '../core/types.js';

/** Pretty JSON for one document; one compact line each when several share a stream. */
export function renderJson(analysis: Analysis, oneLine: boolean): string {
  return oneLine ? JSON.stringify(analysis) : JSON.stringify(analysis, null, 2);
}
