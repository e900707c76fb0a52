import { ERRORS, UnspinError, type ErrorName } from '../../core/errors.js';
import type { AnalyzeInput } from '../../input/document.js';
import { analysisTimeoutError } from '../watchdog.js';
import { createAnalysisThreads, type AnalysisThreadOptions } from './threads.js';

/** One document to analyse, or an input that already failed to read (kept in its place). */
export type OrderedItem = { ok: true; source: string; input: AnalyzeInput } | { ok: false; error: UnspinError };

/** What comes back for each item, in input order: the analysis as compact JSON, or the user error. */
export type OrderedResult = { ok: true; source: string; json: string } | { ok: false; error: UnspinError };

export interface OrderedOptions extends AnalysisThreadOptions {
  threads: number;
  /** Longest one document may take on its thread, in ms; 0 for no limit. */
  timeoutMs: number;
}

/**
 * Analyses documents on worker threads and yields the results in input order. At most
 * `threads` documents are in flight, so each starts as soon as it is handed over and its
 * time limit measures its own analysis, not a queue. A document over the limit has its
 * thread terminated (a synchronous analysis cannot be interrupted any other way) and
 * comes back as UNSPIN_E_ANALYSIS_TIMEOUT; the others go on. A bug in a thread is thrown.
 */
export async function* analyzeInOrder(items: AsyncIterable<OrderedItem>, options: OrderedOptions): AsyncGenerator<OrderedResult> {
  const pool = createAnalysisThreads(options.threads, options);
  const pending: Promise<OrderedResult>[] = [];
  try {
    for await (const item of items) {
      const result = item.ok ? runOne(pool, item.source, item.input, options.timeoutMs) : Promise.resolve(item);
      // Handled when its turn comes; until then a failing thread must not count as unhandled.
      result.catch(() => undefined);
      pending.push(result);
      while (pending.length >= options.threads) yield await pending.shift()!;
    }
    while (pending.length > 0) yield await pending.shift()!;
  } finally {
    await pool.destroy();
  }
}

async function runOne(pool: ReturnType<typeof createAnalysisThreads>, source: string, input: AnalyzeInput, timeoutMs: number): Promise<OrderedResult> {
  const signal = timeoutMs > 0 ? AbortSignal.timeout(timeoutMs) : undefined;
  let result;
  try {
    result = await pool.run({ kind: 'analyze', input, source }, signal ? { signal } : {});
  } catch (error) {
    if (signal?.aborted) {
      return { ok: false, error: analysisTimeoutError(source, timeoutMs) };
    }
    throw error;
  }
  if (result.ok) return { ok: true, source, json: result.json };
  if (result.internal) {
    const bug = new Error(result.message);
    if (result.stack) bug.stack = result.stack;
    throw bug;
  }
  return { ok: false, error: new UnspinError(errorName(result.code), result.message, { input: source }) };
}

function errorName(code: string): ErrorName {
  const name = (Object.keys(ERRORS) as ErrorName[]).find((n) => ERRORS[n].code === code);
  return name ?? 'INTERNAL';
}
