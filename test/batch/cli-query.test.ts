import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../../src/storage/sqlite/sqlite-store.js';
import { sampleAnalysis } from '../storage/sample.js';
import { lastJsonLine, runCli } from './cli.js';

test('unspin query and stats over a store: filters, table, JSON Lines and CSV', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'unspin-cli-query-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'store.sqlite');
  const store = openSqliteStore(file);
  await store.migrate();
  const text = 'Ana Diaz told RT that "these rats, says the minister, are invading us".';
  await store.saveAnalysis({ id: 'x.txt', source: 'x.txt', contentHash: 'h', bytes: 10 }, sampleAnalysis('x.txt', text, {
    quote: { text: '"these rats, says the minister, are invading us"', speaker: 'Ana Diaz', outlet: { id: 'rt', name: 'RT', state: true } },
    findings: [
      { kind: 'hate', label: 'hate', text: 'rats', voice: 'quoted', targets: ['Refugee'] },
      { kind: 'propaganda', label: 'Appeal_to_fear-prejudice', text: 'invading us', voice: 'quoted' },
    ],
  }), 1);
  await store.close();

  const csv = await runCli(['query', '--db', file, '--kind', 'hate', '--format', 'csv']);
  assert.equal(csv.code, 0, csv.stderr);
  const lines = csv.stdout.trimEnd().split('\r\n');
  assert.equal(lines[0], 'doc,finding,kind,label,voice,score,start,end,targets,speaker,outlet,state,rule,text');
  assert.equal(lines.length, 2);
  assert.equal(lines[1], `x.txt,f1,hate,hate,quoted,0.90,${text.indexOf('rats')},${text.indexOf('rats') + 4},Refugee,Ana Diaz,RT,true,test.hate,rats`);

  const jsonl = await runCli(['query', '--db', file, '--state-affiliated', '--speaker', 'diaz', '--format', 'jsonl']);
  assert.deepEqual(jsonl.stdout.trim().split('\n').map((l) => JSON.parse(l).label), ['hate', 'Appeal_to_fear-prejudice']);
  const none = await runCli(['query', '--db', file, '--no-state-affiliated', '--format', 'jsonl']);
  assert.equal(none.stdout, '');

  const table = await runCli(['query', '--db', file, '--text', 'invading']);
  assert.match(table.stdout, /^doc\s+finding\s+kind/);
  assert.match(table.stderr, /2 findings/);

  const stats = await runCli(['stats', '--db', file]);
  assert.match(stats.stdout, /documents 1, analyses 1, errors 0, findings 2/);
  assert.match(stats.stdout, /Appeal_to_fear-prejudice\s+1/);
  const json = lastJsonLine((await runCli(['stats', '--db', file, '--json'])).stdout);
  assert.deepEqual([json.documents, json.analyses, json.errors, json.findings], [1, 1, 0, 2]);

  const bad = await runCli(['query', '--db', file, '--voice', 'narrator']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--voice narrator: expected one of author, quoted, reported \(UNSPIN_E_USAGE\)/);
  const other = join(dir, 'other.sqlite');
  new Database(other).exec('CREATE TABLE t (x)').close();
  const foreign = await runCli(['query', '--db', other]);
  assert.equal(foreign.code, 6);
  assert.match(foreign.stderr, /other\.sqlite: not an unspin store .*\(UNSPIN_E_STORE_EMPTY\)/);
  const missing = await runCli(['stats', '--db', join(dir, 'nope.sqlite')]);
  assert.equal(missing.code, 6);
  assert.match(missing.stderr, /nope\.sqlite: cannot open the SQLite store/);
});
