/**
 * The worker-thread side of batch analysis: one document in, its analysis or its
 * error out. Runs in piscina threads (batch) and under queue workers alike.
 */
import { isUnspinError } from '../core/errors.js';
import type { Analysis } from '../core/types.js';
import type { AnalyzeInput } from '../input/document.js';
import { analyze } from '../pipeline/analyze.js';

export interface AnalyzeTask {
  source: string;
  input: AnalyzeInput;
}

export type AnalyzeTaskResult =
  | { ok: true; analysis: Analysis; durationMs: number }
  /** `internal` marks a bug (not a user error): the stack is kept for the log. */
  | { ok: false; code: string; message: string; internal: boolean; stack?: string };

export default function analyzeTask(task: AnalyzeTask): AnalyzeTaskResult {
  const started = performance.now();
  try {
    const analysis = analyze(task.input, { meta: { source: task.source } });
    return { ok: true, analysis, durationMs: performance.now() - started };
  } catch (error) {
    if (isUnspinError(error)) return { ok: false, code: error.code, message: error.message, internal: false };
    const e = error instanceof Error ? error : new Error(String(error));
    return { ok: false, code: 'UNSPIN_E_INTERNAL', message: `${task.source}: internal error: ${e.message}`, internal: true, stack: e.stack };
  }
}
