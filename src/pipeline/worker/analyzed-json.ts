import type { AnalyzeInput } from '../../input/document.js';
import { analyze } from '../analyze.js';
import { runWithTimeout } from '../watchdog.js';

/**
 * One document's analysis as compact JSON, on the calling thread, under the watchdog when
 * `timeoutMs` is above 0 (it then throws TimedOut past the limit); the CLI's main thread and
 * its batch threads both run documents this way.
 */
export function analyzedJson(input: AnalyzeInput, source: string, timeoutMs: number): string {
  const run = () => JSON.stringify(analyze(input, { meta: { source } }));
  return timeoutMs > 0 ? runWithTimeout(run, timeoutMs) : run();
}
