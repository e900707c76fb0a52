import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createHateDetector } from '../../../src/detectors/hate/index.js';
import { loadDefaultHateRules } from '../../../src/detectors/hate/shipped-rules.js';
import { hateVerdict } from '../../../src/detectors/hate/verdict.js';
import { analyze } from '../../../src/pipeline/analyze.js';

// fp22: false positives of the spent holdout24 (neutral and positive mentions, counter-speech,
// reclaimed slurs), cleared by classes of words and structure; and the hateful look-alikes that stay caught.
const rules = loadDefaultHateRules();
const without = (prefix: string) => [createHateDetector({ rules: { ...rules, guards: rules.guards.filter((g) => !g.entry.id.startsWith(prefix)) } })];
const full = [createHateDetector()];
const noFp22 = without('fp22-');
const verdict = (text: string, detectors = full) => hateVerdict(analyze(text, { detectors }).findings).label;

/** Flagged without the fp22 guards, so a guard is what clears it; normal with them. */
function cleared(text: string): void {
  assert.equal(verdict(text, noFp22), 'hatespeech', `flagged without the fp22 guards: ${text}`);
  assert.equal(verdict(text), 'normal', text);
}

test('the fp22 guards are loaded with their kinds', () => {
  const kinds = Object.fromEntries(rules.guards.filter((g) => g.entry.id.startsWith('fp22-')).map((g) => [g.entry.id, g.entry.kind]));
  assert.deepEqual(kinds, {
    'fp22-benign-praise-noun': 'benign',
    'fp22-benign-shared-fate': 'benign',
    'fp22-benign-kindness-appeal': 'benign',
    'fp22-benign-venture-run-by': 'benign',
    'fp22-counter-attributed-rejected': 'counter',
    'fp22-counter-claim-judged': 'counter',
    'fp22-counter-how-hate-starts': 'counter',
    'fp22-quoted-refused': 'quoted',
    'fp22-reclaimed-own-word': 'reclaimed',
    'fp22-benign-no-need': 'benign',
    'fp22-benign-undeserved-harm': 'benign',
    'fp22-benign-good-decision': 'benign',
    'fp22-counter-facts-for-believers': 'counter',
    'fp22-counter-documented-posts': 'counter',
  });
});

test('a praise noun after an intensifier, or earned respect, is not hate; none of it is', () => {
  cleared('Women are a huge asset to this country.');
  cleared('Women deserve every ounce of respect this town can give them.');
  assert.equal(verdict('Refugees have been a real blessing to our street.'), 'normal');
  assert.equal(verdict("Women don't deserve any respect in this town."), 'hatespeech');
  // Main misses this one too; the guard must not be what clears it.
  assert.equal(verdict('Women deserve no respect at all.'), verdict('Women deserve no respect at all.', noFp22));
});

test('the group sharing an ordinary fate with everyone else is not hate; "never be like the rest of us" is', () => {
  cleared('The virus spread through the office, and women were off sick just like the rest of us.');
  cleared('The memorial lists women killed in the war alongside every other soldier.');
  assert.equal(verdict('Women are never going to be as good as the rest of us.'), 'hatespeech');
});

test('a small venture run by the group is neutral; a front for crime or a sneer at an indefinite venture is not', () => {
  cleared('The farm next door, run by women, finally got rid of the rats in its barn.');
  assert.equal(verdict('The shops run by women are all fronts for crime.'), 'hatespeech');
  assert.equal(verdict("A restaurant run by women? I'll bring my own food and a tetanus jab."), 'hatespeech');
  // A harmful purpose given to the group keeps the conspiracy (spent dev-hate4 and holdout14).
  assert.equal(verdict('The vaccine programme is run by women who want to sterilise our daughters.'), 'hatespeech');
  assert.equal(verdict('The vaccine programme was designed by women to sterilise us.'), 'hatespeech');
});

test('an appeal to be kind to the group or to spare it hurt is counter-speech', () => {
  cleared('Being kind to women costs nothing. Being cruel costs everything.');
  cleared("Nobody chooses to be hated. Let's make sure women are never made to feel that way here.");
  cleared('Women do not need to be fixed or cured.');
});

test('a claim given to someone else and then rejected by the author is not the author\'s hate', () => {
  cleared("My brother thinks women are behind the housing crisis. I sent him the actual data, and he's quieter now.");
  cleared("He kept saying the disabled are inferior. I kept pointing out he couldn't name a single fact to back it up.");
  cleared('Still seeing comments that women smell. Grow up, honestly.');
  // Agreement is no rejection.
  assert.equal(verdict("My uncle says Muslims are ruining the country, and he's dead right."), 'hatespeech');
  assert.equal(verdict('People say refugees are parasites, and they are right.'), 'hatespeech');
});

test('a named claim judged false, and hate named as how persecution starts, are counter-speech', () => {
  cleared("The line that women can't be trusted is one I've heard all my life, and it's always been a lie.");
  cleared('Saying women are subhuman is exactly how genocides start.');
  // A claim of equality judged a lie is not cleared by the guard (main misses the sentence itself).
  assert.equal(verdict('The idea that Jews are equal to us is a lie.'), verdict('The idea that Jews are equal to us is a lie.', noFp22));
  assert.equal(verdict('The claim that Muslims are vermin is simply the truth.'), 'hatespeech');
});

test('quoted hate refused flatly is reported, not the author\'s own', () => {
  cleared('"Send women back"? Absolutely not. They live here and they belong here.');
});

test('a reclaimed slur in the group\'s own voice is not hate; the same slur in a threat is', () => {
  cleared('me and my girls are bad bitches and proud of it');
  cleared('Fags and dykes unite! Our float leaves at noon.');
  cleared("Some of us trans folk jokingly call each other trannies among friends. It's our word, not yours.");
  assert.equal(verdict('We should kill all the bitches.'), 'hatespeech');
  assert.equal(verdict('We trannies should be gassed.'), 'hatespeech');
  assert.equal(verdict("We don't need trannies in our schools."), 'hatespeech');
  // A modal, a verb of stance or a preposition after the first person is no in-group frame (spent holdout18, 22, 23).
  assert.equal(verdict('Can we stop pretending bitches are normal people?'), 'hatespeech');
  assert.equal(verdict('Not renting my flat to sluts, end of discussion.'), 'hatespeech');
});

test('harm the group does not deserve, and harm the speaker would never do, are not hate; rights it does not deserve are', () => {
  cleared('Women don\'t deserve to be treated like this.');
  cleared("I'd never lift a finger against women, and I can't understand people who would.");
  assert.equal(verdict("Women don't deserve rights."), 'hatespeech');
});

test('hiring or welcoming the group called the best decision is praise', () => {
  cleared('Hiring women was the best decision our company ever made.');
});

test('facts for those who hold a hostile belief, and hateful posts that others document, are counter-speech', () => {
  cleared('Thread of facts for anyone who thinks women are a drain: they pay more in tax than they take out.');
  cleared('Researchers catalogued thousands of posts accusing women of controlling the media.');
  cleared('The council condemned posters describing women as vermin.');
});
