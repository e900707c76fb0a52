import { UnspinError } from '../../core/errors.js';
import { errorOfFailure, type AnalysisTask, type AnalysisTaskResult } from '../../pipeline/worker/protocol.js';
import { createAnalysisThreads } from '../../pipeline/worker/threads.js';

export interface PoolOptions {
  /** Worker threads, started at once and kept. */
  size: number;
  /** Tasks that may wait for a thread; more are refused with SERVER_BUSY. */
  maxQueue: number;
  /** The per-request limit, for the TIMEOUT message. */
  timeoutMs: number;
  /** Analyses each thread runs before it is ready (AnalysisThreadOptions.warmUpRounds). */
  warmUpRounds?: number;
}

export interface Readiness {
  ready: boolean;
  workers: number;
  /** Documents being analysed now. */
  active: number;
  queued: number;
  error?: string;
}

/** `json`: the analysis as UTF-8 JSON, moved from the thread (protocol.ts). */
export type AnalysisOutcome = { ok: true; json: Uint8Array; analyzeMs: number; chars: number; phases?: Record<string, number> };

export interface AnalysisPool {
  /**
   * Analyses one document in a worker thread. Throws UnspinError for the document's own
   * problems (empty, ...), TIMEOUT when `deadline` fires first (a running analysis is
   * stopped by ending its thread; piscina starts a fresh one) and SERVER_BUSY when the
   * queue is full; anything else is a bug and is rethrown as is.
   */
  analyze(task: Extract<AnalysisTask, { kind: 'analyze' }>, deadline: AbortSignal): Promise<AnalysisOutcome>;
  readiness(): Readiness;
  /** Resolves once every thread has loaded the models; rejects if they cannot. */
  whenReady(): Promise<void>;
  /** Lets queued and running tasks finish, then ends the threads. */
  close(): Promise<void>;
}

export function createAnalysisPool(options: PoolOptions): AnalysisPool {
  const piscina = createAnalysisThreads(options.size, { warmUpRounds: options.warmUpRounds });
  let ready = false;
  let inFlight = 0;
  let startError: string | undefined;
  // A thread that dies outside a task (out of memory) is replaced by piscina; this keeps it from crashing the server.
  piscina.on('error', (error: unknown) => {
    startError ??= error instanceof Error ? error.message : String(error);
  });
  // One probe per thread: each thread takes one task at a time, so these occupy all of them.
  const warm = Promise.all(Array.from({ length: options.size }, () => piscina.run({ kind: 'ping' }))).then(
    () => {
      ready = true;
    },
    (error: unknown) => {
      startError = error instanceof Error ? error.message : String(error);
      throw error;
    },
  );
  warm.catch(() => undefined);

  return {
    async analyze(task, deadline) {
      // Counted here, not by piscina's maxQueue: piscina keeps tasks that carry an AbortSignal outside the queue it bounds.
      if (inFlight >= options.size + options.maxQueue) {
        throw new UnspinError('SERVER_BUSY', `the analysis queue is full (${options.maxQueue} waiting); retry later`);
      }
      inFlight++;
      let result: AnalysisTaskResult;
      try {
        result = await piscina.run(task, { signal: deadline });
      } catch (error) {
        if (deadline.aborted) throw new UnspinError('TIMEOUT', `analysis did not finish within the ${options.timeoutMs} ms limit (queue wait included) and was stopped`);
        throw error;
      } finally {
        inFlight--;
      }
      // A bug in the pipeline is rethrown with the thread's stack, so the server logs it as internal.
      if (!result.ok) throw errorOfFailure(result);
      return result;
    },
    readiness() {
      return { ready, workers: piscina.threads.length, active: Math.min(inFlight, options.size), queued: Math.max(0, inFlight - options.size), ...(startError && !ready ? { error: startError } : {}) };
    },
    whenReady() {
      return warm;
    },
    close() {
      return piscina.close();
    },
  };
}
