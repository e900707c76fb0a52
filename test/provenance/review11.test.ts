import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertSpansConsistent } from '../helpers.js';
import { provenanceOf, quoteWith, speakerOf } from './helpers.js';

test('a title-case headline run is no antecedent for the body\'s "he"', () => {
  const text = 'What the Governor Truly Promised Yesterday\n\nThe governor spoke for an hour. He added: "Nobody will lose their pension."';
  const a = provenanceOf(text);
  const name = speakerOf(a, quoteWith(a, 'Nobody will lose'))?.name ?? '';
  assert.ok(!/Promised|Truly/.test(name), `speaker is not the headline words: ${name}`);
  assertSpansConsistent(a);
  // Contrast: a person the body names is still found through the pronoun.
  const named = provenanceOf('What the Governor Truly Promised Yesterday\n\nGovernor Maria Lund spoke for an hour. She added: "Nobody will lose their pension."');
  assert.equal(speakerOf(named, quoteWith(named, 'Nobody will lose'))?.name, 'Maria Lund');
});

test('"the minister said that …" makes a person whom a later "she" stands for; plural roles stay groups', () => {
  const a = provenanceOf('The spokeswoman said that the border would stay open. She added that the fence would come down.');
  assert.equal(speakerOf(a, quoteWith(a, 'the fence would'))?.name, 'The spokeswoman');
  const plural = provenanceOf('The officials said that the border would stay open. She added that the fence would come down.');
  assert.notEqual(speakerOf(plural, quoteWith(plural, 'the fence would'))?.name, 'The officials', '"she" is never a plural');
  const male = provenanceOf('The spokesman said that the border would stay open. She added that the fence would come down.');
  assert.notEqual(speakerOf(male, quoteWith(male, 'the fence would'))?.name, 'The spokesman', 'a gendered title disagrees with "she"');
});
