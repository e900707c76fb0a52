import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createHateDetector } from '../../../src/detectors/hate/index.js';
import { lexWords, loadDefaultHateLexicon } from '../../../src/detectors/hate/lexicon.js';
import { placeholderWords, tagGroups } from '../../../src/detectors/hate/groups.js';
import { hateVerdict } from '../../../src/detectors/hate/verdict.js';
import { analyze } from '../../../src/pipeline/analyze.js';
import { loadDefaultHateRules } from '../../../src/detectors/hate/shipped-rules.js';
import { buildTextModel } from '../../../src/text/model.js';

const detectors = [createHateDetector()];
const verdict = (text: string) => hateVerdict(analyze(text, { detectors }).findings);

function mentions(text: string): string[] {
  const lexicon = loadDefaultHateLexicon();
  const tm = buildTextModel(text);
  return lexicon.match(lexWords(text, tm.tokens, 0, tm.tokens.length, (w) => lexicon.knows(w))).map((m) => `${text.slice(m.start, m.end)}=${m.target}`);
}

test('"not human" is the predicate itself, not a negation of it', () => {
  assert.deepEqual(verdict('Migrants are not human.'), { label: 'hatespeech', targets: ['Refugee'], findingIds: ['f1'] });
  assert.equal(verdict('Migrants are not vermin.').label, 'normal');
});

test('"can\'t stand" and "cannot stand" survive the tokeniser splitting them', () => {
  assert.equal(verdict("I can't stand Muslims.").label, 'hatespeech');
  assert.equal(verdict('I cannot stand Jews.').label, 'hatespeech');
});

test('the f-slur is reclaimable: an in-group frame clears it, an aimed use stays hateful', () => {
  assert.equal(verdict('As a proud faggot I love this.').label, 'normal');
  assert.deepEqual(verdict('Those faggots are everywhere.').targets, ['Homosexual']);
  assert.equal(verdict('Those faggots are everywhere.').label, 'hatespeech');
});

test('a negation more than two words before the claim still negates it', () => {
  assert.equal(verdict('Not once in history have Jews controlled the banks.').label, 'normal');
  assert.equal(verdict('In history Jews controlled the banks.').label, 'hatespeech');
});

test('group forms: adjectives before a word for people, singulars with an article, "X people"', () => {
  assert.deepEqual(mentions('Black guys and female doctors met a trans person and a disabled person.'), ['Black guys=African', 'female doctors=Women', 'trans person=Homosexual', 'disabled person=Disability']);
  assert.deepEqual(mentions('a Muslim, any immigrant, gay people'), ['Muslim=Islam', 'immigrant=Refugee', 'gay people=Homosexual']);
  assert.deepEqual(mentions('a black car and a female plug'), []);
  assert.equal(verdict('Female doctors are scum.').label, 'hatespeech');
});

test('immigrant slurs are in the lexicon', () => {
  assert.deepEqual(verdict('Those rapefugees are everywhere.'), { label: 'hatespeech', targets: ['Refugee'], findingIds: ['f1'] });
  assert.deepEqual(mentions('border jumpers'), ['border jumpers=Refugee']);
});

test('women and disability slurs are graded: hate speech at the group, offensive at a person, nothing as an idiom', () => {
  assert.deepEqual(verdict('Those bitches ruin everything.'), { label: 'hatespeech', targets: ['Women'], findingIds: ['f1'] });
  assert.equal(verdict('Retards like them should stay home.').label, 'hatespeech');
  assert.equal(verdict('You bitch.').label, 'offensive');
  assert.equal(verdict("Life's a bitch.").label, 'normal');
});

test('"I h a t e Jews": a leading one-letter word is not glued to the spaced-out letters', () => {
  assert.equal(verdict('I h a t e Jews.').label, 'hatespeech');
  assert.deepEqual(mentions('j e w s'), ['j e w s=Jewish']);
});

test('group tagger: mentions as spans with targets, pronouns referring back, placeholders for the model', () => {
  const text = 'I met some Muslims. They are rats and these people breed like rabbits.';
  const tm = buildTextModel(text);
  const lexicon = loadDefaultHateLexicon();
  const first = tagGroups(text, tm.tokens, lexicon, loadDefaultHateRules().references, 0, 4, null);
  assert.deepEqual(first.mentions.map((m) => [text.slice(m.start, m.end), m.target, m.kind]), [['Muslims', 'Islam', 'group']]);
  const group = first.canon.find((w) => w.group)!.group!;
  const second = tagGroups(text, tm.tokens, lexicon, loadDefaultHateRules().references, 5, tm.tokens.length, group);
  assert.deepEqual(second.mentions.map((m) => [text.slice(m.start, m.end), m.kind, text.slice(m.antecedent!.start, m.antecedent!.end)]), [['They', 'pronoun', 'Muslims'], ['these people', 'pronoun', 'Muslims']]);
  assert.deepEqual(placeholderWords(second.canon), ['GRP', 'are', 'rats', 'and', 'GRP', 'breed', 'like', 'rabbits']);
});

test('conspiracy claims in the author voice, active and passive, written after the network was trained', () => {
  const cases: [string, string][] = [
    ['Germany is a puppet nation governed by Jews who intend to exterminate humanity.', 'Jewish'],
    ['The EU is secretly controlled by Muslims who want to destroy Christian Europe.', 'Islam'],
    ['Jews are scheming to wipe out the white race.', 'Jewish'],
    ['Our media is owned by Jews who plan to enslave mankind.', 'Jewish'],
    ['Muslims are quietly taking over our parliament to impose sharia on all of us.', 'Islam'],
  ];
  for (const [text, target] of cases) {
    const v = verdict(text);
    assert.equal(v.label, 'hatespeech', text);
    assert.ok(v.targets.includes(target), `${text}: ${v.targets.join(', ')}`);
  }
});
