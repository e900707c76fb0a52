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
