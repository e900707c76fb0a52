import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { AnalysisTask, AnalysisTaskResult, AnalysisThreadData } from './protocol.js';

export type AnalysisThreads = Piscina<AnalysisTask, AnalysisTaskResult>;

export interface AnalysisThreadOptions {
  /**
   * Warm-up analyses each thread runs before its first task (default 20): the first, of
   * a short text, loads the models; the rest, of ~1,100-word articles (warm-up.ts), let
   * the JIT compile the hot paths, so that a server's first requests are not the slow
   * ones. A batch of many documents warms the JIT on its own and needs only the first.
   */
  warmUpRounds?: number;
  /**
   * Each thread's young generation in MB (V8 splits it in three: two semi-spaces and a
   * large-object space); V8's default, 48 MB, when omitted. A smaller one costs more
   * scavenges and saves peak memory (see the analyze command).
   */
  youngGenerationMb?: number;
}

/**
 * A fixed set of worker threads that each load the pipeline once. The thread file sits
 * next to this one with the same extension: analysis-thread.ts when run from src
 * through tsx (whose loader the thread then needs too), analysis-thread.js from dist.
 */
export function createAnalysisThreads(threads: number, options: AnalysisThreadOptions = {}): AnalysisThreads {
  const here = fileURLToPath(import.meta.url);
  const extension = extname(here);
  const workerData: AnalysisThreadData = { warmUpRounds: options.warmUpRounds ?? DEFAULT_WARM_UP_ROUNDS };
  return new Piscina<AnalysisTask, AnalysisTaskResult>({
    filename: join(dirname(here), `analysis-thread${extension}`),
    // Resolved here: a bare 'tsx' would resolve from the working directory, not from unspin.
    execArgv: extension === '.ts' ? ['--import', import.meta.resolve('tsx')] : [],
    minThreads: threads,
    maxThreads: threads,
    // Threads stay up: each one loads the models once.
    idleTimeout: Number.POSITIVE_INFINITY,
    workerData,
    ...(options.youngGenerationMb ? { resourceLimits: { maxYoungGenerationSizeMb: options.youngGenerationMb } } : {}),
  });
}

/** Warm-up analyses per thread for a server or batch pool (see AnalysisThreadOptions). */
export const DEFAULT_WARM_UP_ROUNDS = 20;
