import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../src/index.js';
import { assertSpansConsistent } from '../helpers.js';
import { provenanceOf, quoteWith, speakerOf } from './helpers.js';

test('"posted that …" reports what someone wrote online; its words are the poster\'s, not the author\'s', () => {
  const a = provenanceOf('The councillor posted that the bridge would close in May. Residents were furious.');
  const q = quoteWith(a, 'the bridge would close');
  assert.equal(q?.kind, 'indirect');
  assert.equal(q?.cue?.text, 'posted');
  assert.equal(speakerOf(a, q)?.name, 'The councillor');
  assertSpansConsistent(a);
  const hate = analyze('He posted that women should be shot. He has been banned, and rightly so.');
  assert.equal(hate.hate?.label, 'normal', 'the author reports the post and approves the ban');
  assert.ok(hate.findings.some((f) => f.kind === 'hate' && f.voice === 'reported'), 'the reported words keep their finding');
});

test('"posted" with an object or in the passive is no cue: nothing is reported', () => {
  for (const text of ['She posted a video of the march on Facebook.', 'The results were posted online on Monday.', 'He posted more than 5,000 times since June.']) {
    const a = provenanceOf(text);
    assert.equal(a.quotes.length, 0, text);
  }
});
