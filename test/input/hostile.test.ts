import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractArticle } from '../../src/input/html.js';
import { analyze } from '../../src/pipeline/analyze.js';
import { buildTextModel } from '../../src/text/model.js';
import { MAX_TOKEN_LENGTH } from '../../src/text/overlong.js';
import { assertSpansConsistent, assertVoicesPartition } from '../helpers.js';
import { validateAnalysis } from '../schema.js';

test('two full stops between words with no space ("Wait..Really") give no empty token and no crash', () => {
  assert.ok(buildTextModel('Wait..Really').tokens.every((t) => t.text !== ''));
  const analysis = analyze('Wait..Really. He said "Wait..Really" and left.');
  assertSpansConsistent(analysis);
  assertVoicesPartition(analysis);
});

test('a run of non-space characters over the token limit is skipped, said so, and spans stay exact', () => {
  const blob = 'x'.repeat(MAX_TOKEN_LENGTH + 1);
  const text = `The minister said "we will win". ${blob} Critics disagreed.`;
  const analysis = analyze(text);
  assert.deepEqual(analysis.skipped, [{ start: text.indexOf(blob), end: text.indexOf(blob) + blob.length }]);
  assert.ok(analysis.quotes.some((q) => q.text.includes('we will win')));
  assertSpansConsistent(analysis);
  assertVoicesPartition(analysis);
  validateAnalysis(analysis, 'analysis with a skipped run');
  assert.equal(analyze('A short text with ordinary words.').skipped, undefined);
});

test('a 10 MB token and a 100,000-character line with no space are skipped, not a stack overflow or a backtracking regex', () => {
  for (const text of ['x'.repeat(10 * 1024 * 1024), 'a.'.repeat(50_000), `Intro. ${'ab,'.repeat(33_000)} End.`]) {
    const analysis = analyze(text);
    assert.equal(analysis.skipped?.length, 1);
    assertSpansConsistent(analysis);
    assertVoicesPartition(analysis);
  }
});

test('10,000 nested divs are walked without recursion and keep their text; blocks keep their order', () => {
  const deep = `${'<div>'.repeat(10_000)}He said "hello" to them.${'</div>'.repeat(10_000)}`;
  assert.equal(extractArticle(deep).text, 'He said "hello" to them.');
  assert.equal(extractArticle('<p>One</p><div>Two<p>Three <b>bold</b></p>Four<br>five</div>').text, 'One\n\nTwo\n\nThree bold\n\nFour five');
});
