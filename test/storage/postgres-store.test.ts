import assert from 'node:assert/strict';
import { test } from 'node:test';
import pg from 'pg';
import { openPostgresStore, parsePostgresUrl } from '../../src/storage/postgres/postgres-store.js';
import { storeContract } from './store-contract.js';
import { PG_BASE, uniqueName } from '../batch/services.js';

test('PostgreSQL store: same contract as SQLite, in a schema of its own', async () => {
  const schema = uniqueName('unspin_store');
  const store = openPostgresStore(`${PG_BASE}?schema=${schema}`);
  const admin = new pg.Client({ connectionString: PG_BASE });
  await admin.connect();
  try {
    // Two processes migrating at once must not clash.
    const other = openPostgresStore(`${PG_BASE}?schema=${schema}`);
    await Promise.all([store.migrate(), other.migrate()]);
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
