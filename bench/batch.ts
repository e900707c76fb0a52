/**
 * Batch throughput: a generated corpus of 2,000 articles (3-5 KB, deterministic),
 * analysed into the embedded store with 1 and 2 worker threads, then through BullMQ
 * on Redis into PostgreSQL with 1 and 2 `unspin worker` processes.
 *
 *   npm run bench:batch [-- --docs 2000 --pg postgres://postgres@127.0.0.1:5432/test --redis redis://127.0.0.1:6379]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createAnalysisPool } from '../src/batch/analysis-pool.js';
import { openQueue, pendingJobs, queueDispatcher } from '../src/batch/queue.js';
import { poolDispatcher, runBatch } from '../src/batch/run-batch.js';
import { openPostgresStore } from '../src/storage/postgres/postgres-store.js';
import { openSqliteStore } from '../src/storage/sqlite/sqlite-store.js';
import { syntheticArticle } from './batch-corpus.js';

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '2000' },
    pg: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/test' },
    redis: { type: 'string', default: 'redis://127.0.0.1:6379' },
  },
});
const N = Number(values.docs);
const MAIN = fileURLToPath(new URL('../src/interfaces/cli/main.ts', import.meta.url));

const dir = mkdtempSync(join(tmpdir(), 'unspin-bench-batch-'));
const corpus = join(dir, 'corpus');
mkdirSync(corpus);
let bytes = 0;
for (let i = 0; i < N; i++) {
  const text = syntheticArticle(i);
  bytes += Buffer.byteLength(text);
  writeFileSync(join(corpus, `article-${String(i).padStart(5, '0')}.txt`), text);
}
console.log(`corpus: ${N} articles, ${(bytes / 1e6).toFixed(2)} MB (mean ${(bytes / N / 1024).toFixed(1)} KB), node ${process.version}`);

function report(label: string, docs: number, seconds: number): void {
  console.log(`${label.padEnd(44)} ${docs} docs in ${seconds.toFixed(2)} s: ${(docs / seconds).toFixed(1)} docs/s, ${(bytes / 1e6 / seconds).toFixed(2)} MB/s`);
}

try {
  {
    // The batch machinery alone (read, hash, one SQLite transaction per document with
    // its full JSON and FTS row), with one analysis reused: the ceiling of a single writer.
    const store = openSqliteStore(join(dir, 'store-only.sqlite'));
    await store.migrate();
    const pool = createAnalysisPool(1);
    const sample = await pool.run({ source: 'sample', input: { text: syntheticArticle(0) } });
    await pool.close();
    if (!sample.ok) throw new Error(sample.message);
    const summary = await runBatch({
      paths: [corpus],
      store,
      dispatch: {
        parallelism: 1,
        async handle(doc) {
          await store.saveAnalysis(doc, sample.analysis, 0);
          return { status: 'analysed', bytes: doc.bytes ?? 0 };
        },
      },
    });
    report('embedded SQLite, store only (no analysis)', summary.analysed, summary.durationMs / 1000);
    await store.close();
  }
  for (const threads of [1, 2]) {
    const store = openSqliteStore(join(dir, `embedded-${threads}.sqlite`));
    await store.migrate();
    const pool = createAnalysisPool(threads);
    // Warm-up: every thread loads the NLP model before the clock starts.
    await Promise.all(Array.from({ length: threads * 2 }, (_, i) => pool.run({ source: `warm${i}`, input: { text: syntheticArticle(100_000 + i) } })));
    const summary = await runBatch({ paths: [corpus], store, dispatch: poolDispatcher(pool, store) });
    if (summary.analysed !== N) throw new Error(`embedded run analysed ${summary.analysed} of ${N}`);
    report(`embedded SQLite, ${threads} worker thread${threads > 1 ? 's' : ''}`, summary.analysed, summary.durationMs / 1000);
    await pool.close();
    await store.close();
  }

  const admin = new pg.Client({ connectionString: values.pg });
  await admin.connect();
  for (const workers of [1, 2]) {
    const name = `unspin_bench_${process.pid}_${workers}`;
    const db = `${values.pg}?schema=${name}`;
    const store = openPostgresStore(db);
    await store.migrate();
    const queue = openQueue(values.redis, name);
    const children: ChildProcess[] = [];
    try {
      const ready = Array.from({ length: workers }, () => {
        const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), MAIN, 'worker', '--queue', values.redis, '--queue-name', name, '--db', db, '--concurrency', '1'], { stdio: ['ignore', 'ignore', 'pipe'] });
        children.push(child);
        return new Promise<void>((resolve, reject) => {
          let err = '';
          child.stderr!.on('data', (d: Buffer) => {
            err += d.toString();
            if (err.includes('ready')) resolve();
          });
          child.on('exit', (code) => reject(new Error(`worker exited (${code}): ${err}`)));
        });
      });
      await Promise.all(ready);
      const started = performance.now();
      const summary = await runBatch({ paths: [corpus], store, dispatch: queueDispatcher(queue) });
      const enqueued = performance.now();
      for (;;) {
        const { rows } = await admin.query(`SELECT count(*)::int AS n FROM "${name}".analyses`);
        if (rows[0].n >= N && (await pendingJobs(queue)) === 0) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      const seconds = (performance.now() - started) / 1000;
      console.log(`  (enqueue of ${summary.analysed} jobs: ${((enqueued - started) / 1000).toFixed(2)} s)`);
      report(`BullMQ/Redis -> PostgreSQL, ${workers} queue worker${workers > 1 ? 's' : ''}`, N, seconds);
    } finally {
      for (const child of children) child.kill('SIGTERM');
      await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.on('exit', r)))));
      await queue.obliterate({ force: true });
      await queue.close();
      await store.close();
      await admin.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
    }
  }
  await admin.end();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
