import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertSpansConsistent } from '../helpers.js';
import { provenanceOf, quoteWith, speakerOf } from './helpers.js';

// "started saying", "began to claim", "kept insisting": the cue's subject is the aspect verb's
// (read off a fresh op-ed of the 2026-12-07 review, where the writer was made the speaker).

test('a cue after a verb of beginning or going on is said by that verb\'s subject, not by the sentence\'s first', () => {
  const cases: [string, string, string][] = [
    ['I left when the speakers at our conference started saying that our country is being taken apart.', 'country is being taken apart', 'the speakers at our conference'],
    ['The speakers started saying that our country is being taken apart.', 'country is being taken apart', 'The speakers'],
    ['I was shocked when the minister began claiming that the war was over.', 'war was over', 'the minister'],
    ['The minister began to claim that the war was over.', 'war was over', 'The minister'],
    ['Officials kept insisting that nothing was wrong.', 'nothing was wrong', 'Officials'],
    // A clause without "that": a subject, then a finite verb.
    ['My uncle keeps saying Mexicans are rapists.', 'Mexicans are rapists', 'My uncle'],
  ];
  for (const [text, words, speaker] of cases) {
    const a = provenanceOf(text);
    const q = quoteWith(a, words);
    assert.equal(q?.kind, 'indirect', text);
    assert.equal(speakerOf(a, q)?.name, speaker, text);
    assertSpansConsistent(a);
  }
});

test('a verb of beginning before anything but a cue reports nothing', () => {
  assert.deepEqual(provenanceOf('The company started selling shares in March.').quotes, []);
  assert.deepEqual(provenanceOf('He started telling the same story again.').quotes, []);
});

test('speech the writer anticipates about their own words ends before ", but": the rest is the writer\'s answer', () => {
  const a = provenanceOf('People will say this is hateful, but the numbers do not lie.');
  assert.deepEqual(a.quotes.map((q) => q.text), ['this is hateful']);
  assertSpansConsistent(a);
  // Said of something else, the content runs on.
  const b = provenanceOf('The minister will say that taxes must rise, but wages will fall too.');
  assert.deepEqual(b.quotes.map((q) => q.text), ['that taxes must rise, but wages will fall too']);
});

test('a direct quote that opens the content and closes before "but" and a new subject ends the report there', () => {
  const a = provenanceOf('My cousin said "that is unfair", but the referee was right all along.');
  assert.deepEqual(a.quotes.map((q) => [q.kind, q.text]), [['direct', 'that is unfair']]);
  const referee = a.text.indexOf('the referee');
  assert.equal(a.voices.find((v) => v.start <= referee && v.end > referee)?.voice, 'author');
  assertSpansConsistent(a);
  // A verb after the coordinator keeps the speaker ("…", and added that …).
  const b = provenanceOf('The coach said "we were unlucky", and added that the referee was wrong.');
  assert.ok(b.quotes.some((q) => q.text.includes('the referee was wrong')), JSON.stringify(b.quotes.map((q) => q.text)));
});
