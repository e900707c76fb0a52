import assert from 'node:assert/strict';
import { test } from 'node:test';
import { benignGuards } from './rule-matches.js';
import { clean, firesAndFlags, verdict } from './verdict-checks.js';

// The hate9 round, on sentences written for this test (none is in a functional suite).

test('threats addressed to the group: a last season, running while they can, knowing where they live, a list and "we are coming"', () => {
  firesAndFlags('threat-direct', [
    'Hindus in this valley, enjoy your last winter.',
    'Pack your bags and run while you can, Roma.',
    'We have a list of the streets where Arabs live and we are coming.',
  ]);
  clean([
    'Students, enjoy your last summer before exams.',
    'We have a list of the streets where Arabs live and we are coming to deliver food.',
  ]);
});

test('questions: how long must we put up with the group, why it is always the group causing trouble, superlative insults', () => {
  firesAndFlags('derogation-question', [
    'How long must decent people put up with immigrants?',
    'Somebody tell me why we still tolerate gypsies.',
    'Why is it always Asians causing trouble at the market?',
    'Is it only me, or are Jews the greediest people around?',
  ]);
  clean([
    'How much longer must we tolerate attacks on Muslims?',
    'Why is it always Asians who get blamed for trouble at the market?',
    'Are women the worst affected by the cuts?',
  ]);
});

test('attribute and dehumanisation words: a blight, a lower form of life', () => {
  firesAndFlags('dehumanisation-vermin', ['I honestly think gays are a lower form of life.', 'Refugees are a blight on this town.']);
  clean(['Potato blight ruined the harvest that the refugees had planted.']);
});

test('active conspiracy: control of an institution and a second act of censorship or embezzlement for their own', () => {
  firesAndFlags('trope-control', [
    'Muslims own the radio stations and silence anyone who questions them.',
    'Jews run the relief funds and siphon the money to their own.',
    'Hindus have bribed every judge in the land.',
  ]);
  clean([
    'Muslims run the forum and ban anyone who posts spam.',
    'Jews run the relief fund and channel the donations to flood victims.',
    'Hindus have helped every judge in the land.',
  ]);
});

test('pronoun reference and calls: "deserve a good hiding", "bloodsuckers, that is what they are", "grateful we let them stay", "high time ... were kicked out"', () => {
  firesAndFlags('threat-normative', ['The council keeps funding Roma. They deserve a good hiding, not handouts.']);
  firesAndFlags('dehumanisation-vermin', ["Immigrants queued at the job centre again. Bloodsuckers, that's what they are."]);
  firesAndFlags('expulsion-call', [
    'Refugees keep complaining about the food. They should be grateful we let them stay here.',
    "It's about time the Arabs were kicked out for good.",
  ]);
  clean([
    'The kids deserve a good hiding for breaking the window.',
    "It's about time the Arabs were given a fair hearing.",
    'The refugees are grateful that we let them stay here, she said.',
    'Students, enjoy your last summer of freedom.',
  ]);
  firesAndFlags('threat-direct', ['Hindus of the east end, enjoy your last christmas. Your days are numbered.']);
});

test('negated positive: "yet to meet a ... who wasn\'t a liar"; counter-speech: "people who claim ... have clearly never met any"', () => {
  firesAndFlags('derogation-negated-positive', ["I am yet to meet an Arab who wasn't a thief.", 'Never once met a Roma who was not a crook.']);
  clean([
    "I am yet to meet an Arab who wasn't generous.",
    'Anyone who says Hindus are lazy has clearly never met one.',
    'People who think gays are perverts have obviously never met any of them.',
  ]);
  // Without the counter frame the same claim stays hateful.
  assert.equal(verdict('Hindus are lazy, ask anyone who has met one.'), 'hatespeech');
});

test('insinuation: "you know what ... are like", "now it is all ...", "... next door" with a cue to draw the conclusion', () => {
  firesAndFlags('derogation-insinuation', [
    'You know what gypsies are like. Need I say more?',
    "The high street used to be lovely. Now it's all Arabs. Say no more.",
    "Don't buy the flat on the corner, it has Roma next door, if you catch my drift.",
  ]);
  clean([
    'You know what Hindus are like at Diwali: fireworks till midnight and sweets for every neighbour.',
    'You know what toddlers are like. Say no more.',
    'Roma moved in next door and the garden has never looked better.',
  ]);
});

test('network false positives cleared: shame at harm done to the group, and a group that never let the speaker down', () => {
  clean([
    'I am sickened by the way my old school once treated Roma pupils.',
    'The Hindus next door have never once let us down, not in forty years.',
  ]);
  assert.ok(benignGuards('I am sickened by the way my old school once treated Roma pupils.').length > 0);
  // Regret that the harm was not done is no shame at it.
  assert.deepEqual(benignGuards("I'm ashamed that we never drove the Roma out of this town."), []);
});
