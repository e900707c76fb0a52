import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clean, verdict } from './verdict-checks.js';

// counter21: counter-speech forms read off the spent holdout23's counter-reference and negated-hate
// failures, tested here on sentences written for this test (none is in a functional suite).

test('an insult said of those who attack the group, not of the group, is clean', () => {
  clean([
    'The flyers targeting Muslims were nasty and false.',
    'Those posters mocking gay people are disgusting.',
    'The trolls harassing refugees online are scum.',
    'The yobs who beat up a Roma family last night are cowards.',
    'Comments demonising migrants are stupid and cruel.',
  ]);
});

test('a group as the attackers, praise of the attackers, or a participle opening the sentence is not cleared', () => {
  for (const text of [
    'Muslims attacking Jews are scum.',
    'Jews who attack Muslims are vermin.',
  ]) assert.equal(verdict(text), 'hatespeech', text);
});

test('saying it is "not free speech" or "not an opinion" condemns it; "it\'s the truth" after it endorses it', () => {
  clean([
    'Tweeting that Jews are parasites is not free speech.',
    'Claiming Muslims are vermin is not an opinion, it is bigotry.',
    'Posting that women are subhuman is not banter, it is abuse.',
  ]);
  assert.equal(verdict('Saying Muslims are vermin is not an opinion, it is the truth.'), 'hatespeech');
});

test('"if you hate …, unfollow me" and "…, you can leave" reject the hate', () => {
  clean(['If you hate women, unfollow me now.', 'If you think Muslims are vermin, you can leave.']);
});

test('refusing a harm and answering a sneer with "try meeting some" are clean', () => {
  clean(['We will never call for refugees to be driven out.', 'Think immigrants are ruining everything? Try actually talking to a few before you decide.']);
});

test('"he posted that …" reports the post: its hate is the poster\'s, not the author\'s', () => {
  clean(['He posted that women should be shot. He was banned, and rightly so.']);
});

test('judging the opposite of a claim a lie defends the claim: "… and pretending otherwise is a lie" stays hate speech', () => {
  assert.equal(verdict("Roma aren't equal to decent people, and pretending otherwise is a lie."), 'hatespeech');
  clean(['Pretending that Roma are thieves is a lie.']);
});

test('praise of those who attack the group is hate speech; praise of helpers and blame of attackers are not', () => {
  for (const text of [
    'The guys who beat up Muslims outside the club are heroes.',
    'Lads harassing refugees at the station deserve a medal.',
    'Whoever attacked those Roma did us all a favour.',
  ]) assert.equal(verdict(text), 'hatespeech', text);
  clean(['The volunteers who helped the refugees are heroes.', 'The guys who beat up Muslims outside the club are not heroes.', 'Those who attacked the Roma family deserve prison.']);
});

test('never having met a member who fits a stereotype, and a welcome that will never stop, are clean; the double negation stays hateful', () => {
  clean(['I have never once met a Jew who was greedy.', 'Migrants will never stop being welcome in this town.']);
  assert.equal(verdict("I've never met an Arab who wasn't a thief."), 'hatespeech');
});
