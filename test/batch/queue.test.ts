import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import pg from 'pg';
import { createAnalysisPool, type AnalysisPool } from '../../src/batch/analysis-pool.js';
import { documentRecord } from '../../src/batch/document-record.js';
import { checkQueue, openQueue, pendingJobs, queueDispatcher, startQueueWorker } from '../../src/batch/queue.js';
import { runBatch } from '../../src/batch/run-batch.js';
import { openPostgresStore } from '../../src/storage/postgres/postgres-store.js';
import { syntheticArticle } from '../../bench/batch-corpus.js';
import { sampleAnalysis } from '../storage/sample.js';
import { finished, lastJsonLine, runCli, spawnCli, waitFor } from './cli.js';
import { PG_BASE, REDIS_URL, uniqueName } from './services.js';

/** A fresh schema and queue for one test, removed afterwards. */
async function services(t: { after(fn: () => Promise<void>): void }) {
  const name = uniqueName('unspin_q');
  const db = `${PG_BASE}?schema=${name}`;
  const store = openPostgresStore(db);
  await store.migrate();
  const queue = openQueue(REDIS_URL, name);
  const admin = new pg.Client({ connectionString: PG_BASE });
  await admin.connect();
  t.after(async () => {
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    await store.close();
    await admin.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
    await admin.end();
  });
  const count = async (sql: string) => Number((await admin.query(sql.replaceAll('$schema', `"${name}"`))).rows[0].n);
  const tally = async () => ({
    documents: await count('SELECT count(*) AS n FROM $schema.documents'),
    analyses: await count('SELECT count(*) AS n FROM $schema.analyses'),
    distinct: await count('SELECT count(DISTINCT doc_id) AS n FROM $schema.analyses'),
    failed: await count("SELECT count(*) AS n FROM $schema.documents WHERE status = 'failed'"),
    retried: await count("SELECT count(*) AS n FROM $schema.documents WHERE status = 'analysed' AND attempts > 1"),
  });
  return { name, db, store, queue, tally, count };
}

function corpus(dir: string, n: number, bytes?: number): string {
  const news = join(dir, 'news');
  mkdirSync(news, { recursive: true });
  for (let i = 0; i < n; i++) writeFileSync(join(news, `a${String(i).padStart(3, '0')}.txt`), syntheticArticle(i, bytes));
  return news;
}

test('queue: enqueueing twice makes one job per document; a worker analyses them into PostgreSQL; bad inputs are recorded', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'unspin-queue-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const s = await services(t);
  const news = corpus(dir, 10);
  writeFileSync(join(news, 'corrupt.html'), Buffer.from([0x00, 0x01, 0x02, 0xff]));
  writeFileSync(join(news, 'huge.txt'), Buffer.alloc(20 * 1024 * 1024, 'b'));
  writeFileSync(join(dir, 'feed.jsonl'), '{"id":"123","text":"The council voted on Tuesday."}\n{"id":"r2","text":"trunc');
  const paths = [news, join(dir, 'feed.jsonl')];

  for (let i = 0; i < 2; i++) {
    const summary = await runBatch({ paths, store: s.store, dispatch: queueDispatcher(s.queue) });
    assert.deepEqual({ documents: summary.documents, queued: summary.analysed, failed: summary.failed }, { documents: 14, queued: 11, failed: 3 });
  }
  assert.equal(await s.queue.count(), 11, 'the second enqueue added no job');

  const pool = createAnalysisPool(1);
  const worker = startQueueWorker({ url: REDIS_URL, name: s.name, store: s.store, pool, lockDurationMs: 2000, stalledIntervalMs: 1000 });
  try {
    await waitFor('queue drained', async () => (await pendingJobs(s.queue)) === 0 && (await s.tally()).analyses === 11);
  } finally {
    await worker.close();
    await pool.close();
  }
  assert.deepEqual(await s.tally(), { documents: 14, analyses: 11, distinct: 11, failed: 3, retried: 0 });

  // A third run finds everything done (or failed, which it records again) and enqueues nothing new.
  const third = await runBatch({ paths, store: s.store, dispatch: queueDispatcher(s.queue) });
  assert.deepEqual({ queued: third.analysed, skipped: third.skipped }, { queued: 0, skipped: 11 });

  // Changed content is enqueued again under the same job id, and analysed again.
  writeFileSync(join(news, 'a000.txt'), syntheticArticle(777));
  const fourth = await runBatch({ paths, store: s.store, dispatch: queueDispatcher(s.queue) });
  assert.deepEqual({ queued: fourth.analysed, skipped: fourth.skipped }, { queued: 1, skipped: 10 });
  const pool2 = createAnalysisPool(1);
  const again = startQueueWorker({ url: REDIS_URL, name: s.name, store: s.store, pool: pool2 });
  const id = join(news, 'a000.txt');
  const newHash = documentRecord(id, { text: syntheticArticle(777) }).contentHash;
  try {
    await waitFor('changed document analysed again', async () => (await s.store.states([id])).get(id)?.contentHash === newHash);
  } finally {
    await again.close();
    await pool2.close();
  }

  const stats = await runCli(['stats', '--db', s.db, '--json']);
  assert.equal(stats.code, 0, stats.stderr);
  const json = lastJsonLine(stats.stdout);
  assert.deepEqual([json.documents, json.analyses, json.errors], [14, 11, 3]);
  assert.deepEqual(
    (json.errorsByCode as { key: string }[]).map((r) => r.key),
    ['UNSPIN_E_INPUT_BINARY', 'UNSPIN_E_INPUT_TOO_LARGE', 'UNSPIN_E_JSONL_MALFORMED'],
  );
});

