import { defineCommand } from 'citty';
import { ERRORS, UnspinError } from '../../../core/errors.js';
import { createAnalysisPool, DEFAULT_ANALYSIS_TIMEOUT_MS, defaultThreads } from '../../../batch/analysis-pool.js';
import { byteSize, positiveInt } from '../../batch/cli-options.js';
import { countInputs } from '../../../batch/count-inputs.js';
import { formatSeconds, createProgress } from '../../batch/progress.js';
import { DEFAULT_MAX_DOCUMENT_BYTES, poolDispatcher, runBatch, type BatchSummary, type Dispatcher } from '../../../batch/run-batch.js';
import { isPostgresUrl, openStore } from '../../../storage/open.js';

export const batchCommand = defineCommand({
  meta: {
    name: 'batch',
    description: 'Analyse a corpus into a store: in worker threads into SQLite, or (with --queue) as BullMQ jobs for `unspin worker`. Re-running resumes: done documents are skipped, failed ones retried.',
  },
  args: {
    inputs: { type: 'positional', description: 'DIR, CORPUS.jsonl, FILE or a quoted glob such as "news/**/*.html" (several allowed)', required: false },
    db: { type: 'string', description: 'store: FILE.sqlite, or postgres://USER@HOST/DB[?schema=NAME] (with --queue)', required: true },
    queue: { type: 'string', description: 'redis://HOST:6379: enqueue jobs for `unspin worker` instead of analysing here' },
    'queue-name': { type: 'string', description: 'BullMQ queue name (default unspin)' },
    workers: { type: 'string', alias: 'w', description: 'worker threads (default: CPU cores)' },
    'max-size': { type: 'string', description: 'largest document; larger ones are recorded as errors (default 10MB)' },
    timeout: { type: 'string', description: 'seconds one document may take before it is recorded as failed (default 120)' },
    force: { type: 'boolean', description: 'analyse again what the store already holds' },
    wait: { type: 'boolean', description: 'with --queue: wait until the workers have emptied the queue' },
    json: { type: 'boolean', description: 'print the summary as one JSON line on stdout' },
    progress: { type: 'boolean', description: 'progress on stderr: a bar on a terminal, a line every 5 s otherwise (default on; --no-progress)' },
  },
  async run({ args }) {
    const paths = args._ as string[];
    if (paths.length === 0) throw new UnspinError('NO_INPUT', 'batch: name a directory, a .jsonl corpus, files or a glob');
    const threads = positiveInt('workers', args.workers, defaultThreads());
    const maxBytes = byteSize('max-size', args['max-size'], DEFAULT_MAX_DOCUMENT_BYTES);
    const timeoutMs = positiveInt('timeout', args.timeout, DEFAULT_ANALYSIS_TIMEOUT_MS / 1000) * 1000;
    if (args.queue && !isPostgresUrl(args.db)) process.stderr.write('unspin batch: note: queue workers on other machines need a shared store; --db is usually postgres:// with --queue\n');

    const store = await openStore(args.db);
    const cleanup: (() => Promise<void>)[] = [() => store.close()];
    const controller = new AbortController();
    const stop = stopOnSignals(controller);
    try {
      await store.migrate();
      let dispatcher: Dispatcher;
      let drain: ((report: (pending: number) => void) => Promise<void>) | undefined;
      if (args.queue) {
        const { openQueue, checkQueue, queueDispatcher, pendingJobs } = await import('../../../batch/queue.js');
        const queue = openQueue(args.queue, args['queue-name']);
        cleanup.unshift(() => queue.close());
        await checkQueue(queue, args.queue);
        dispatcher = queueDispatcher(queue);
        drain = async (report) => {
          let lastReport = 0;
          for (let pending = await pendingJobs(queue); pending > 0 && !controller.signal.aborted; pending = await pendingJobs(queue)) {
            if (performance.now() - lastReport >= 5000) {
              lastReport = performance.now();
              report(pending);
            }
            await new Promise((r) => setTimeout(r, 250));
          }
        };
      } else {
        const pool = createAnalysisPool(threads, { timeoutMs });
        cleanup.unshift(() => pool.close());
        dispatcher = poolDispatcher(pool, store);
      }

      const total = await countInputs(paths);
      const verb = args.queue ? 'queued' : 'analysed';
      const progress = args.progress === false ? undefined : createProgress({ stream: process.stderr, total, bar: Boolean(process.stderr.isTTY), verb });
      let summary: BatchSummary;
      try {
        summary = await runBatch({
          paths,
          store,
          dispatch: dispatcher,
          maxBytes,
          signal: controller.signal,
          force: args.force,
          events: {
            progress: (p) => progress?.update(p),
            duplicate: (source, id) => {
              const line = `unspin: ${source}: id "${id}" was already used in this run; ignored`;
              if (progress) progress.log(line);
              else process.stderr.write(`${line}\n`);
            },
            failure: (doc, error) => {
              const line = `unspin: ${error.message} (${error.code})`;
              if (progress) progress.log(error.stack ? `${line}\n${error.stack}` : line);
              else process.stderr.write(`${line}\n`);
            },
          },
        });
      } finally {
        progress?.stop();
      }
      let waitedMs: number | undefined;
      if (drain && args.wait && !summary.interrupted) {
        const started = performance.now();
        await drain((pending) => process.stderr.write(`unspin batch: waiting for workers, ${pending} jobs left\n`));
        waitedMs = performance.now() - started;
      }
      writeSummary(summary, verb, Boolean(args.json), waitedMs);
      if (summary.interrupted || controller.signal.aborted) return ERRORS.INTERRUPTED.exitCode;
      return summary.failed > 0 ? ERRORS.SOME_INPUTS_FAILED.exitCode : 0;
    } finally {
      stop();
      for (const close of cleanup) await close().catch(() => undefined);
    }
  },
});

