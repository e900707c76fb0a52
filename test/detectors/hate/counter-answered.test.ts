import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleIds } from './rule-matches.js';
import { clean, firesAndFlags, verdict } from './verdict-checks.js';

test('a condemnation that a "but" answers does not clear what the writer then says of the group', () => {
  for (const text of ['That is hateful, but trans people are sick in the head.', 'I know it sounds racist, but Muslims are vermin.', 'My brother said "that is bigoted", but gypsies are parasites.']) assert.equal(verdict(text), 'hatespeech', text);
  // The condemnation still clears hate it is about, before the "but".
  clean(['Saying refugees are rats is disgusting, but refugees should still be vetted.', 'Calling Jews vermin is vile, but sadly it is common online.']);
});

test('"exactly" endorses quoted hate only when it stands alone, not in "told him exactly what I thought"', () => {
  clean(['A man on the bus said "Muslims should all be deported". I told him exactly what I thought of that.', 'My neighbour said "refugees are vermin", and I told her exactly how wrong she was.']);
  assert.equal(verdict('A man on the bus said "Muslims should all be deported". Exactly.'), 'hatespeech');
});

test('a generic believer who is called a fool, or who has never met many of the group, is counter-speech', () => {
  clean(['Anyone who thinks Jews are parasites is a fool.', 'Whoever believes gay people are perverts is an idiot.', 'People who say Roma are thieves have not met many of them.', 'If your argument is "Hindus are filthy", you do not have an argument.']);
});

test('hatred stated with any adverb before the verb is derogation', () => {
  firesAndFlags('derogation-hate-expression', ['I sincerely despise Arabs.', 'We deeply loathe immigrants.', 'I utterly detest Hispanics and always will.']);
  // "only" narrows the hatred to some of the group, so it is not the whole group's derogation by rule.
  assert.doesNotMatch(ruleIds('I only hate Muslims who break the law.').join(' '), /derogation-hate-expression/);
});

