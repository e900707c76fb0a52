import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hateVerdict } from '../../../src/detectors/hate/verdict.js';
import { analyzeHate, verdict } from './verdict-checks.js';

// hate23: known errors of the hate detector, each with a look-alike that keeps its verdict.
const judged = (text: string) => {
  const hate = hateVerdict(analyzeHate(text).findings);
  return { label: hate.label, targets: [...hate.targets].sort() };
};

test('an author who rejects a kind claim and insults the group through its pronoun speaks hate', () => {
  for (const text of ["People say refugees are misunderstood. No, they're just vile.", 'People say refugees are misunderstood. No, they are vile.']) {
    assert.deepEqual(judged(text), { label: 'hatespeech', targets: ['Refugee'] }, text);
  }
  // The author condemning the words, or denying the insult, is still counter-speech.
  for (const text of ["People say refugees are vermin. That's just vile.", 'People say refugees are vile. No, they are not vile.', "My uncle says refugees are lazy. That's nonsense."]) {
    assert.equal(verdict(text), 'normal', text);
  }
});

test('a group attacked in the modifier of the subject is not the target; the subject head is', () => {
  for (const [text, target] of [
    ['Muslims attacking Jews are scum.', 'Islam'],
    ['Muslims who attack Jews are scum.', 'Islam'],
    ['Refugees harassing the Muslims are vermin.', 'Refugee'],
  ] as const) assert.deepEqual(judged(text), { label: 'hatespeech', targets: [target] }, text);
  // Attackers who are not a group, and a participle that opens the sentence, keep their verdicts.
  assert.equal(verdict('The trolls harassing Jews are scum.'), 'normal');
  assert.deepEqual(judged('Jews are scum.'), { label: 'hatespeech', targets: ['Jewish'] });
});

test('misspelt words of a longer group term are read as the group', () => {
  for (const text of ['Assylum seekers are vermin.', 'Asylum seakers are vermin.', 'Asylum seekrs are vermin.']) {
    assert.deepEqual(judged(text), { label: 'hatespeech', targets: ['Refugee'] }, text);
  }
  // An English word one letter away is no misspelling, and kind words stay kind.
  assert.equal(verdict('Asylum sneakers are vermin.'), 'normal');
  assert.equal(verdict('Assylum seekers are lovely people.'), 'normal');
});

test("a call after a first-person imperative ('Let's ... demanding') is the author's", () => {
  for (const text of ["Let's flood the inbox demanding refugees be deported.", "Let's write to the council demanding refugees be deported."]) {
    assert.deepEqual(judged(text), { label: 'hatespeech', targets: ['Refugee'] }, text);
  }
  // Someone else's demand, reported, is not the author's.
  assert.equal(verdict('The mob flooded the inbox demanding refugees be deported.'), 'normal');
});

test('kind or neutral sentences the network read as hate are normal', () => {
  for (const text of [
    'Somebody should pay the Roma a visit to thank them.',
    'The loathing they feel for Roma is frightening.',
    "I'd trust Hindus with my house keys any day.",
    'Since the Hindus arrived the pubs reopened.',
    'Our female neighbours lent us their ladder.',
    'Our Muslim neighbours lent us their ladder.',
    "My female friend's wedding was lovely.",
  ]) assert.equal(verdict(text), 'normal', text);
});

test('their hostile look-alikes stay hate speech', () => {
  for (const text of [
    'The loathing I feel for Roma is frightening.',
    "I'd never trust Hindus with my house keys.",
    "I wouldn't trust Hindus with my house keys.",
    'Since the Hindus arrived crime has soared.',
    'Our female neighbours are vermin.',
  ]) assert.equal(verdict(text), 'hatespeech', text);
});
