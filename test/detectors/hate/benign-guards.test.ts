import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createHateDetector } from '../../../src/detectors/hate/index.js';
import { loadDefaultHateRules } from '../../../src/detectors/hate/shipped-rules.js';
import { hateVerdict } from '../../../src/detectors/hate/verdict.js';
import { analyze } from '../../../src/pipeline/analyze.js';
import { clean } from './verdict-checks.js';

// Benign guards (negated and praising frames) clear only the placeholder network's decision.
const rules = loadDefaultHateRules();
const withoutBenign = { ...rules, guards: rules.guards.filter((g) => g.entry.kind !== 'benign') };
const full = [createHateDetector()];
const noBenign = [createHateDetector({ rules: withoutBenign })];
const verdict = (text: string, detectors = full) => hateVerdict(analyze(text, { detectors }).findings).label;

/** The network alone flags it (so the guard is what clears it), and the full detector does not. */
function clearedByBenign(text: string): void {
  assert.equal(verdict(text, noBenign), 'hatespeech', `network should flag without the benign guards: ${text}`);
  assert.equal(verdict(text), 'normal', text);
}

test('the benign guards are loaded from guards.yml', () => {
  const ids = rules.guards.filter((g) => g.entry.kind === 'benign').map((g) => g.entry.id);
  assert.deepEqual(ids.sort(), ['benign-bodily-state', 'benign-control-thing', 'benign-denied-cabal', 'benign-double-negated-virtue', 'benign-equal-belonging', 'benign-friendly-simile', 'benign-group-as-patient', 'benign-help-institution', 'benign-incident-affected', 'benign-meeting', 'benign-negated-call', 'benign-negated-conspiracy', 'benign-negated-feeling', 'benign-never-met-culprit', 'benign-nothing-vicious', 'benign-other-culprit', 'benign-particular-people', 'benign-praise', 'benign-praise-asset', 'benign-quantifier-negation', 'benign-rhetorical-sympathy', 'benign-success-idiom', 'benign-treated-like', 'benign-unlearned-hatred', 'benign-victim-group', 'fp22-benign-good-decision', 'fp22-benign-kindness-appeal', 'fp22-benign-no-need', 'fp22-benign-praise-noun', 'fp22-benign-shared-fate', 'fp22-benign-undeserved-harm', 'fp22-benign-venture-run-by', 'h20-benign-continued-dealing', 'h20-benign-known-address', 'h20-benign-negated-saying']);
});

test('a negated call to remove or harm a group is not hate', () => {
  // The hate5 network (trained on every spent suite, reworded) reads these as normal by itself.
  assert.equal(verdict('Gay people should not be banned from teaching.'), 'normal');
  assert.equal(verdict('Asylum seekers must never be sent back.'), 'normal');
  assert.equal(verdict('Muslims will never be deported while I am mayor.'), 'normal');
});

test('a negative label denied for every member the speaker knows is not hate', () => {
  // The retrained network (or its hostile-word gate) no longer flags this one by itself.
  assert.equal(verdict('None of the Hindus in my office are thieves.'), 'normal');
});

test('praise by counterfactual loss or thanks is not hate', () => {
  // The hate5 network (trained on every spent suite, reworded) reads these as normal by itself.
  assert.equal(verdict('This street would feel emptier without gay people.'), 'normal');
  // The network retrained on more positive mentions reads this one as normal by itself.
  assert.equal(verdict('Without Latinos our bakery would be a dull place.'), 'normal');
  // The retrained network (or its hostile-word gate) no longer flags this one by itself.
  assert.equal(verdict('Hispanics keep the orchards going and deserve thanks.'), 'normal');
});

test('hateful look-alikes of the benign frames are still flagged', () => {
  assert.equal(verdict('Without Muslims this country would be safer.'), 'hatespeech');
  assert.equal(verdict('None of the Jews on our road can be trusted.'), 'hatespeech');
  assert.equal(verdict('Women should never be allowed to vote.'), 'hatespeech');
  assert.equal(verdict('Thanks to immigrants our towns are ruined.'), 'hatespeech');
});

test('benign guards leave the rules alone', () => {
  // A rule decides this; a benign frame elsewhere in the unit does not clear it.
  assert.equal(verdict('Muslims are vermin and should never be thanked.'), 'hatespeech');
  assert.equal(verdict('Refugees should be deported.'), 'hatespeech');
});

test('"never again" in a negated call, and credit for bringing a place back to life', () => {
  // The hate5 network (trained on every spent suite, reworded) reads these as normal by itself.
  assert.equal(verdict('Disabled people must never again be forced out of their homes.'), 'normal');
  // The retrained network (or its hostile-word gate) no longer flags this one by itself.
  assert.equal(verdict('Hindus gave this dying market town a second life.'), 'normal');
});

test('a negative label that nobody is said to believe is denied, also for the rules', () => {
  assert.equal(verdict('Asylum seekers are lazy.'), 'hatespeech');
  assert.equal(verdict('Nobody around here thinks asylum seekers are lazy.'), 'normal');
  // Denying a positive quality is not covered by the denial: the predicate must be a negative label.
  assert.equal(verdict('No one thinks Muslims are human.'), 'hatespeech');
});

test('the hate5 network still needs the benign guards on a control verb with a thing as object and on the group as a patient', () => {
  clearedByBenign('Hindus controlled the blaze until the fire crews got there.');
  clearedByBenign('Refugees were beaten by thugs last night.');
});

test('the merged network\'s false positives on hate10\'s contrasts are cleared by benign guards, and their hateful twins stay flagged', () => {
  clean(['Working with Muslims was like a breath of fresh air.', 'Our Hindu neighbours have been like family to us.', 'Who would want refugees to sleep rough? Nobody.', 'Muslim parents met the council behind closed doors.']);
  for (const text of ['Muslims are like rats.', 'Who would want refugees living next door? Nobody.', 'Jews met the bankers behind closed doors to plan the war.']) assert.equal(verdict(text), 'hatespeech', text);
});
