import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Readable } from 'node:stream';
import { decodeText } from '../../src/input/decode.js';
import { extractArticle } from '../../src/input/html.js';
import { parseJsonLine, readSources, type SourceItem } from '../../src/input/sources.js';
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

test('a JSON Lines record with both text and html is rejected, like the HTTP API rejects it', () => {
  const item = parseJsonLine('feed.jsonl', 4, '{"id":"r1","text":"Plain.","html":"<p>Page.</p>"}');
  assert.equal(item.ok, false);
  assert.equal(item.ok ? '' : item.error.code, 'UNSPIN_E_JSONL_MALFORMED');
  assert.match(item.ok ? '' : item.error.message, /feed\.jsonl:4: .*both "text" and "html"/);
  assert.equal(parseJsonLine('feed.jsonl', 5, '{"id":"r2","html":"<p>Page.</p>"}').ok, true);
});

test('a NUL anywhere in the input is binary, also after the first 8 KB and in UTF-16', () => {
  assert.throws(() => decodeText(Buffer.concat([Buffer.from('a'.repeat(10_000)), Buffer.from([0]), Buffer.from('b')]), 'late.txt'), { code: 'UNSPIN_E_INPUT_BINARY' });
  assert.throws(() => decodeText(Buffer.from('\ufeffab\u0000c', 'utf16le'), 'wide.txt'), { code: 'UNSPIN_E_INPUT_BINARY' });
  assert.equal(decodeText(Buffer.from('fine text'), 'ok.txt'), 'fine text');
});

test('stdin over the size limit is an error naming stdin, and reading stops there', async () => {
  let pulled = 0;
  const stdin = Readable.from((function* () {
    for (let i = 0; i < 1000; i++) {
      pulled++;
      yield Buffer.from('word '.repeat(20));
    }
  })());
  const items: SourceItem[] = [];
  for await (const item of readSources(['-'], { stdin, maxBytes: 1000 })) items.push(item);
  assert.equal(items.length, 1);
  assert.equal(items[0]!.ok ? '' : items[0]!.error.code, 'UNSPIN_E_INPUT_TOO_LARGE');
  assert.match(items[0]!.ok ? '' : items[0]!.error.message, /^stdin: /);
  assert.ok(pulled < 50, `stopped early, pulled ${pulled} chunks`);
});

test('U+0085 (NEL) is not space for the voices, as for \\s and trim(): the voice partition holds', () => {
  const analysis = analyze('Hello "world\u0085" he said');
  assertSpansConsistent(analysis);
  assertVoicesPartition(analysis);
});
