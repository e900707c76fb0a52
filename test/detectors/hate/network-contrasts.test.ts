import assert from 'node:assert/strict';
import { test } from 'node:test';
import { benignGuards } from './rule-matches.js';
import { clean, verdict } from './verdict-checks.js';

// Network false positives of the 2026-12-07 round (read off holdout17 after its one
// measurement), checked on sentences written for this test.

test('an idiom of success is not a threat, and the guard does not clear a hostile sentence', () => {
  const praise = ['Our Muslim neighbours totally smashed it at the pub quiz on Friday.', 'The Hindu students crushed their exams this summer.', 'Refugees at the chess club demolished the opposition in the final.'];
  clean(praise);
  for (const text of praise) assert.ok(benignGuards(text).includes('benign-success-idiom'), text);
  // "killed it" is an idiom only before a time, a place or the end of the sentence.
  assert.deepEqual(benignGuards('Jews killed it, they always poison the wells.'), []);
  assert.equal(verdict('Jews killed it, they always poison the wells.'), 'hatespeech');
  assert.equal(verdict('Muslims should be crushed like bugs.'), 'hatespeech');
});

test('a panel that includes the group meeting in private, and a wish that the group never feel unwelcome', () => {
  clean(['The jury, which includes two Black people, met behind closed doors to pick the winner.', "We'd never want immigrants to feel unsafe in this town."]);
  assert.ok(benignGuards("We'd never want immigrants to feel unsafe in this town.").includes('benign-negated-call'));
  // Without the negation the wish is hostile.
  assert.equal(verdict("I'd want immigrants to feel unsafe in this town."), 'hatespeech');
});

// Read off holdout18 after its one measurement (2026-12-07): a crowd word before the group is
// no swarm of the group, and wins at a run or in a league are idioms of success.
test('"a swarm of fans, … among them" is not a swarm of the group; "a swarm of <group>" still is', () => {
  clean(['A swarm of fans, Muslims among them, poured through the stadium gates before kick-off.', 'A swarm of shoppers, refugees among them, queued for the sales.']);
  assert.equal(verdict('A swarm of Roma has descended on the car park.'), 'hatespeech');
  assert.equal(verdict('A plague of migrants is sweeping the town.'), 'hatespeech');
});

test('a group that smashed a charity run or destroyed a league did well; destroying the group stays hostile', () => {
  const praise = ['My gay mates smashed the charity run and raised over two grand!', 'The gay lads on our five-a-side team destroyed the league this season, unbeaten'];
  clean(praise);
  for (const text of praise) assert.ok(benignGuards(text).includes('benign-success-idiom'), text);
  assert.equal(verdict('Gays should be smashed like the bugs they are.'), 'hatespeech');
});

test('counter-speech read off holdout18 after its measurement: an unfollow, a notion named a conspiracy theory, pinning named scapegoating, solidarity', () => {
  clean([
    'If you think Muslims should be deported for simply existing, unfollow me now.',
    'The notion that Jews control the banks is a tired old conspiracy theory with a body count.',
    'Pinning the rent crisis on migrants is lazy scapegoating from politicians who built nothing.',
    'To the Muslim family whose windows were smashed: this town is with you.',
  ]);
  // The same frames with the speaker's agreement or a threat stay hateful.
  assert.equal(verdict('If you think Muslims should be deported, you are right.'), 'hatespeech');
  assert.equal(verdict('To the Muslims: we are coming for you.'), 'hatespeech');
});
