import { availableParallelism } from 'node:os';
import type { DestinationStream, LevelWithSilent } from 'pino';
import { DEFAULT_WARM_UP_ROUNDS } from '../../pipeline/worker/threads.js';

/**
 * Warm-up analyses per worker of `unspin serve`. In one process, analyze() then JSON of
 * bench/fixtures/article.txt 200 times after 20 or 120 warm-up rounds, CPU per request on the
 * shared 2-core machine, four alternated pairs: p50 27.9, 22.7, 25.2, 30.3 ms after 20 rounds and
 * 18.5, 23.9, 22.7, 23.1 ms after 120; p90 51-65 ms against 33-40 ms; the first 20 requests
 * 54-63 ms against 39-50 ms on average (p99 unchanged, 87-130 ms either way). `npm run
 * bench:latency` swung more with the machine's load than between the two. Each round costs
 * about 40 ms of one core at start-up.
 */
export const SERVE_WARM_UP_ROUNDS = 120;

/** What `buildServer` can be told; every field has a default. */
export interface ServerOptions {
  /** Largest request body for POST /v1/analyze, in bytes (default 2 MiB). */
  bodyLimit?: number;
  /** Largest request body for POST /v1/analyze/batch, in bytes (default 20 MiB). */
  batchBodyLimit?: number;
  /** Most documents in one batch request (default 100). */
  maxBatch?: number;
  /** API keys; when any is set, /v1/* needs one. Empty or absent: no authentication. */
  apiKeys?: readonly string[];
  /** Requests per key (or per address without keys) per window; `false` turns it off. */
  rateLimit?: { max: number; windowMs: number } | false;
  /** Worker threads that run analyses (default: the number of cores). */
  workers?: number;
  /** Analysis tasks that may wait for a worker before requests get 503 (default 1,000). */
  maxQueue?: number;
  /** Per-request time limit in ms, queue wait included (default 30,000). */
  timeoutMs?: number;
  /**
   * Analyses each worker runs before /readyz says ready (default 20; `unspin serve` runs
   * SERVE_WARM_UP_ROUNDS): V8 keeps optimising the pipeline over the first hundred or so
   * articles, so more rounds make the first requests as fast as the later ones.
   */
  warmUpRounds?: number;
  /** Logging: `false` for none; else a pino level and where to write (default info, stdout). */
  logger?: false | { level?: LevelWithSilent; stream?: DestinationStream };
}

export type ResolvedServerOptions = Required<Omit<ServerOptions, 'logger'>> & { logger: ServerOptions['logger'] };

export const DEFAULTS = {
  bodyLimit: 2 * 1024 * 1024,
  batchBodyLimit: 20 * 1024 * 1024,
  maxBatch: 100,
  rateLimit: { max: 600, windowMs: 60_000 },
  maxQueue: 1000,
  timeoutMs: 30_000,
} as const;

/**
 * Fills in defaults and checks every option once, so a bad value fails at start-up
 * with a message naming it rather than on the first request.
 */
export function resolveServerOptions(options: ServerOptions = {}): ResolvedServerOptions {
  const resolved: ResolvedServerOptions = {
    bodyLimit: options.bodyLimit ?? DEFAULTS.bodyLimit,
    batchBodyLimit: options.batchBodyLimit ?? Math.max(DEFAULTS.batchBodyLimit, options.bodyLimit ?? 0),
    maxBatch: options.maxBatch ?? DEFAULTS.maxBatch,
    apiKeys: (options.apiKeys ?? []).filter((key) => key !== ''),
    rateLimit: options.rateLimit === undefined ? { ...DEFAULTS.rateLimit } : options.rateLimit,
    workers: options.workers ?? availableParallelism(),
    maxQueue: options.maxQueue ?? DEFAULTS.maxQueue,
    timeoutMs: options.timeoutMs ?? DEFAULTS.timeoutMs,
    warmUpRounds: options.warmUpRounds ?? DEFAULT_WARM_UP_ROUNDS,
    logger: options.logger,
  };
  positiveInteger('bodyLimit', resolved.bodyLimit);
  positiveInteger('batchBodyLimit', resolved.batchBodyLimit);
  positiveInteger('maxBatch', resolved.maxBatch);
  positiveInteger('workers', resolved.workers);
  positiveInteger('maxQueue', resolved.maxQueue);
  positiveInteger('timeoutMs', resolved.timeoutMs);
  positiveInteger('warmUpRounds', resolved.warmUpRounds);
  if (resolved.rateLimit) {
    positiveInteger('rateLimit.max', resolved.rateLimit.max);
    positiveInteger('rateLimit.windowMs', resolved.rateLimit.windowMs);
  }
  return resolved;
}

function positiveInteger(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`buildServer: ${name} must be a positive integer, got ${String(value)}`);
}
