import { Queue, Worker, type ConnectionOptions, type Job } from 'bullmq';
import { UnspinError } from '../core/errors.js';
import type { AnalyzeInput } from '../input/document.js';
import type { DocumentRecord, Store } from '../storage/store.js';
import type { AnalysisPool } from './analysis-pool.js';
import type { Dispatcher } from './run-batch.js';

export const DEFAULT_QUEUE_NAME = 'unspin';

/** What a job carries: the document record and its content, so a worker needs no shared disk. */
export interface AnalyzeJobData {
  doc: DocumentRecord;
  input: AnalyzeInput;
}

export interface JobPolicy {
  /** Tries per job before it is recorded as failed (default 3). */
  attempts?: number;
  /** First retry delay in ms, doubled on each retry (default 2000). */
  backoffMs?: number;
}

/** Connection options for BullMQ from a redis:// or rediss:// URL. */
export function redisConnection(url: string): ConnectionOptions {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UnspinError('USAGE', `--queue ${url}: not a valid redis:// URL`);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') throw new UnspinError('USAGE', `--queue ${url}: expected a redis:// URL`);
  const db = parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0;
  return {
    host: parsed.hostname || '127.0.0.1',
    port: parsed.port ? Number(parsed.port) : 6379,
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: Number.isInteger(db) ? db : 0,
    ...(parsed.protocol === 'rediss:' ? { tls: {} } : {}),
    // BullMQ workers block on Redis; the retry limit must be off for them.
    maxRetriesPerRequest: null,
  };
}

/**
 * The BullMQ job id of a document: the document id itself, with "%" and ":" escaped
 * (BullMQ reserves ":") and a marker before ids that are integers (which BullMQ refuses).
 * The mapping is one-to-one, so enqueueing a document twice finds the same job.
 */
export function jobIdOf(documentId: string): string {
  const escaped = documentId.replaceAll('%', '%25').replaceAll(':', '%3A');
  return /^-?\d+$/.test(escaped) || `${parseInt(escaped, 10)}` === escaped ? `%i${escaped}` : escaped;
}

export function openQueue(url: string, name: string = DEFAULT_QUEUE_NAME): Queue<AnalyzeJobData> {
  const queue = new Queue<AnalyzeJobData>(name, { connection: redisConnection(url) });
  // Connection errors are retried by the client and reported by checkQueue; not a crash.
  queue.on('error', () => undefined);
  return queue;
}

/** Fails fast with a one-line error when Redis cannot be reached. */
export async function checkQueue(queue: Queue, url: string): Promise<void> {
  try {
    // The client retries forever in the background; the first error is answer enough here.
    await Promise.race([
      queue.waitUntilReady(),
      new Promise<never>((_, reject) => queue.once('error', reject)),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no answer in 10 s')), 10_000).unref()),
    ]);
  } catch (cause) {
    throw new UnspinError('QUEUE_UNAVAILABLE', `${url}: cannot reach Redis (${(cause as Error).message})`, { input: url, cause });
  }
}

/** The batch side of scale-out: each readable document becomes one job; workers save results. */
export function queueDispatcher(queue: Queue<AnalyzeJobData>, policy: JobPolicy = {}): Dispatcher {
  return {
    parallelism: 16,
    async handle(doc, input) {
      await queue.add('analyze', { doc, input }, {
        jobId: jobIdOf(doc.id),
        attempts: policy.attempts ?? 3,
        backoff: { type: 'exponential', delay: policy.backoffMs ?? 2000 },
        // The store is the record of what is done or failed; the queue holds only pending
        // work. A kept finished job would swallow a later re-enqueue of its id (changed
        // content, a retry of a failure), since BullMQ ignores an add whose id exists.
        removeOnComplete: true,
        removeOnFail: true,
      });
      return { status: 'queued', bytes: doc.bytes ?? 0 };
    },
  };
}

/** Jobs not yet finished: waiting, delayed (backing off) or active. */
export async function pendingJobs(queue: Queue): Promise<number> {
  const counts = await queue.getJobCounts('wait', 'active', 'delayed', 'prioritized');
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

export interface QueueWorkerOptions {
  url: string;
  name?: string;
  store: Store;
  pool: AnalysisPool;
  /** A job's lock; a worker that dies holding one loses it after this long (default 30000 ms). */
  lockDurationMs?: number;
  /** How often lost locks are looked for (default 15000 ms). */
  stalledIntervalMs?: number;
  events?: {
    done?(doc: DocumentRecord, status: 'analysed' | 'failed'): void;
    /** A try failed; `final` when no retry is left and the document was recorded as failed. */
    error?(doc: DocumentRecord | undefined, message: string, final: boolean): void;
  };
}

export interface QueueWorker {
  /** Finishes the jobs in hand, then stops taking new ones. */
  close(): Promise<void>;
  /** Resolves once connected to Redis. */
  ready(): Promise<void>;
}

/**
 * Takes jobs from the queue, analyses them in the thread pool (so the event loop
 * stays free to renew job locks) and upserts each result in the store. A user error
 * (empty, binary) is final and recorded at once; anything else throws so BullMQ
 * retries with backoff, and the last failure is recorded.
 */
export function startQueueWorker(options: QueueWorkerOptions): QueueWorker {
  const { store, pool, events } = options;
  const worker = new Worker<AnalyzeJobData>(
    options.name ?? DEFAULT_QUEUE_NAME,
    async (job: Job<AnalyzeJobData>) => {
      const { doc, input } = job.data;
      const result = await pool.run({ source: doc.source, input });
      if (result.ok) {
        await store.saveAnalysis(doc, result.analysis, result.durationMs);
        events?.done?.(doc, 'analysed');
        return 'analysed';
      }
      if (!result.internal) {
        await store.saveError(doc, { code: result.code, message: result.message });
        events?.done?.(doc, 'failed');
        return 'failed';
      }
      throw new Error(result.stack ?? result.message);
    },
    {
      connection: redisConnection(options.url),
      // Twice the threads: while one job is analysed, the next is fetched and the last saved.
      concurrency: pool.threads * 2,
      lockDuration: options.lockDurationMs ?? 30_000,
      stalledInterval: options.stalledIntervalMs ?? 15_000,
      maxStalledCount: 2,
      autorun: true,
    },
  );
  worker.on('failed', (job, error) => {
    if (!job) return;
    const final = job.attemptsMade >= (job.opts.attempts ?? 1);
    events?.error?.(job.data.doc, error.message, final);
    if (final) {
      const message = `${job.data.doc.source}: failed after ${job.attemptsMade} tries: ${error.message.split('\n')[0]}`;
      store
        .saveError(job.data.doc, { code: 'UNSPIN_E_INTERNAL', message, tries: job.attemptsMade })
        .then(() => events?.done?.(job.data.doc, 'failed'))
        .catch((e: Error) => events?.error?.(job.data.doc, `cannot record the failure: ${e.message}`, true));
    }
  });
  worker.on('error', (error) => events?.error?.(undefined, error.message, false));
  return {
    close: () => worker.close(),
    ready: () => worker.waitUntilReady().then(() => undefined),
  };
}
