import assert from 'node:assert/strict';
import { test } from 'node:test';
import { asArticleParagraph } from '../../../src/eval/hate/functional.js';
import { ruleIds } from './rule-matches.js';
import { clean, firesAndFlags, verdict } from './verdict-checks.js';

// The hate17 round (issue 12): implied derogation, derogation by attribute and negated positive
// statements in general frames, on sentences written for this test (none is in a functional suite
// or a rule's examples), each with look-alikes that must stay clean.

/** The text set as a paragraph of a short news article stays normal (sentence by sentence, network held back). */
function cleanInArticle(texts: readonly string[]): void {
  for (const text of texts) assert.equal(verdict(asArticleParagraph(text)), 'normal', text);
}

test('a vice ascribed as a habit ("always lie", "typical ..., always stealing") is derogation, a virtue as a habit is not', () => {
  firesAndFlags('attribute-habitual', [
    'Arabs constantly scrounge, it is in their blood.',
    'Typical Hindus, forever moaning.',
    'So typical of the Roma to wreck the new playground.',
    'Leave it to gypsies to trash a brand new bus shelter.',
  ]);
  clean(['Hindus always volunteer at the soup kitchen, it is what they do.', 'Typical Arabs, always the last to leave a party.', 'Trust the Roma to find the best music in town.']);
});

test('an ordinary act of work or honesty denied as a habit, and the rhetorical questions that presuppose it', () => {
  firesAndFlags('attribute-negated-habit', [
    'Typical Arabs, never pulling their weight.',
    'Have you ever met one of those Hindus who could keep a job?',
    'When was the last time Roma paid their taxes?',
  ]);
  clean(['Have you ever met the Hindus who run the allotments? Lovely people.', 'When did Arabs first arrive in Sicily?']);
});

test('a bad influence, the worst of a kind of people and a qualified criminal label', () => {
  firesAndFlags('attribute-label', ['Gypsies are a corrupting influence on the village youth.', 'Arabs are the worst tenants a landlord can get.', 'Hindus are violent criminals.']);
  clean(['Arabs were the worst hit by the price rises.', 'Hindus are a calming influence on the team.']);
  // The network reads this one as hate on its own (before this round too); the label rule must not.
  assert.ok(!ruleIds('Roma are fleeing criminals who burnt their camp.').includes('attribute-label'));
});

test('sarcastic praise, joke frames and "for once" mock the group; plain praise and sarcasm at others do not', () => {
  firesAndFlags('implied-sarcasm', [
    'Oh yeah, Arabs are so law abiding.',
    'Yeah sure, gypsies are pillars of the community.',
    'Hindus paying for their own lunch for once.',
    'What do gypsies and a blocked drain have in common?',
  ]);
  clean(['Arabs are so law abiding, the police report notes.', 'Oh sure, the council is famous for its efficiency.', 'Gypsies have been pillars of the community here for a century.']);
});

test('comparisons that rank the group below an animal or a thing, and the act likened to one done to an animal', () => {
  firesAndFlags('implied-comparison-general', ['Gypsies have the brains of a goldfish.', 'Putting Arabs in charge of the canteen is like giving a goat the keys to the larder.']);
  // A capacity ranked below a household object, through the widened {lesser} and {comparative} lists.
  firesAndFlags('derogation-comparison', ['A stopped clock talks more sense than Hindus.']);
  clean(['Arabs have the patience of a saint with their goats.', 'A stopped clock is right more often than the weather forecast.']);
});

test('a crime pinned on the group by a knowing guess', () => {
  firesAndFlags('implied-blame-guess', ['Guess who the shoplifters were this time? Gypsies, obviously.']);
  clean(['Guess who won the bake-off this year? Gypsies, again!', 'The shoplifters were two men from out of town, the court heard.']);
});

test('any contribution or capacity denied to the group; harm or hardship denied is not', () => {
  firesAndFlags('negated-contribution', [
    'Arabs have never invented a single thing.',
    'Hindus bring nothing but misery to this town.',
    'Roma just do not have the brains to run a business.',
    'Nothing worthwhile has ever come out of gypsies.',
  ]);
  clean(['Arabs have never done anything to harm this town.']);
  // The network reads these as hate on its own (before this round too); the rule must not.
  for (const text of ['Hindus have nothing to eat after the floods.', 'Roma have never had a proper site of their own.']) assert.ok(!ruleIds(text).includes('negated-contribution'), text);
});

test('negated safety and the disbelief in a virtue read as the implied claims they are', () => {
  // The negation is inside the safety phrase ({unsafe-claim}) and no longer clears the match.
  assert.ok(ruleIds('Ever since the Arabs moved in, you cannot leave a bike outside.').includes('derogation-comparison'));
  // "I can't think of ..." is not the denial guard's "I can't think (that) ...".
  assert.equal(verdict('I cannot think of one decent quality in Hindus.'), 'hatespeech');
  assert.equal(verdict("I don't think Hindus are thieves."), 'normal');
});

test('neutral attributes, counter-speech and news of the same frames stay clean in articles', () => {
  cleanInArticle([
    'Immigrants are a large share of the care workers in the county, the report says.',
    'The claim that Roma always steal has been debunked by every study.',
    'The MP apologised for joking that Arabs have the brains of a goldfish.',
    'Hindus are less likely to own a car than other residents, the census found.',
  ]);
});