/**
 * First Ctrl-C (or SIGTERM): stop reading, finish and save what is in flight.
 * A second one quits at once; everything saved so far stays saved.
 */
function stopOnSignals(controller: AbortController): () => void {
  const onSignal = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) {
      process.removeListener('SIGINT', onSignal);
      process.removeListener('SIGTERM', onSignal);
      process.kill(process.pid, signal);
      return;
    }
    process.stderr.write(`\nunspin batch: ${signal}: finishing the documents in flight (again to quit now; a re-run resumes)\n`);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return () => {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  };
}

/** The run's summary on stdout; in queue mode the rates are of enqueueing, plus the wait when asked. */
function writeSummary(s: BatchSummary, verb: string, json: boolean, waitedMs?: number): void {
  const seconds = s.durationMs / 1000;
  if (json) {
    const waited = waitedMs === undefined ? {} : { waitSeconds: round(waitedMs / 1000) };
    process.stdout.write(
      JSON.stringify({ documents: s.documents, [verb]: s.analysed, skipped: s.skipped, failed: s.failed, duplicates: s.duplicates, seconds: round(seconds), docsPerSecond: round(s.docsPerSecond), megabytesPerSecond: round(s.megabytesPerSecond), interrupted: s.interrupted, ...waited }) + '\n',
    );
    return;
  }
  const lines = [
    `${s.interrupted ? 'interrupted' : 'done'}: ${s.documents} documents in, ${s.analysed} ${verb}, ${s.skipped} skipped (already in the store), ${s.failed} failed${s.duplicates > 0 ? `, ${s.duplicates} duplicate ids ignored` : ''}`,
    `time ${formatSeconds(seconds)} (${seconds.toFixed(1)} s), ${s.docsPerSecond.toFixed(1)} docs/s ${verb}, ${s.megabytesPerSecond.toFixed(2)} MB/s`,
  ];
  if (waitedMs !== undefined) lines.push(`queue emptied ${(waitedMs / 1000).toFixed(1)} s later; \`unspin stats --db ...\` shows what the workers recorded`);
  if (s.interrupted) lines.push('run the same command again to resume');
  process.stdout.write(lines.join('\n') + '\n');
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

