import { test } from 'node:test';
import { clean, verdict } from './verdict-checks.js';
import assert from 'node:assert/strict';

// A rebuke of whoever disagrees ("anyone who says otherwise is wrong") defends the claim before it,
// so it must not read as counter-speech; a rebuke of whoever holds the hateful claim still does.

test('hate followed by a rebuke of anyone who disagrees stays hate speech', () => {
  for (const text of [
    'Muslims are thieves and anyone who says otherwise is wrong.',
    'Refugees are parasites, and whoever says the opposite is deluded.',
    'Jews run the media and those who believe otherwise are fools.',
    'Immigrants are rapists and people who disagree are morons.',
    'Muslims are terrorists. Anyone who says otherwise is wrong.',
  ]) assert.equal(verdict(text), 'hatespeech', text);
});

test('a rebuke of the hateful claim itself, or of dissent from its denial, stays clean', () => {
  clean([
    'Muslims are not thieves and anyone who says otherwise is wrong.',
    'Refugees are not parasites, and whoever says otherwise is deluded.',
    'Anyone who says Muslims are thieves is wrong.',
    'People who think immigrants are criminals are idiots.',
  ]);
});
