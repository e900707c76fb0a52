import { defineCommand } from 'citty';
import { createAnalysisPool, DEFAULT_ANALYSIS_TIMEOUT_MS, defaultThreads } from '../../../batch/analysis-pool.js';
import { positiveInt } from '../../batch/cli-options.js';
import { checkQueue, openQueue, startQueueWorker } from '../../../batch/queue.js';
import { openStore } from '../../../storage/open.js';

export const workerCommand = defineCommand({
  meta: {
    name: 'worker',
    description: 'Process jobs queued by `unspin batch --queue` into the store. Run any number, on any machine; stop with Ctrl-C (jobs in hand are finished).',
  },
  args: {
    queue: { type: 'string', description: 'redis://HOST:6379', required: true },
    db: { type: 'string', description: 'postgres://USER@HOST/DB[?schema=NAME] (or a SQLite file for a single worker)', required: true },
    'queue-name': { type: 'string', description: 'BullMQ queue name (default unspin)' },
    concurrency: { type: 'string', alias: 'c', description: 'analysis threads (default: CPU cores); the worker holds twice as many jobs so fetching and saving overlap' },
    timeout: { type: 'string', description: 'seconds one document may take before it is recorded as failed (default 120)' },
    'lock-duration': { type: 'string', description: 'ms a job stays locked without renewal; a dead worker\'s job is retaken after this (default 30000)' },
    'stalled-interval': { type: 'string', description: 'ms between checks for jobs of dead workers (default 15000)' },
  },
  async run({ args }) {
    const threads = positiveInt('concurrency', args.concurrency, defaultThreads());
    const lockDurationMs = positiveInt('lock-duration', args['lock-duration'], 30_000);
    const stalledIntervalMs = positiveInt('stalled-interval', args['stalled-interval'], 15_000);

    const store = await openStore(args.db);
    const probe = openQueue(args.queue, args['queue-name']);
    const timeoutMs = positiveInt('timeout', args.timeout, DEFAULT_ANALYSIS_TIMEOUT_MS / 1000) * 1000;
    const pool = createAnalysisPool(threads, { timeoutMs });
    let worker: ReturnType<typeof startQueueWorker> | undefined;
    try {
      await store.migrate();
      await checkQueue(probe, args.queue);
      let analysed = 0;
      let failed = 0;
      let lastReport = performance.now();
      worker = startQueueWorker({
        url: args.queue,
        name: args['queue-name'],
        store,
        pool,
        lockDurationMs,
        stalledIntervalMs,
        events: {
          done(_doc, status) {
            if (status === 'analysed') analysed++;
            else failed++;
            if (performance.now() - lastReport > 5000) {
              lastReport = performance.now();
              process.stderr.write(`unspin worker: ${analysed} analysed, ${failed} failed\n`);
            }
          },
          error(doc, message, final) {
            const what = doc ? `${doc.source}: ` : '';
            process.stderr.write(`unspin worker: ${what}${final ? 'failed for good' : 'will retry'}: ${message}\n`);
          },
        },
      });
      await worker.ready();
      process.stderr.write(`unspin worker: ready, ${threads} thread(s), queue ${args['queue-name'] ?? 'unspin'}\n`);
      await new Promise<void>((resolve) => {
        const stop = (signal: NodeJS.Signals) => {
          process.stderr.write(`unspin worker: ${signal}: finishing the jobs in hand\n`);
          process.removeListener('SIGINT', stop);
          process.removeListener('SIGTERM', stop);
          resolve();
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
      await worker.close();
      process.stderr.write(`unspin worker: stopped, ${analysed} analysed, ${failed} failed\n`);
      return 0;
    } finally {
      await worker?.close().catch(() => undefined);
      await probe.close().catch(() => undefined);
      await pool.close().catch(() => undefined);
      await store.close().catch(() => undefined);
    }
  },
});
