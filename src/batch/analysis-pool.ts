import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { ERRORS } from '../core/errors.js';
import type { AnalyzeTask, AnalyzeTaskResult } from './analyze-task.js';

export interface AnalysisPool {
  readonly threads: number;
  /** Analyses one document in a worker thread; a crashed thread becomes an internal error result. */
  run(task: AnalyzeTask, options?: { timeoutMs?: number }): Promise<AnalyzeTaskResult>;
  close(): Promise<void>;
}

export function defaultThreads(): number {
  return Math.max(1, availableParallelism());
}

/**
 * A pool of worker threads that each import `analyze`. From src (run through tsx)
 * the thread loads the .ts file with tsx's loader; from dist it loads the .js file.
 */
export interface AnalysisPoolOptions {
  /**
   * Longest a document may take, queueing in the pool included (default 120 s). A
   * pathological input must not hold a thread for ever: its thread is terminated
   * and replaced, and the document is recorded as failed.
   */
  timeoutMs?: number;
}

export const DEFAULT_ANALYSIS_TIMEOUT_MS = 120_000;

export function createAnalysisPool(threads: number = defaultThreads(), options: AnalysisPoolOptions = {}): AnalysisPool {
  const timeoutMs = options.timeoutMs ?? DEFAULT_ANALYSIS_TIMEOUT_MS;
  const fromSource = import.meta.url.endsWith('.ts');
  const filename = new URL(`./analyze-task.${fromSource ? 'ts' : 'js'}`, import.meta.url).href;
  const pool = new Piscina<AnalyzeTask, AnalyzeTaskResult>({
    filename,
    minThreads: threads,
    maxThreads: threads,
    // Threads stay up for the whole run: each one loads the NLP model once.
    idleTimeout: 60_000,
    // Resolved here: a bare 'tsx' would resolve from the working directory, not from unspin.
    execArgv: fromSource ? ['--import', import.meta.resolve('tsx')] : [],
  });
  return {
    threads,
    async run(task, runOptions = {}) {
      const limit = runOptions.timeoutMs ?? timeoutMs;
      const signal = AbortSignal.timeout(limit);
      try {
        return await pool.run(task, { signal });
      } catch (error) {
        if (signal.aborted) return { ok: false, code: ERRORS.ANALYSIS_TIMEOUT.code, message: `${task.source}: analysis took longer than ${limit / 1000} s (--timeout)`, internal: false };
        const e = error instanceof Error ? error : new Error(String(error));
        return { ok: false, code: 'UNSPIN_E_INTERNAL', message: `${task.source}: worker thread failed: ${e.message}`, internal: true, stack: e.stack };
      }
    },
    close: () => pool.destroy(),
  };
}
