import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertSpansConsistent } from '../helpers.js';
import { provenanceOf, quoteWith, speakerOf } from './helpers.js';

test('a name with a plural possessive keeps the whole name and its article', () => {
  for (const apostrophe of ["'", '’']) {
    const text = `According to the Farmers${apostrophe} Association, prices fell sharply last year.`;
    const a = provenanceOf(text);
    const q = quoteWith(a, 'prices fell');
    assert.equal(speakerOf(a, q)?.name, `the Farmers${apostrophe} Association`);
    assert.equal(a.speakers.length, 1);
    assertSpansConsistent(a);
  }
});

test('a plural possessive before a person is not part of their name', () => {
  const a = provenanceOf('The Democrats’ Nancy Pelosi said that the bill had failed.');
  assert.equal(speakerOf(a, quoteWith(a, 'bill had failed'))?.name, 'Nancy Pelosi');
});
