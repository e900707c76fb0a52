import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeHate, clean, firesAndFlags, verdict } from './verdict-checks.js';

// The hate19 round, on sentences written for this test (none is in a functional suite or a rule's examples).

test('passive and agentless conspiracy: an adverb before "by", dictated decisions, fronts, puppets and political actors', () => {
  firesAndFlags('conspiracy-agentless', [
    'The central bank has been captured completely by Hindus.',
    'Every law in this country is written by Arabs, believe me.',
    'That foundation is nothing but a front for the Roma.',
    'The ministers are mere stooges of the Jews.',
    'The opposition is bankrolled by Muslims, always has been.',
    'Westminster takes its marching orders from Hindus.',
  ]);
  clean([
    'The allotment society is run entirely by Hindus from the temple.',
    'Every law student in the class was taught by Roma lecturers this year.',
    'The shop front was repainted by Muslims from the mosque.',
    'Ministers met Hindus from the temple to discuss the festival.',
  ]);
});

test('a hyphened group word and participle are two words: "the Hindu-controlled press", but not "a Roma-run cafe"', () => {
  firesAndFlags('conspiracy-agentless', ['The riots were Roma-orchestrated from day one.']);
  assert.equal(verdict('Switch off the Hindu-dominated government channel.'), 'hatespeech');
  clean(['We had lunch at a Roma-run cafe by the canal.', 'The Muslim-owned bakery won a prize for its bread.']);
});

test('the group as the tool of a plot against the in-group', () => {
  firesAndFlags('conspiracy-instrument', [
    'The bankers are shipping in Arabs to wipe out our towns.',
    'They import Roma so that the locals end up a minority.',
  ]);
  clean(['The charity is bringing refugees here to rebuild their lives.', 'Hindus came so that their children could study medicine.']);
});

test('attribute frames: degree, proneness, a lacked capacity, ingratitude and a concessive insult', () => {
  firesAndFlags('attribute-trait', [
    'My cousin hired Roma last spring. They were just as useless as everyone warned.',
    'Arabs are far more prone to violence, full stop.',
    'Hindus have no capacity for gratitude.',
    'The town housed Arabs, and they thanked us with theft.',
  ]);
  clean([
    'Arabs are more prone to sunburn in this climate, the nurse said.',
    'The camps where Roma live lack basic sanitation.',
    'Hindus thanked the council with a festival in the park.',
  ]);
});

test('a negated factive verb leaves the claim after it standing; "I don\'t think" does not', () => {
  assert.equal(verdict('My boss hires Arabs. He doesn\'t mind that they\'re all crooks.'), 'hatespeech');
  assert.equal(verdict('My boss hires Arabs. I don\'t think they\'re crooks at all.'), 'normal');
});

test('"you have to admit" hands the claim to the author', () => {
  const text = 'Say what you like about Hindus, you\'ve got to admit they\'re vermin.';
  assert.equal(verdict(text), 'hatespeech');
  assert.equal(analyzeHate(text).findings.find((f) => f.kind === 'hate')?.voice, 'author');
});

test('counter-speech, surveys, culprits and praise around the group stay clean', () => {
  clean([
    'Claiming the banks are run by Hindus is a tired old lie.',
    'A poll found that many voters think Arabs are a danger to the country.',
    'Roma were beaten up outside the pub. The thugs who did it are animals.',
    'Hindus are a real asset to this village.',
    'There is no secret Roma cabal, so stop it.',
  ]);
  // The same praise with a sarcastic condition after it stays hate.
  assert.equal(verdict('Hindus are an asset to this town, if you count litter as decoration.'), 'hatespeech');
});

test('the vermin rule reads within one sentence: a later sentence about other people is not about the group', () => {
  assert.equal(verdict('Hindus run the stall on the corner. The looters are scum.'), 'normal');
  assert.equal(verdict('Hindus run the stall on the corner. They are scum.'), 'hatespeech');
});
