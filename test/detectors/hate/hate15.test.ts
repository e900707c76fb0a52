import assert from 'node:assert/strict';
import { test } from 'node:test';
import { repairWord } from '../../../src/detectors/hate/rules.js';
import { loadDefaultHateRules } from '../../../src/detectors/hate/shipped-rules.js';
import { analyzeHate, clean, firesAndFlags, verdict } from './verdict-checks.js';

// The hate15 round, on sentences written for this test (none is in a functional suite or a rule's examples).

test('"whats" and other contractions without an apostrophe are never repaired into a predicate ("hates")', () => {
  const rules = loadDefaultHateRules();
  const unknown = () => false;
  for (const word of ['whats', 'hes', 'shes', 'youre', 'theyre']) assert.equal(repairWord(rules, word, unknown), null, word);
  // The repair still reads a real misspelling.
  assert.equal(repairWord(rules, 'hatess', unknown), 'hates');
  clean(['Whats the quickest bus from the mosque to the Jewish museum?', 'Whats your take on the Hindu festival this year?']);
});

test('"their lot", "that lot", "their sort" and "their kind" refer back to the group when a verb follows', () => {
  for (const text of [
    'Arabs bought the garage on Mill Road. Their lot are rats.',
    'The Roma family next door had a barbecue. That lot should be deported.',
    'Hindus run the new gym. Their sort are vermin.',
  ]) {
    assert.equal(verdict(text), 'hatespeech', text);
    const finding = analyzeHate(text).findings.find((f) => f.kind === 'hate');
    assert.match(finding?.explanation ?? '', /pronoun refers to/, text);
  }
  // A quantity, an adjective or a fate: no pronoun, and no finding.
  for (const text of ['Refugees sorted that lot of donations in an hour.', 'Muslims thanked the mayor for their kind words at the iftar.', 'The Roma accepted their lot and rebuilt the camp after the flood.']) {
    assert.ok(!analyzeHate(text).findings.some((f) => /pronoun refers to/.test(f.explanation)), text);
  }
  clean(['Muslims thanked the mayor for their kind words at the iftar.', 'The Roma accepted their lot and rebuilt the camp after the flood.']);
});

test('calls to go after the group or make their lives hell, and veiled and normative threats in new wording', () => {
  firesAndFlags('violence-call', [
    'Saturday is market day. Go after the Hindus and make their lives hell.',
    'We will make their lives a misery, Arabs and all.',
  ]);
  firesAndFlags('threat-veiled', ['Gypsies round here are living on borrowed time.', 'The Arabs in flat nine have been warned.']);
  firesAndFlags('threat-normative', ['Hindus deserve every nasty thing that comes to them.', 'The lads who beat up Roma outside the pub deserve a medal.']);
  clean([
    'The campaign will go after Hindu voters in the marginal seats.',
    'The landlord made life hell for the Arab tenants, the tribunal found.',
    'Arabs have been warned about the scam calls by the bank.',
    'Hindus deserve every bit of praise that comes their way.',
  ]);
});

test('the subject-head view reads a group after a sentence adverb ("Honestly, the refugees ...")', () => {
  // Without the lead-in word the view needed the group to open the sentence, and no rule read it.
  const text = 'Frankly, the Arabs camping by the canal are parasites.';
  assert.equal(verdict(text), 'hatespeech');
  assert.match(analyzeHate(text).findings.find((f) => f.kind === 'hate')?.explanation ?? '', /dehumanisation-vermin.*"are parasites"/);
  clean(['Frankly, the Arabs camping by the canal are lovely neighbours.']);
});

test('the network is cleared on a team\'s secret weapon, a flood where the group had parked and praise as a slogan', () => {
  clean([
    'Hindus are the secret weapon our quiz team has kept under wraps.',
    'The river flooded the lane where Arabs had parked their lorries.',
    'Great to see Roma in the town band this year.',
  ]);
});

test('counter-speech about how people talk of the group, and a paper sanctioned for a cartoon, stay clean', () => {
  clean([
    'It is appalling how commenters write about Roma on this forum.',
    'The hatred aimed at Hindus on this site is disgraceful.',
    'The magazine was fined over a cartoon that showed Arabs as rats.',
    'Police are investigating leaflets that called for Roma to be expelled.',
  ]);
});
