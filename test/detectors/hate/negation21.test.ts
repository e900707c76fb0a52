import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clean, verdict } from './verdict-checks.js';

// negation21: the negation reading reaches a negated subject with modifiers before a verb of
// belief or saying, and a negative phrase of one rule no longer shields another rule's match.
// Sentences written for this test (none is in a functional suite).

test('a negated subject far before a verb of belief or saying negates the clause after it', () => {
  clean([
    'No one in this town thinks Jews are parasites.',
    'Nobody in my whole family believes Muslims are terrorists.',
    'None of the teachers at my school think gay people are sick.',
    'I have never once heard anyone say that women are inferior.',
    'Not one of my neighbours honestly believes immigrants are criminals.',
  ]);
});

test('without the verb of belief, or past a clause break, the claim stands', () => {
  for (const text of [
    'Nobody in this town would argue with me: Roma are thieves.',
    'No one I know disagrees, because Muslims are terrorists.',
  ]) assert.equal(verdict(text), 'hatespeech', text);
});

test('a negative phrase of one rule ("no one ... disgusts me") does not shield another rule\'s negated match', () => {
  assert.equal(verdict('No one disgusts me more than Muslims.'), 'hatespeech', 'the emotion rule reads its own phrase');
  clean(['No one at our church thinks that refugees are vermin.']);
});