test('queue: internal errors are retried with backoff; a job that keeps failing is recorded as failed', async (t) => {
  const s = await services(t);
  const calls = new Map<string, number>();
  // A pool whose analysis fails the first time for "flaky" and every time for "broken".
  const pool: AnalysisPool = {
    threads: 2,
    async run(task) {
      const n = (calls.get(task.source) ?? 0) + 1;
      calls.set(task.source, n);
      if (task.source === 'broken' || (task.source === 'flaky' && n === 1)) return { ok: false, code: 'UNSPIN_E_INTERNAL', message: `${task.source}: boom`, internal: true };
      if (task.source === 'empty') return { ok: false, code: 'UNSPIN_E_INPUT_EMPTY', message: 'empty: no text', internal: false };
      return { ok: true, analysis: sampleAnalysis(task.source, 'Some text.'), durationMs: 1 };
    },
    close: async () => undefined,
  };
  const dispatch = queueDispatcher(s.queue, { attempts: 3, backoffMs: 50 });
  for (const id of ['fine', 'flaky', 'broken', 'empty']) await dispatch.handle({ id, source: id, contentHash: id, bytes: 1 }, { text: 'x' });
  const errors: string[] = [];
  const done: string[] = [];
  const worker = startQueueWorker({ url: REDIS_URL, name: s.name, store: s.store, pool, events: { error: (_d, _m, final) => errors.push(final ? 'final' : 'retry'), done: (d, status) => done.push(`${d.source}:${status}`) } });
  try {
    await waitFor('all settled', async () => (await s.tally()).documents === 4 && (await pendingJobs(s.queue)) === 0 && done.length === 4);
  } finally {
    await worker.close();
  }
  assert.deepEqual(Object.fromEntries(calls), { fine: 1, flaky: 2, broken: 3, empty: 1 });
  const states = await s.store.states(['fine', 'flaky', 'broken', 'empty']);
  assert.deepEqual([...states.values()].map((v) => v.status).sort(), ['analysed', 'analysed', 'failed', 'failed']);
  assert.equal(states.get('broken')?.status, 'failed');
  assert.equal(errors.filter((e) => e === 'final').length, 1);
  // The worker's "N failed" counts the job that failed for good, and the store counts its three tries.
  assert.deepEqual(done.sort(), ['broken:failed', 'empty:failed', 'fine:analysed', 'flaky:analysed']);
  assert.equal(await s.count("SELECT attempts AS n FROM $schema.documents WHERE id = 'broken'"), 3);
  assert.deepEqual((await s.store.stats()).errorsByCode, [{ key: 'UNSPIN_E_INPUT_EMPTY', count: 1 }, { key: 'UNSPIN_E_INTERNAL', count: 1 }]);
});

