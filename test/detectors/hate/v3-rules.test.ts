import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createHateDetector } from '../../../src/detectors/hate/index.js';
import { hateVerdict } from '../../../src/detectors/hate/verdict.js';
import { analyze } from '../../../src/pipeline/analyze.js';

// The rules and guards alone (network off), so that each test shows what they decide.
const rulesOnly = [createHateDetector({ network: false })];
const verdict = (text: string) => hateVerdict(analyze(text, { detectors: rulesOnly }).findings);

test('quoted hate given to someone else is reported, not the author\'s, unless the author takes it up', () => {
  const text = 'The flyer on the lamp post read "gypsies are rats" and we took it down.';
  const findings = analyze(text, { detectors: rulesOnly }).findings.filter((f) => f.kind === 'hate');
  assert.equal(hateVerdict(findings).label, 'normal');
  assert.ok(findings.some((f) => f.voice === 'quoted'), 'the quoted words keep a finding in the quoted voice');
  assert.equal(verdict('My uncle wrote "Muslims are vermin" on his page last week.').label, 'normal');
  assert.equal(verdict('"Muslims are vermin" - so true, I agree.').label, 'hatespeech');
  // Scare quotes around the group alone leave the predicate in the author's words.
  assert.equal(verdict('These "refugees" are vermin.').label, 'hatespeech');
});

test('a label the group is reported to be given is not asserted; saying it to condemn it is not either', () => {
  assert.equal(verdict('Online, Roma are routinely called vermin.').label, 'normal');
  assert.equal(verdict('To say that Muslims are inferior is bigotry.').label, 'normal');
  assert.equal(verdict("I'm sick of hearing that refugees are criminals.").label, 'normal');
  assert.equal(verdict('Roma are vermin.').label, 'hatespeech');
});

test('derogation asked as a question; neutral questions about a group stay clean', () => {
  assert.equal(verdict('Why are Jews so greedy?').label, 'hatespeech');
  assert.equal(verdict('Why do migrants always steal?').label, 'hatespeech');
  assert.equal(verdict("Aren't gypsies just animals?").label, 'hatespeech');
  assert.equal(verdict('Why are Muslims even allowed to vote?').label, 'hatespeech');
  assert.equal(verdict('Why are women underrepresented in science?').label, 'normal');
  assert.equal(verdict("Aren't refugees just people like us?").label, 'normal');
  assert.equal(verdict('Why are refugees not allowed to work?').label, 'normal');
});

test('implied comparison and opinion forms', () => {
  assert.equal(verdict('My goldfish is cleverer than Arabs.').label, 'hatespeech');
  assert.equal(verdict("I'd rather sleep in a pigsty than next to Roma.").label, 'hatespeech');
  assert.equal(verdict('I consider Hindus inferior.').label, 'hatespeech');
  assert.equal(verdict('The rat problem is worse than Muslims think.').label, 'normal');
  assert.equal(verdict('I find Hindus very welcoming.').label, 'normal');
});

test('a pronoun carries the claim across sentences: death wishes, ruin, threats', () => {
  assert.equal(verdict('Muslims moved in. They are vermin.').label, 'hatespeech');
  assert.equal(verdict('Refugees got the flats. I wish they would all die.').label, 'hatespeech');
  assert.equal(verdict('Gypsies camped by the river. They ruin everything.').label, 'hatespeech');
  assert.equal(verdict('Muslims moved in. They are lovely.').label, 'normal');
  assert.equal(verdict('Refugees got the flats. I wish they would all find work soon.').label, 'normal');
  assert.equal(verdict('We are going to pick off Jews one at a time.').label, 'hatespeech');
  assert.equal(verdict('I am going to run immigrants over with my car.').label, 'hatespeech');
});
