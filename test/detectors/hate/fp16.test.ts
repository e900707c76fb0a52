import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clean, verdict } from './verdict-checks.js';

// fp16: friendly or neutral posts the placeholder network read as hostile (read off the spent
// holdout23's false positives), and a food bank read as a bank by the control trope; tested
// here on sentences written for this test.

test('helping, praising, a team that killed it, the writer ill: the network alone no longer flags them', () => {
  clean([
    'The food bank is run by Muslims who want to feed families in the area.',
    'The shelter was set up by Roma who volunteer to look after stray dogs.',
    'Our darts team smashed it on Friday and three of the lads were Hindus.',
    'We really respect Jews who stand up for their neighbours.',
    'Honestly, the trans volunteers at the hospice changed our lives.',
    "I'm in bed with a nasty cold, so I'll miss the refugees' supper club this week.",
  ]);
});

test('their hostile twins stay hate speech', () => {
  for (const text of [
    'Muslims who want to help themselves to our benefits should be deported.',
    'Roma are vermin and we should drive them out.',
    'The central bank is run by Jews.',
    'Jews changed my life for the worse and they are parasites.',
  ]) assert.equal(verdict(text), 'hatespeech', text);
});
