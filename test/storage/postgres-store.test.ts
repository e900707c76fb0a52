import assert from 'node:assert/strict';
import { test } from 'node:test';
import pg from 'pg';
import { openPostgresStore, parsePostgresUrl } from '../../src/storage/postgres/postgres-store.js';
import { storeContract } from './store-contract.js';
import { sampleAnalysis } from './sample.js';
import { PG_BASE, uniqueName } from '../batch/services.js';

test('PostgreSQL store: same contract as SQLite, in a schema of its own', async () => {
  const schema = uniqueName('unspin_store');
  const store = openPostgresStore(`${PG_BASE}?schema=${schema}`);
  const admin = new pg.Client({ connectionString: PG_BASE });
  await admin.connect();
  try {
    // Two processes migrating at once must not clash.
    await assert.rejects(() => store.checkReadable(), { code: 'UNSPIN_E_STORE_EMPTY' });
    const other = openPostgresStore(`${PG_BASE}?schema=${schema}`);
    await Promise.all([store.migrate(), other.migrate()]);
    await store.checkReadable();
    await other.close();
    await storeContract(store);
    const { rows } = await admin.query(`SELECT version FROM "${schema}".schema_migrations`);
    assert.deepEqual(rows.map((r) => r.version), [1]);
  } finally {
    await store.close();
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
  }
});

test('PostgreSQL URL: schema parameter is validated and stripped', () => {
  assert.equal(parsePostgresUrl('postgres://u@h:5432/db?schema=abc').schema, 'abc');
  assert.equal(parsePostgresUrl('postgres://u@h:5432/db').schema, 'public');
  assert.equal(parsePostgresUrl('postgres://u:secret@h:5432/db?schema=abc').display, 'postgres://h:5432/db?schema=abc');
  assert.throws(() => parsePostgresUrl('postgres://u@h/db?schema=a;drop'), { code: 'UNSPIN_E_USAGE' });
});

test('PostgreSQL store: an unreachable server is a one-line store error', async () => {
  const store = openPostgresStore('postgres://postgres@127.0.0.1:1/test');
  await assert.rejects(() => store.migrate(), { code: 'UNSPIN_E_STORE_UNAVAILABLE' });
  await store.close();
});

test('PostgreSQL store: text with U+0000 is stored with U+FFFD in its place, offsets intact', async () => {
  const schema = uniqueName('unspin_nul');
  const store = openPostgresStore(`${PG_BASE}?schema=${schema}`);
  const admin = new pg.Client({ connectionString: PG_BASE });
  await admin.connect();
  try {
    await store.migrate();
    const text = 'A\u0000B said "x\\u0000y" is vermin.';
    const analysis = sampleAnalysis('n\u0000ul', text, { findings: [{ kind: 'hate', label: 'hate', text: 'vermin', voice: 'author' }] });
    await store.saveAnalysis({ id: 'n\u0000ul', source: 'n\u0000ul', contentHash: 'h', bytes: 1 }, analysis, 1);
    assert.equal((await store.states(['n\u0000ul'])).get('n\u0000ul')?.status, 'analysed');
    const { rows } = await admin.query(`SELECT json FROM "${schema}".analyses`);
    const stored = rows[0].json as { text: string; findings: { start: number; end: number; text: string }[] };
    assert.equal(stored.text, 'A\uFFFDB said "x\\u0000y" is vermin.', 'a literal backslash-u0000 in the text is kept');
    const f = stored.findings[0]!;
    assert.equal(stored.text.slice(f.start, f.end), 'vermin');
  } finally {
    await store.close();
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
  }
});
