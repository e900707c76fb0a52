import { dirname, extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { UnspinError } from '../../core/errors.js';
import type { AnalyzeInput } from '../../input/document.js';
import { analysisTimeoutError, TimedOut } from '../watchdog.js';
import { analyzedJson } from './analyzed-json.js';
import { errorOfFailure, type BatchReply, type BatchTask } from './protocol.js';

/** One document to analyse, or an input that already failed to read (kept in its place). */
export type OrderedItem = { ok: true; source: string; input: AnalyzeInput } | { ok: false; error: UnspinError };

/** What comes back for each item, in input order: the analysis as compact JSON, or the user error. */
export type OrderedResult = { ok: true; source: string; json: string } | { ok: false; error: UnspinError };

export interface SharedWorkOptions {
  /** Threads that analyse, the main thread included. */
  threads: number;
  /** Longest one document may take, in ms; 0 for no limit. */
  timeoutMs: number;
  /** Each batch thread's young generation in MB; V8's default when omitted. */
  youngGenerationMb?: number;
}

/**
 * Documents queued on each batch thread: two, so that a thread that finishes one while
 * the main thread is inside an analysis (and cannot hand out the next) goes straight on.
 */
const QUEUE_PER_THREAD = 2;
/**
 * Finished analyses held back for order: when the document at the head is slow, the
 * other threads go on up to this many ahead of it, and then wait, so memory stays bounded.
 */
const AHEAD = 64;

/**
 * Analyses documents on the main thread and on `threads - 1` batch threads at once, and
 * yields the results in input order. The main thread takes a share: a pool of only
 * worker threads leaves one core to a main thread that merely reads and writes, and on a
 * machine of two cores such a pool was no faster than one thread (README, Speed). A
 * document over the limit is reported as UNSPIN_E_ANALYSIS_TIMEOUT and the others go on:
 * on a batch thread that thread is replaced; on the main thread, whose models a stopped
 * analysis leaves in an unknown state, the main thread stops analysing and a batch thread
 * takes its share. A bug on any thread is thrown.
 */
export async function* analyzeSharingWork(items: AsyncIterable<OrderedItem>, options: SharedWorkOptions): AsyncGenerator<OrderedResult> {
  const finished = new Map<number, OrderedResult>();
  let wake: (() => void) | undefined;
  let bug: unknown;
  const settle = (index: number, result: OrderedResult) => {
    finished.set(index, result);
    wake?.();
  };
  const fail = (error: unknown) => {
    bug ??= error;
    wake?.();
  };
  const threads = Array.from({ length: options.threads - 1 }, () => new BatchThread(options, settle, fail));
  const source = items[Symbol.asyncIterator]();
  let taken = 0;
  let yielded = 0;
  let exhausted = false;
  let mainAnalyses = true;
  /** The next item and its place, or null once the source is done or far enough ahead. */
  const take = async (): Promise<{ index: number; item: OrderedItem } | null> => {
    if (exhausted || taken - yielded >= AHEAD) return null;
    const next = await source.next();
    if (next.done) {
      exhausted = true;
      return null;
    }
    return { index: taken++, item: next.value };
  };

  try {
    for (;;) {
      for (const thread of threads) {
        while (thread.queued < QUEUE_PER_THREAD) {
          const next = await take();
          if (!next) break;
          if (next.item.ok) thread.send(next.index, next.item.source, next.item.input);
          else settle(next.index, next.item);
        }
      }
      let analysedHere = false;
      const next = mainAnalyses ? await take() : null;
      if (next) {
        analysedHere = true;
        if (!next.item.ok) settle(next.index, next.item);
        else {
          const outcome = analyzeHere(next.item.source, next.item.input, options.timeoutMs);
          if (outcome === TIMED_OUT) {
            settle(next.index, { ok: false, error: analysisTimeoutError(next.item.source, options.timeoutMs) });
            mainAnalyses = false;
            threads.push(new BatchThread(options, settle, fail));
          } else settle(next.index, outcome);
        }
      }
      if (bug !== undefined) throw bug;
      while (finished.has(yielded)) {
        const result = finished.get(yielded)!;
        finished.delete(yielded);
        yielded++;
        yield result;
      }
      if (exhausted && yielded === taken) return;
      // Nothing for the main thread to do until a batch thread answers.
      if (!analysedHere && !finished.has(yielded)) {
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
      }
    }
  } finally {
    await Promise.all(threads.map((t) => t.stop()));
  }
}

const TIMED_OUT = Symbol('timed out');

function analyzeHere(source: string, input: AnalyzeInput, timeoutMs: number): OrderedResult | typeof TIMED_OUT {
  try {
    return { ok: true, source, json: analyzedJson(input, source, timeoutMs) };
  } catch (error) {
    if (error instanceof TimedOut) return TIMED_OUT;
    if (error instanceof UnspinError) return { ok: false, error };
    throw error;
  }
}

/**
 * One worker thread running batch-thread.ts, with the documents sent to it and not yet
 * answered. The thread file sits next to this one with the same extension: the .ts file
 * when run from src through tsx (whose loader the thread then needs too), .js from dist.
 */
class BatchThread {
  private worker!: Worker;
  private readonly waiting = new Map<number, { index: number; source: string; input: AnalyzeInput }>();
  private nextId = 0;
  private stopping = false;

  constructor(
    private readonly options: SharedWorkOptions,
    private readonly settle: (index: number, result: OrderedResult) => void,
    private readonly fail: (error: unknown) => void,
  ) {
    this.start();
  }

  get queued(): number {
    return this.waiting.size;
  }

  send(index: number, source: string, input: AnalyzeInput): void {
    const id = this.nextId++;
    this.waiting.set(id, { index, source, input });
    this.worker.postMessage({ id, input, source, timeoutMs: this.options.timeoutMs } satisfies BatchTask);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.worker.terminate();
  }

  private start(): void {
    const here = fileURLToPath(import.meta.url);
    const extension = extname(here);
    const file = pathToFileURL(join(dirname(here), `batch-thread${extension}`));
    const fromSource = extension === '.ts';
    // From source, the thread registers tsx's loader (resolved here: a bare specifier would
    // resolve from the working directory) before it imports the file; `--import` in a
    // thread's execArgv does not reach its own entry module.
    const api = fromSource ? JSON.stringify(import.meta.resolve('tsx/esm/api')) : '';
    const worker = new Worker(fromSource ? `import(${api}).then((tsx) => { tsx.register(); return import(${JSON.stringify(file.href)}); })` : file, {
      eval: fromSource,
      ...(this.options.youngGenerationMb ? { resourceLimits: { maxYoungGenerationSizeMb: this.options.youngGenerationMb } } : {}),
    });
    this.worker = worker;
    worker.on('message', (reply: BatchReply) => this.answer(reply));
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', () => {
      if (this.worker !== worker || this.stopping) return;
      if (this.waiting.size > 0) this.fail(new Error(`an analysis thread stopped with ${this.waiting.size} documents unanswered`));
    });
  }

  private answer(reply: BatchReply): void {
    const task = this.waiting.get(reply.id);
    if (!task) return;
    this.waiting.delete(reply.id);
    if ('timedOut' in reply) {
      this.settle(task.index, { ok: false, error: analysisTimeoutError(task.source, this.options.timeoutMs) });
      // The thread ends after a timeout: what it still held goes to a fresh one, in order.
      const rest = [...this.waiting.values()];
      this.waiting.clear();
      this.start();
      for (const t of rest) this.send(t.index, t.source, t.input);
      return;
    }
    const { result } = reply;
    if (result.ok) {
      this.settle(task.index, { ok: true, source: task.source, json: result.json });
      return;
    }
    const error = errorOfFailure(result, task.source);
    if (error instanceof UnspinError) this.settle(task.index, { ok: false, error });
    else this.fail(error);
  }
}
