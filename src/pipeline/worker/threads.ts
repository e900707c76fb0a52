import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { AnalysisTask, AnalysisTaskResult } from './protocol.js';

export type AnalysisThreads = Piscina<AnalysisTask, AnalysisTaskResult>;

/**
 * A fixed set of worker threads that each load the pipeline once. The thread file sits
 * next to this one with the same extension: analysis-thread.ts when run from src
 * through tsx (whose loader the thread then needs too), analysis-thread.js from dist.
 */
export function createAnalysisThreads(threads: number): AnalysisThreads {
  const here = fileURLToPath(import.meta.url);
  const extension = extname(here);
  return new Piscina<AnalysisTask, AnalysisTaskResult>({
    filename: join(dirname(here), `analysis-thread${extension}`),
    // Resolved here: a bare 'tsx' would resolve from the working directory, not from unspin.
    execArgv: extension === '.ts' ? ['--import', import.meta.resolve('tsx')] : [],
    minThreads: threads,
    maxThreads: threads,
    // Threads stay up: each one loads the models once.
    idleTimeout: Number.POSITIVE_INFINITY,
  });
}
