import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { syntheticArticle } from '../../bench/batch-corpus.js';
import { finished, lastJsonLine, runCli, spawnCli, waitFor } from './cli.js';

function corpus(dir: string, n: number, bytes?: number): void {
  mkdirSync(join(dir, 'news'), { recursive: true });
  for (let i = 0; i < n; i++) writeFileSync(join(dir, 'news', `a${String(i).padStart(3, '0')}.txt`), syntheticArticle(i, bytes));
}

function counts(file: string): { documents: number; analyses: number; distinct: number } {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const get = (sql: string) => Number(db!.prepare(sql).pluck().get());
    return { documents: get('SELECT count(*) FROM documents'), analyses: get('SELECT count(*) FROM analyses'), distinct: get('SELECT count(DISTINCT doc_id) FROM analyses') };
  } catch {
    return { documents: 0, analyses: 0, distinct: 0 }; // not created or not migrated yet
  } finally {
    db?.close();
  }
}

test('unspin batch: SIGKILL mid-run, then the same command resumes; every document has exactly one analysis', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'unspin-cli-batch-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const N = 40;
  corpus(dir, N, 30_000); // ~20 ms each, so the run is long enough to be killed in the middle
  const args = ['batch', 'news', '--db', 'store.sqlite', '--workers', '1'];
  const db = join(dir, 'store.sqlite');

  const child = spawnCli(args, { cwd: dir });
  const done = finished(child);
  await waitFor('some analyses committed', () => counts(db).analyses >= 5);
  child.kill('SIGKILL');
  const killed = await done;
  assert.equal(killed.signal, 'SIGKILL');
  const before = counts(db);
  assert.ok(before.analyses < N, `killed before the end (${before.analyses} of ${N})`);

  const resumed = await runCli([...args, '--json'], { cwd: dir });
  assert.equal(resumed.code, 0, resumed.stderr);
  const summary = lastJsonLine(resumed.stdout);
  assert.equal(summary.documents, N);
  assert.equal(summary.skipped, before.analyses, 'what was committed before the kill is skipped');
  assert.equal(Number(summary.analysed) + Number(summary.skipped), N);
  const after = counts(db);
  const lost = N - after.distinct;
  const duplicates = after.analyses - after.distinct;
  assert.deepEqual({ in: N, out: after.analyses, duplicates, lost }, { in: N, out: N, duplicates: 0, lost: 0 });
  process.stdout.write(`batch SIGKILL fault test: in ${N}, committed before kill ${before.analyses}, out ${after.analyses}, duplicates ${duplicates}, lost ${lost}\n`);

  const stats = await runCli(['stats', '--db', 'store.sqlite', '--json'], { cwd: dir });
  assert.equal(stats.code, 0, stats.stderr);
  assert.deepEqual(Object.fromEntries(Object.entries(lastJsonLine(stats.stdout)).filter(([k]) => ['documents', 'analyses', 'errors'].includes(k))), { documents: N, analyses: N, errors: 0 });
});

test('unspin batch: Ctrl-C stops cleanly with a summary, and a re-run finishes the corpus', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'unspin-cli-batch-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const N = 40;
  corpus(dir, N, 30_000);
  const args = ['batch', 'news', '--db', 'store.sqlite', '--workers', '1', '--json'];
  const db = join(dir, 'store.sqlite');
  const child = spawnCli(args, { cwd: dir });
  const done = finished(child);
  await waitFor('some analyses committed', () => counts(db).analyses >= 3);
  child.kill('SIGINT');
  const stopped = await done;
  assert.equal(stopped.code, 130, stopped.stderr);
  const summary = lastJsonLine(stopped.stdout);
  assert.equal(summary.interrupted, true);
  assert.equal(counts(db).analyses, summary.analysed, 'the summary counts exactly what was committed');
  assert.match(stopped.stderr, /SIGINT: finishing the documents in flight/);

  const resumed = await runCli(args, { cwd: dir });
  assert.equal(resumed.code, 0, resumed.stderr);
  assert.deepEqual(counts(db), { documents: N, analyses: N, distinct: N });
});

test('unspin batch: a glob, a binary file, a truncated JSON Lines record; progress lines when not a terminal', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'unspin-cli-batch-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  corpus(dir, 3);
  writeFileSync(join(dir, 'news', 'photo.txt'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]));
  writeFileSync(join(dir, 'news', 'feed.jsonl'), '{"id":"r1","text":"Officials said the bridge would reopen in May."}\n{"id":"r2","text":"cut off');
  const result = await runCli(['batch', 'news/*', '--db', 'store.sqlite', '--workers', '1'], { cwd: dir });
  assert.equal(result.code, 4, result.stderr); // some inputs failed
  assert.match(result.stdout, /6 documents in, 4 analysed, 0 skipped \(already in the store\), 2 failed/);
  assert.match(result.stdout, /docs\/s/);
  assert.match(result.stderr, /news\/photo\.txt: .*\(UNSPIN_E_INPUT_BINARY\)/);
  assert.match(result.stderr, /news\/feed\.jsonl:2: .*\(UNSPIN_E_JSONL_MALFORMED\)/);
  assert.match(result.stderr, /unspin batch: 6\/6 \(100%\) done, 4 analysed, 0 skipped, 2 errors/);

  const usage = await runCli(['batch', 'news', '--db', 'store.sqlite', '--workers', '0'], { cwd: dir });
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /--workers 0: expected a whole number/);
});
