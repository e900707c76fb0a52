import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clean, verdict } from './verdict-checks.js';

// counter16: counter-speech forms read off the spent holdout22's counter-reference failures, tested
// here on sentences written for this test (none is in a functional suite).

test('counter-speech that calls the speaker a liar, reports them, blames them for hate or says they never looked is clean', () => {
  clean([
    'Anyone who tells you Muslims are thieves is lying.',
    'Anybody who says refugees are rapists is a liar.',
    'When my neighbour joked that Jews are greedy, I reported him.',
    'After my coach said gay men are weak, we complained to the club.',
    'Teaching children that Roma are thieves is how hatred begins.',
    'Telling pupils that immigrants are criminals is how bigotry spreads.',
    'Whoever claims that refugees are a burden has clearly never read the research.',
    'Anyone who says Black people are lazy has obviously never met my colleagues.',
  ]);
});

test('the same frames without the group inside the condemned words, or without a rebuke, stay hate speech', () => {
  for (const text of [
    'Muslims are thieves and anyone who says otherwise is lying.',
    'Refugees are rapists, and whoever denies it has never read the news.',
    'Teaching children that Roma are thieves is how we keep them safe.',
    'When my boss said Jews are greedy, I told him he was right.',
  ]) assert.equal(verdict(text), 'hatespeech', text);
});
