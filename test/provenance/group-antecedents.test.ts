import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertSpansConsistent } from '../helpers.js';
import { provenanceOf, speakerOf } from './helpers.js';

const speakerOfOnlyQuote = (text: string) => {
  const a = provenanceOf(text);
  assertSpansConsistent(a);
  assert.equal(a.quotes.length, 1, text);
  return speakerOf(a, a.quotes[0]!)?.name;
};

test('a community named in the plural or by a plural demonym is a group, never the person a later "he" or "she" is', () => {
  for (const text of [
    'Migrants are arriving every day. "We need more beds," he said.',
    'Iranians took to the streets on Friday. "We want our freedom back," he said.',
    'Protesters gathered outside parliament. "This law is a disgrace," she told reporters.',
    'Refugees arriving in Dover are exhausted. "We walked for weeks," he said.',
  ]) assert.match(speakerOfOnlyQuote(text) ?? '', /\(unresolved\)$/, text);
  // A person named before the group is still found.
  assert.equal(speakerOfOnlyQuote('Ahmed Karimi runs the shelter. Refugees arriving in Dover are exhausted. "We need more beds," he said.'), 'Ahmed Karimi');
  // The group still speaks as a group.
  assert.equal(speakerOfOnlyQuote('Protesters said the law was a disgrace.'), 'Protesters');
});

test('a holiday is a time, not a person', () => {
  assert.match(speakerOfOnlyQuote('Muslims across the city marked the end of Ramadan. "It was a joyful day," he said.') ?? '', /\(unresolved\)$/);
});

test('a sentence ending in "in." does not run into the next one: its subject is not the next cue\'s', () => {
  assert.equal(speakerOfOnlyQuote('The family moved in. Jones said the road was closed.'), 'Jones');
  assert.equal(speakerOfOnlyQuote('The Williams family moved in. Mr Hastings said the road was closed.'), 'Hastings');
});
