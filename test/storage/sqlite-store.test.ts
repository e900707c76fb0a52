import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../../src/storage/sqlite/sqlite-store.js';
import { storeContract } from './store-contract.js';

test('SQLite store: migrations, idempotent saves, filters, full-text search and stats', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'unspin-sqlite-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'store.sqlite');
  const store = openSqliteStore(file);
  try {
    await assert.rejects(() => store.checkReadable(), { code: 'UNSPIN_E_STORE_EMPTY' });
    await storeContract(store);
    await store.checkReadable();
  } finally {
    await store.close();
  }
  const db = new Database(file, { readonly: true });
  assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
  assert.deepEqual(db.prepare('SELECT version FROM schema_migrations').pluck().all(), [1]);
  db.close();
});

test('SQLite store: a schema from a newer unspin is refused', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'unspin-sqlite-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'store.sqlite');
  const store = openSqliteStore(file);
  await store.migrate();
  await store.close();
  const db = new Database(file);
  db.prepare("INSERT INTO schema_migrations VALUES (999, 'future', 'x')").run();
  db.close();
  const again = openSqliteStore(file);
  await assert.rejects(() => again.migrate(), { code: 'UNSPIN_E_STORE_SCHEMA' });
  await again.close();
});

test('SQLite store: opening a missing file read-only names the file', () => {
  assert.throws(() => openSqliteStore('/nonexistent/dir/x.sqlite', { readonly: true }), (e: Error & { code?: string }) => e.code === 'UNSPIN_E_STORE_UNAVAILABLE' && e.message.includes('/nonexistent/dir/x.sqlite'));
});

test('SQLite store: a failure that stands for several tries counts them all in attempts', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'unspin-sqlite-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'store.sqlite');
  const store = openSqliteStore(file);
  const doc = { id: 'x.txt', source: 'x.txt', contentHash: 'h', bytes: 1 };
  try {
    await store.migrate();
    // A queue job retried three times is recorded once, as three attempts.
    await store.saveError(doc, { code: 'UNSPIN_E_INTERNAL', message: 'x.txt: failed after 3 tries', tries: 3 });
    await store.saveError(doc, { code: 'UNSPIN_E_INPUT_EMPTY', message: 'x.txt: empty' });
  } finally {
    await store.close();
  }
  const db = new Database(file, { readonly: true });
  assert.equal(db.prepare('SELECT attempts FROM documents WHERE id = ?').pluck().get('x.txt'), 4);
  db.close();
});
