import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createHateDetector } from '../../../src/detectors/hate/index.js';
import { hateVerdict } from '../../../src/detectors/hate/verdict.js';
import { analyze } from '../../../src/pipeline/analyze.js';

// The v4 rules and guards alone (network off), so that each test shows what they decide.
const rulesOnly = [createHateDetector({ network: false })];
const verdict = (text: string) => hateVerdict(analyze(text, { detectors: rulesOnly }).findings).label;

test('"let\'s" reaches the rules as "let s": calls to expel or harm after it are read', () => {
  assert.equal(verdict("Let's chase the Hindus over the border."), 'hatespeech');
  assert.equal(verdict("Let's kick every Latino out."), 'hatespeech');
  assert.equal(verdict("Let's invite the Hindus over for dinner."), 'normal');
});

test('a call on others with the particle after the group ("lock ... up for good")', () => {
  assert.equal(verdict('Somebody ought to lock the gypsies up for good.'), 'hatespeech');
  assert.equal(verdict('The army should wipe the Arabs out.'), 'hatespeech');
  assert.equal(verdict('Someone should cheer the refugees up.'), 'normal');
});

test("emotion with a contracted subject (\"I'm ...\") and new emotion idioms", () => {
  assert.equal(verdict("I'm sick and tired of Arabs."), 'hatespeech');
  assert.equal(verdict("We're so done with trans people."), 'hatespeech');
  assert.equal(verdict('Asylum seekers creep me out.'), 'hatespeech');
  assert.equal(verdict("I'm tired of the rain."), 'normal');
  assert.equal(verdict("I'm tired of hearing that migrants are criminals."), 'normal');
});

test('a group said to offer nothing is hate; a group told it has nothing to fear is not', () => {
  assert.equal(verdict('Hindus contribute nothing to this town.'), 'hatespeech');
  assert.equal(verdict('Disabled people have nothing worthwhile to give.'), 'hatespeech');
  assert.equal(verdict('Refugees have nothing to fear here.'), 'normal');
});

test('dehumanising animal words beyond the original list; "humans" is not one', () => {
  assert.equal(verdict('Roma are mosquitoes.'), 'hatespeech');
  assert.equal(verdict('Asians are nothing but rodents.'), 'hatespeech');
  assert.equal(verdict('Gay people are humans too.'), 'normal');
  assert.equal(verdict('Roma are not mosquitoes.'), 'normal');
});

test('counter-speech that names what dehumanising talk led to, or calls it hatred, is not hate', () => {
  assert.equal(verdict('Portraying Jews as rats paved the way for genocide.'), 'normal');
  assert.equal(verdict('Describing Black people as apes is pure hatred.'), 'normal');
  assert.equal(verdict('Jews are rats, and that led to nothing.'), 'hatespeech');
});

test("what the author reports of their own words is the author's voice; someone else's report is not", () => {
  assert.equal(verdict('I have said it for years: Latinos are thieves.'), 'hatespeech');
  assert.equal(verdict('We always admitted that Arabs are liars.'), 'hatespeech');
  assert.equal(verdict('I told my brother that Hindus are vermin.'), 'hatespeech');
  assert.equal(verdict('My landlord told me that Hindus are vermin.'), 'normal');
  assert.equal(verdict('I never said that Latinos are thieves.'), 'normal');
});
