import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeHate, clean, verdict } from './verdict-checks.js';

// A pronoun stands for the last group named only until another plural subject takes its place
// (read off a fresh blog post of the 2026-12-07 review: the readers who complained were read as
// the migrants of the paragraph before).

const BLOG = [
  'Migrants are parasites who live off our taxes. If we do not act now, there will be nothing left.',
  '',
  'Some readers wrote to say that this blog is "hateful." I say they are cowards who cannot handle the truth.',
].join('\n');

test('"they" after a rival plural subject is not the group named before it', () => {
  const hate = analyzeHate(BLOG).findings.filter((f) => f.kind === 'hate');
  assert.equal(hate.length, 1, JSON.stringify(hate.map((f) => f.text)));
  assert.ok(hate[0]!.text.startsWith('Migrants'), hate[0]!.text);
  // In one sentence too.
  clean(['Muslims opened a bakery on our street, and critics say they are cowards who hide online.']);
});

test('the pronoun still refers back when no rival comes between, or when the rival came before the group', () => {
  assert.equal(verdict('Muslims moved in next door last year. They are vermin, every one of them.'), 'hatespeech');
  assert.equal(verdict('Our politicians keep letting Muslims in. They are vermin.'), 'hatespeech');
  // A plural object does not take the place of the subject's group, even before a verb.
  assert.equal(verdict('Refugees steal our jobs and our benefits. They are parasites.'), 'hatespeech');
  assert.equal(verdict('Women should have their homes bulldozed with them still inside.'), 'hatespeech');
});
