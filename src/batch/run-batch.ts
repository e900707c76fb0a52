import type { AnalyzeInput } from '../input/document.js';
import { readSources, type SourceItem } from '../input/sources.js';
import type { DocumentRecord, Store } from '../storage/store.js';
import type { AnalysisPool } from './analysis-pool.js';
import { documentId, documentRecord, unreadableRecord } from './document-record.js';

export const DEFAULT_MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

export interface BatchProgress {
  /** Documents seen so far (analysed + skipped + failed). */
  done: number;
  analysed: number;
  skipped: number;
  failed: number;
  /** Later documents with an id already seen in this run (a JSON Lines id used twice): ignored. */
  duplicates: number;
  /** UTF-8 bytes of the documents analysed. */
  bytes: number;
}

export interface BatchSummary extends BatchProgress {
  /** Documents read from the inputs (including unreadable ones). */
  documents: number;
  durationMs: number;
  /** Analysed documents per second of wall time. */
  docsPerSecond: number;
  megabytesPerSecond: number;
  /** True when the signal stopped the run before every input was read. */
  interrupted: boolean;
}

export interface BatchEvents {
  progress?(progress: BatchProgress): void;
  /** A document failed; `stack` is set for internal errors (bugs), which deserve a log with it. */
  failure?(doc: DocumentRecord, error: { code: string; message: string; stack?: string }): void;
  /** A document was ignored because an earlier one in this run had the same id. */
  duplicate?(source: string, id: string): void;
}

export interface RunBatchOptions {
  paths: readonly string[];
  store: Store;
  /** Where documents are analysed (a piscina pool, or a queue producer). */
  dispatch: Dispatcher;
  maxBytes?: number;
  /** Documents in flight at once; default twice the dispatcher's parallelism. */
  inFlight?: number;
  /** Stops reading inputs; what is in flight is finished and saved. */
  signal?: AbortSignal;
  /** Analyse again even what the store already holds with the same content hash. */
  force?: boolean;
  events?: BatchEvents;
}

/**
 * Where a readable document goes. The pool analyses and returns the outcome to save;
 * a queue producer returns 'queued' and a worker saves it later.
 */
export interface Dispatcher {
  readonly parallelism: number;
  handle(doc: DocumentRecord, input: AnalyzeInput): Promise<DispatchOutcome>;
}

export type DispatchOutcome = { status: 'analysed'; bytes: number } | { status: 'queued'; bytes: number } | { status: 'failed'; code: string; message: string; stack?: string };

/** Documents read ahead, so the store is asked about many ids at once; bounded by bytes too. */
const STATE_CHUNK = 256;
const STATE_CHUNK_BYTES = 32 * 1024 * 1024;

/**
 * Reads the inputs in order and hands each document that is new, changed or failed
 * before to the dispatcher, a bounded number at a time. Unreadable inputs are saved
 * as failed documents. Every outcome is committed as it arrives, so an interrupted
 * run loses nothing and the next run skips what is done.
 */
export async function runBatch(options: RunBatchOptions): Promise<BatchSummary> {
  const { store, dispatch, signal, events } = options;
  const limit = Math.max(1, options.inFlight ?? dispatch.parallelism * 2);
  const started = performance.now();
  const progress: BatchProgress = { done: 0, analysed: 0, skipped: 0, failed: 0, duplicates: 0, bytes: 0 };
  // The first document with an id wins; a later one would overwrite it in the store.
  const seen = new Set<string>();
  let documents = 0;
  const inFlight = new Set<Promise<void>>();
  // A store that fails (disk full, server gone) stops the run; a document that fails does not.
  let fatal: unknown;

  const fail = async (doc: DocumentRecord, error: { code: string; message: string; stack?: string }) => {
    await store.saveError(doc, { code: error.code, message: error.message });
    progress.failed++;
    events?.failure?.(doc, error);
  };
  const finish = () => {
    progress.done++;
    events?.progress?.({ ...progress });
  };

  const handleItem = async (item: SourceItem, known: Map<string, { status: string; contentHash: string | null }>) => {
    const id = documentId(item.source);
    if (seen.has(id)) {
      progress.duplicates++;
      events?.duplicate?.(item.source, id);
      return finish();
    }
    seen.add(id);
    if (!item.ok) {
      await fail(unreadableRecord(item.source), { code: item.error.code, message: item.error.message });
      return finish();
    }
    const doc = documentRecord(item.source, item.input);
    const state = known.get(doc.id);
    if (!options.force && state?.status === 'analysed' && state.contentHash === doc.contentHash) {
      progress.skipped++;
      return finish();
    }
    const outcome = await dispatch.handle(doc, item.input);
    if (outcome.status === 'failed') await fail(doc, outcome);
    else {
      progress.analysed++;
      progress.bytes += outcome.bytes;
    }
    finish();
  };

  const launch = async (item: SourceItem, known: Map<string, { status: string; contentHash: string | null }>) => {
    while (inFlight.size >= limit) await Promise.race(inFlight);
    const task = handleItem(item, known)
      .catch((error: unknown) => {
        fatal ??= error;
      })
      .finally(() => inFlight.delete(task));
    inFlight.add(task);
  };

  let chunk: SourceItem[] = [];
  let chunkBytes = 0;
  const flush = async () => {
    const ids = chunk.map((item) => documentId(item.source));
    const known = await store.states(ids);
    for (const item of chunk) {
      if (signal?.aborted || fatal !== undefined) break;
      await launch(item, known);
    }
    chunk = [];
    chunkBytes = 0;
  };
  // Set once every input was read and handed on; a stop after that interrupted nothing.
  let allLaunched: boolean;
  try {
    for await (const item of readSources(options.paths, { maxBytes: options.maxBytes ?? DEFAULT_MAX_DOCUMENT_BYTES })) {
      if (signal?.aborted || fatal !== undefined) break;
      documents++;
      chunk.push(item);
      // UTF-16 length: close enough to bound memory without encoding anything.
      if (item.ok) chunkBytes += (item.input.text ?? item.input.html ?? '').length * 2;
      if (chunk.length >= STATE_CHUNK || chunkBytes >= STATE_CHUNK_BYTES) await flush();
    }
    if (!signal?.aborted && fatal === undefined) await flush();
    allLaunched = !signal?.aborted && fatal === undefined;
  } finally {
    // Whatever happens, what is in flight is awaited so its result is committed.
    await Promise.allSettled(inFlight);
  }
  if (fatal !== undefined) throw fatal;
  const interrupted = !allLaunched;
  const durationMs = performance.now() - started;
  const seconds = durationMs / 1000;
  return {
    ...progress,
    documents,
    durationMs,
    docsPerSecond: seconds > 0 ? progress.analysed / seconds : 0,
    megabytesPerSecond: seconds > 0 ? progress.bytes / 1e6 / seconds : 0,
    interrupted,
  };
}

/** The dispatcher that analyses in worker threads and saves each result at once. */
export function poolDispatcher(pool: AnalysisPool, store: Store): Dispatcher {
  return {
    parallelism: pool.threads,
    async handle(doc, input) {
      const result = await pool.run({ source: doc.source, input });
      if (!result.ok) return { status: 'failed', code: result.code, message: result.message, stack: result.internal ? result.stack : undefined };
      await store.saveAnalysis(doc, result.analysis, result.durationMs);
      return { status: 'analysed', bytes: doc.bytes ?? 0 };
    },
  };
}

