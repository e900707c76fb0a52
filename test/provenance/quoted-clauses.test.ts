import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertSpansConsistent } from '../helpers.js';
import { provenanceOf, quoteWith, speakerOf, voiceAt } from './helpers.js';

test('a short quoted clause with its own subject and verb is quoted words, not a scare quote', () => {
  const a = provenanceOf("My uncle's view is 'migrants should leave'. Mine is not.");
  assert.equal(quoteWith(a, 'migrants should leave')?.kind, 'direct');
  assert.equal(voiceAt(a, a.text.indexOf('migrants')), 'quoted');
  assertSpansConsistent(a);
  // A label with no verb, or a slogan that opens with its verb, stays the writer's scare quote.
  for (const [text, words] of [["The so-called 'experts' were wrong again.", 'experts'], ["He went on about 'fake news' all night.", 'fake news'], ["The crowd chanted 'lock her up' for an hour.", 'lock her up']] as const) {
    const b = provenanceOf(text);
    assert.notEqual(quoteWith(b, words)?.kind, 'direct', text);
  }
});

test('the subject of a passive verb of telling heard the quote; the speaker is not named', () => {
  const a = provenanceOf("We were told 'the deal is now done' and it was not.");
  const q = quoteWith(a, 'the deal is now done');
  assert.equal(q?.kind, 'direct');
  assert.equal(speakerOf(a, q), undefined);
  // In the active voice the subject speaks.
  const b = provenanceOf("The minister told us 'the deal is now done' and it was not.");
  assert.equal(speakerOf(b, quoteWith(b, 'the deal is now done'))?.name, 'The minister');
});
