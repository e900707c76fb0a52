import { test } from 'node:test';
import { clean, firesAndFlags } from './verdict-checks.js';

// epithet16: a group word as the modifier of a vermin or contempt noun names the group by that
// noun ("Jewish vermin", "Roma parasites"); sentences written for this test.

test('a group word before a vermin or contempt noun is hate speech wherever the phrase stands', () => {
  firesAndFlags('group-epithet', [
    'Jewish vermin run this place.',
    'The streets are full of Roma parasites.',
    'Gay perverts should keep away from schools.',
    'Mexican rats in every street now.',
    'Got stuck behind a coachload of Muslim idiots again.',
  ]);
});

test('a reported label, a trade or an animal, or a crime noun of news is not', () => {
  clean([
    'Nazi propaganda called Jews vermin.',
    'The leaflets called them Jewish vermin, police said.',
    'Danish pigs farmers protested in Copenhagen.',
    'Black rats carried the plague.',
    'Albanian criminals were jailed on Friday.',
    'He is the black sheep of the family.',
  ]);
});
