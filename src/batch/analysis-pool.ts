import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { AnalyzeTask, AnalyzeTaskResult } from './analyze-task.js';

export interface AnalysisPool {
  readonly threads: number;
  /** Analyses one document in a worker thread; a crashed thread becomes an internal error result. */
  run(task: AnalyzeTask): Promise<AnalyzeTaskResult>;
  close(): Promise<void>;
}

export function defaultThreads(): number {
  return Math.max(1, availableParallelism());
}

/**
 * A pool of worker threads that each import `analyze`. From src (run through tsx)
 * the thread loads the .ts file with tsx's loader; from dist it loads the .js file.
 */
export function createAnalysisPool(threads: number = defaultThreads()): AnalysisPool {
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
    async run(task) {
      try {
        return await pool.run(task);
      } catch (error) {
        const e = error instanceof Error ? error : new Error(String(error));
        return { ok: false, code: 'UNSPIN_E_INTERNAL', message: `${task.source}: worker thread failed: ${e.message}`, internal: true, stack: e.stack };
      }
    },
    close: () => pool.destroy(),
  };
}
