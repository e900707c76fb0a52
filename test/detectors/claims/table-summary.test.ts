import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { modelPath } from '../../../src/core/paths.js';
import { settledStamp } from '../../../src/core/data-file.js';
import { BUCKET_LEVELS, claimWords, readTableSummary, tableSummaryPath, type TableSummary } from '../../../src/detectors/claims/words.js';
import { defaultWordTable, WordTable, WORD_TABLE_FILE } from '../../../src/text/word-table.js';

test('the recorded word-table summary, when built, is the shipped table\'s digest and offsets', { skip: existsSync(tableSummaryPath()) ? false : 'not built (npm run build:data)' }, () => {
  const recorded = JSON.parse(readFileSync(tableSummaryPath(), 'utf8')) as TableSummary;
  const fresh = claimWords(defaultWordTable());
  assert.equal(recorded.digest, fresh.digest, `${tableSummaryPath()} is stale: run npm run build:data`);
  assert.deepEqual(recorded.offsets, [...fresh.offsets], `${tableSummaryPath()} is stale: run npm run build:data`);
  assert.deepEqual([recorded.seed, recorded.levels], [16016, [...BUCKET_LEVELS]], `${tableSummaryPath()} is stale: run npm run build:data`);
  // Used while the table keeps the stamp it was recorded with (a checkout that rewrites the file sends it back to hashing).
  if (recorded.stamp !== undefined && recorded.stamp === settledStamp(modelPath(WORD_TABLE_FILE))) assert.deepEqual(readTableSummary(), recorded);
});

test('a table summary is read only while the table keeps its stamp, and gives the digest and offsets worked out afresh', () => {
  const dir = mkdtempSync(join(tmpdir(), 'unspin-words-'));
  const table = new WordTable(['troops', 'soldiers', 'maybe'], Int8Array.from([127, 0, 126, 10, 0, -127]), 2);
  const tablePath = join(dir, 'tiny.bin');
  writeFileSync(tablePath, 'table bytes');
  const past = new Date(Date.now() - 60_000);
  utimesSync(tablePath, past, past);
  const fresh = claimWords(table, 'tiny.bin');
  const summaryPath = join(dir, 'tiny.json');
  const recorded = { digest: fresh.digest, offsets: [...fresh.offsets], seed: 16016, levels: [6, 8, 10], stamp: settledStamp(tablePath) };
  writeFileSync(summaryPath, JSON.stringify({ ...recorded, seed: 1 }));
  assert.equal(readTableSummary(summaryPath, tablePath), null, 'other directions');
  writeFileSync(summaryPath, JSON.stringify(recorded));
  const summary = readTableSummary(summaryPath, tablePath);
  assert.ok(summary);
  assert.deepEqual(claimWords(table, 'tiny.bin', summary), fresh);
  // The summary is taken as it is: a recorded digest is the digest.
  assert.equal(claimWords(table, 'tiny.bin', { ...summary, digest: 'recorded' }).digest, 'recorded');
  writeFileSync(tablePath, 'table bytez');
  assert.equal(readTableSummary(summaryPath, tablePath), null, 'the table was written since');
  writeFileSync(summaryPath, JSON.stringify({ digest: fresh.digest, offsets: [...fresh.offsets] }));
  assert.equal(readTableSummary(summaryPath, tablePath), null, 'unstamped');
  assert.equal(readTableSummary(join(dir, 'missing.json'), tablePath), null);
});
