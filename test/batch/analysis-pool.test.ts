import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createAnalysisPool } from '../../src/batch/analysis-pool.js';
import { syntheticArticle } from '../../bench/batch-corpus.js';

test('analysis pool: threads run analyze; user errors are results; a document over the time limit fails and the pool goes on', async (t) => {
  const pool = createAnalysisPool(1);
  t.after(() => pool.close());
  const ok = await pool.run({ source: 'a.txt', input: { text: 'The mayor said "we will rebuild" on Monday.' } });
  assert.equal(ok.ok && ok.analysis.meta.source, 'a.txt');
  assert.equal(ok.ok && ok.analysis.text, 'The mayor said "we will rebuild" on Monday.');

  const empty = await pool.run({ source: 'e.txt', input: { text: '   \n' } });
  assert.deepEqual(empty.ok ? null : [empty.code, empty.internal], ['UNSPIN_E_INPUT_EMPTY', false]);

  const slow = await pool.run({ source: 'big.txt', input: { text: syntheticArticle(1, 200_000) } }, { timeoutMs: 1 });
  assert.deepEqual(slow.ok ? null : [slow.code, slow.internal], ['UNSPIN_E_ANALYSIS_TIMEOUT', false]);
  assert.match(slow.ok ? '' : slow.message, /^big\.txt: analysis took longer than 0\.001 s/);

  const after = await pool.run({ source: 'b.txt', input: { text: 'Life goes on.' } });
  assert.equal(after.ok, true, 'the terminated thread was replaced');
});
