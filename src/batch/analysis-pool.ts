import { availableParallelism } from 'node:os';
import { ERRORS } from '../core/errors.js';
import type { Analysis } from '../core/types.js';
import type { AnalyzeInput } from '../input/document.js';
import { jsonText } from '../pipeline/worker/protocol.js';
import { createAnalysisThreads } from '../pipeline/worker/threads.js';

export interface AnalyzeTask {
  source: string;
  input: AnalyzeInput;
}

export type AnalyzeTaskResult =
  | { ok: true; analysis: Analysis; durationMs: number }
  /** `internal` marks a bug (not a user error): the stack is kept for the log. */
  | { ok: false; code: string; message: string; internal: boolean; stack?: string };

export interface AnalysisPool {
  readonly threads: number;
  /** Analyses one document in a worker thread; a crashed thread becomes an internal error result. */
  run(task: AnalyzeTask, options?: { timeoutMs?: number }): Promise<AnalyzeTaskResult>;
  close(): Promise<void>;
}

export function defaultThreads(): number {
  return Math.max(1, availableParallelism());
}

export interface AnalysisPoolOptions {
  /**
   * Longest a document may take, queueing in the pool included (default 120 s). A
   * pathological input must not hold a thread for ever: its thread is terminated
   * and replaced, and the document is recorded as failed.
   */
  timeoutMs?: number;
}

export const DEFAULT_ANALYSIS_TIMEOUT_MS = 120_000;

/** Batch analysis on the shared analysis threads (src/pipeline/worker). */
export function createAnalysisPool(threads: number = defaultThreads(), options: AnalysisPoolOptions = {}): AnalysisPool {
  const timeoutMs = options.timeoutMs ?? DEFAULT_ANALYSIS_TIMEOUT_MS;
  // One warm-up analysis (which loads the models): a batch warms the JIT by itself.
  const pool = createAnalysisThreads(threads, { warmUpRounds: 1 });
  return {
    threads,
    async run(task, runOptions = {}) {
      const limit = runOptions.timeoutMs ?? timeoutMs;
      const signal = AbortSignal.timeout(limit);
      try {
        const result = await pool.run({ kind: 'analyze', source: task.source, input: task.input }, { signal });
        if (!result.ok) return result;
        return { ok: true, analysis: JSON.parse(jsonText(result.json)) as Analysis, durationMs: result.analyzeMs };
      } catch (error) {
        if (signal.aborted) return { ok: false, code: ERRORS.ANALYSIS_TIMEOUT.code, message: `${task.source}: analysis took longer than ${limit / 1000} s (--timeout)`, internal: false };
        const e = error instanceof Error ? error : new Error(String(error));
        return { ok: false, code: 'UNSPIN_E_INTERNAL', message: `${task.source}: worker thread failed: ${e.message}`, internal: true, stack: e.stack };
      }
    },
    close: () => pool.destroy(),
  };
}
