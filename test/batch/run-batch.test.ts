import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { createAnalysisPool } from '../../src/batch/analysis-pool.js';
import { poolDispatcher, runBatch, type Dispatcher } from '../../src/batch/run-batch.js';
import { openSqliteStore } from '../../src/storage/sqlite/sqlite-store.js';
import { syntheticArticle } from '../../bench/batch-corpus.js';
import Database from 'better-sqlite3';

function corpus(dir: string, n: number): void {
  mkdirSync(join(dir, 'news'), { recursive: true });
  for (let i = 0; i < n; i++) writeFileSync(join(dir, 'news', `a${String(i).padStart(3, '0')}.txt`), syntheticArticle(i));
}

test('batch into SQLite: bad inputs are recorded and the run goes on; a re-run skips, retries and re-analyses changes', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'unspin-batch-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  corpus(dir, 6);
  writeFileSync(join(dir, 'news', 'corrupt.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x1a, 0xff, 0xfe]));
  writeFileSync(join(dir, 'news', 'huge.txt'), Buffer.alloc(20 * 1024 * 1024, 'a')); // over the 10 MB default
  writeFileSync(join(dir, 'feed.jsonl'), `{"id":"r1","text":"${syntheticArticle(99).replace(/\n/g, '\\n').replace(/"/g, '\\"')}"}\n{"id":"r1","text":"A second record with the same id."}\n{"id":"r2","text":"The mayor said`);
  const file = join(dir, 'store.sqlite');
  const store = openSqliteStore(file);
  await store.migrate();
  const pool = createAnalysisPool(2);
  t.after(() => pool.close());
  const paths = [join(dir, 'news'), join(dir, 'feed.jsonl')];

  const progress: number[] = [];
  const failures: string[] = [];
  const first = await runBatch({ paths, store, dispatch: poolDispatcher(pool, store), events: { progress: (p) => progress.push(p.done), failure: (_d, e) => failures.push(e.code) } });
  assert.deepEqual(
    { documents: first.documents, analysed: first.analysed, skipped: first.skipped, failed: first.failed, duplicates: first.duplicates, interrupted: first.interrupted },
    { documents: 11, analysed: 7, skipped: 0, failed: 3, duplicates: 1, interrupted: false },
  );
  assert.deepEqual(failures.sort(), ['UNSPIN_E_INPUT_BINARY', 'UNSPIN_E_INPUT_TOO_LARGE', 'UNSPIN_E_JSONL_MALFORMED']);
  assert.equal(progress.at(-1), 11);
  assert.ok(first.bytes > 6 * 3000);

  // Changed content is analysed again; failed ones are retried; the rest is skipped.
  writeFileSync(join(dir, 'news', 'a000.txt'), syntheticArticle(500));
  const second = await runBatch({ paths, store, dispatch: poolDispatcher(pool, store) });
  assert.deepEqual({ analysed: second.analysed, skipped: second.skipped, failed: second.failed, duplicates: second.duplicates }, { analysed: 1, skipped: 6, failed: 3, duplicates: 1 });
  await store.close();

  const db = new Database(file, { readonly: true });
  const rows = db.prepare('SELECT id, status, error_code, attempts FROM documents ORDER BY id').all() as { id: string; status: string; error_code: string | null; attempts: number }[];
  const rel = (id: string) => id.slice(dir.length + 1);
  assert.deepEqual(
    rows.filter((r) => r.status === 'failed').map((r) => [rel(r.id), r.error_code, r.attempts]),
    [[`feed.jsonl:3`, 'UNSPIN_E_JSONL_MALFORMED', 2], ['news/corrupt.txt', 'UNSPIN_E_INPUT_BINARY', 2], ['news/huge.txt', 'UNSPIN_E_INPUT_TOO_LARGE', 2]],
  );
  assert.equal(rows.find((r) => rel(r.id) === 'news/a000.txt')?.attempts, 2);
  assert.equal(db.prepare('SELECT count(*) FROM analyses').pluck().get(), 7);
  const json = JSON.parse(db.prepare("SELECT json FROM analyses WHERE doc_id = 'r1'").pluck().get() as string);
  assert.equal(json.meta.source, 'r1');
  assert.ok(json.text.startsWith('Report 99'));
  db.close();
});

test('batch: a stop signal ends the run after what is in flight; nothing started is lost', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'unspin-batch-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  corpus(dir, 30);
  const store = openSqliteStore(join(dir, 'store.sqlite'));
  await store.migrate();
  const controller = new AbortController();
  let saved = 0;
  // A dispatcher that stops the run after five documents, as Ctrl-C would.
  const dispatch: Dispatcher = {
    parallelism: 2,
    async handle(doc) {
      await new Promise((r) => setTimeout(r, 5));
      await store.saveError(doc, { code: 'X', message: 'placeholder' });
      if (++saved === 5) controller.abort();
      return { status: 'analysed', bytes: 1 };
    },
  };
  const summary = await runBatch({ paths: [join(dir, 'news')], store, dispatch, signal: controller.signal });
  assert.equal(summary.interrupted, true);
  assert.ok(summary.analysed >= 5 && summary.analysed < 30, `analysed ${summary.analysed}`);
  assert.equal(summary.analysed, saved, 'every dispatched document finished and was counted');
  assert.equal((await store.stats()).documents, saved);
  await store.close();
});

test('batch: a store that fails stops the run with its error', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'unspin-batch-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  corpus(dir, 3);
  const store = openSqliteStore(join(dir, 'store.sqlite'));
  await store.migrate();
  const dispatch: Dispatcher = {
    parallelism: 1,
    handle: async () => {
      throw new Error('disk full');
    },
  };
  await assert.rejects(() => runBatch({ paths: [join(dir, 'news')], store, dispatch }), /disk full/);
  await store.close();
});