test('queue: a worker killed with SIGKILL mid-run loses nothing; its job is retaken by another worker', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'unspin-queue-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const s = await services(t);
  const N = 40;
  const news = corpus(dir, N, 30_000);
  const summary = await runBatch({ paths: [news], store: s.store, dispatch: queueDispatcher(s.queue) });
  assert.equal(summary.analysed, N);

  const workerArgs = ['worker', '--queue', REDIS_URL, '--queue-name', s.name, '--db', s.db, '--concurrency', '1', '--lock-duration', '1500', '--stalled-interval', '500'];
  const first = spawnCli(workerArgs);
  const firstDone = finished(first);
  await waitFor('first worker analysed some', async () => (await s.tally()).analyses >= 5);
  first.kill('SIGKILL');
  assert.equal((await firstDone).signal, 'SIGKILL');
  const atKill = await s.tally();
  const activeAtKill = (await s.queue.getJobCounts('active')).active ?? 0;
  assert.ok(atKill.analyses < N, `killed before the end (${atKill.analyses} of ${N})`);

  const second = spawnCli(workerArgs);
  const secondDone = finished(second);
  try {
    await waitFor('second worker finished the queue', async () => (await s.tally()).analyses === N && (await pendingJobs(s.queue)) === 0, 120_000, 100);
  } finally {
    second.kill('SIGTERM');
  }
  const stopped = await secondDone;
  assert.equal(stopped.code, 0, stopped.stderr);
  const end = await s.tally();
  const result = { in: N, out: end.analyses, duplicates: end.analyses - end.distinct, lost: N - end.distinct };
  assert.deepEqual(result, { in: N, out: N, duplicates: 0, lost: 0 });
  process.stdout.write(`worker SIGKILL fault test: in ${N}, analysed before kill ${atKill.analyses}, active jobs at kill ${activeAtKill}, out ${end.analyses}, duplicates ${result.duplicates}, lost ${result.lost}, documents saved twice (retaken) ${end.retried}\n`);
});

test('queue: an unreachable Redis is one clear error, quickly', async () => {
  const url = 'redis://127.0.0.1:1';
  const queue = openQueue(url, uniqueName('unspin_down'));
  try {
    await assert.rejects(() => checkQueue(queue, url), (e: Error & { code?: string }) => e.code === 'UNSPIN_E_QUEUE_UNAVAILABLE' && e.message.startsWith(`${url}: cannot reach Redis`));
  } finally {
    await queue.close();
  }
});

test('unspin batch --queue --wait with an unspin worker: the CLI end to end on Redis and PostgreSQL', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'unspin-queue-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const s = await services(t);
  corpus(dir, 5);
  const worker = spawnCli(['worker', '--queue', REDIS_URL, '--queue-name', s.name, '--db', s.db, '--concurrency', '1']);
  const workerDone = finished(worker);
  try {
    const batch = await runCli(['batch', 'news', '--queue', REDIS_URL, '--queue-name', s.name, '--db', s.db, '--wait', '--json'], { cwd: dir });
    assert.equal(batch.code, 0, batch.stderr);
    const summary = lastJsonLine(batch.stdout);
    assert.equal(summary.queued, 5);
    assert.equal(typeof summary.waitSeconds, 'number');
    assert.deepEqual(await s.tally(), { documents: 5, analyses: 5, distinct: 5, failed: 0, retried: 0 });
    const query = await runCli(['query', '--db', s.db, '--text', 'budget', '--format', 'jsonl']);
    assert.equal(query.code, 0, query.stderr);
  } finally {
    worker.kill('SIGTERM');
  }
  const stopped = await workerDone;
  assert.equal(stopped.code, 0);
  assert.match(stopped.stderr, /stopped, 5 analysed, 0 failed/);
});
