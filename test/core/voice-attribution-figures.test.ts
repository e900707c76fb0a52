import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../src/index.js';

const claimAt = (text: string, words: string) => {
  const a = analyze(text);
  const at = text.indexOf(words);
  return a.findings.find((f) => f.kind === 'claim' && f.start <= at && at < f.end);
};

test('an age in the attribution ("Ewa Lind, 52, said …") does not make reported words the author\'s claim', () => {
  const text = 'Ewa Lind, 52, said the clinic had turned away patients for three weeks in a row.';
  const claim = claimAt(text, 'Ewa Lind');
  assert.ok(claim, 'the sentence is a check-worthy claim');
  assert.equal(claim!.voice, 'reported');
  // Contrast: with no reported speech, the figure is the author's.
  const own = claimAt('The clinic turned away 52 patients in three weeks, the highest number this year.', 'The clinic');
  assert.equal(own?.voice, 'author');
});
