import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createHateDetector } from '../../../src/detectors/hate/index.js';
import { repairWord } from '../../../src/detectors/hate/rules.js';
import { loadDefaultHateRules } from '../../../src/detectors/hate/shipped-rules.js';
import { hateVerdict } from '../../../src/detectors/hate/verdict.js';
import { analyze } from '../../../src/pipeline/analyze.js';

// The rules alone (network off), so that each test shows what the rules and guards decide.
const rulesOnly = [createHateDetector({ network: false })];
const verdict = (text: string) => hateVerdict(analyze(text, { detectors: rulesOnly }).findings);
const withNet = [createHateDetector()];
const netVerdict = (text: string) => hateVerdict(analyze(text, { detectors: withNet }).findings);

/*
 * Conspiracy claims of the kind the project was started for, in the author's own voice,
 * written after the v2 rules and network were trained (none of them is in the functional
 * suite): passive (the group as agent of "controlled by", "run by"...) and active.
 */
const CONSPIRACY: [string, string][] = [
  ['Germany is an enemy state controlled by Jews who want to wipe out mankind.', 'Jewish'],
  ['France is an occupied country run by Muslims who are trying to destroy the white race.', 'Islam'],
  ['The European Union is a hostile regime directed by Jews who plan to enslave humanity.', 'Jewish'],
  ['Our country has become a colony governed by immigrants who want to replace us.', 'Refugee'],
  ['Jews control this enemy state and want to exterminate mankind.', 'Jewish'],
  ['Muslims have seized our government and are plotting to wipe out Christians.', 'Islam'],
  ['The Jews run the banks and are trying to starve the rest of humanity.', 'Jewish'],
  ['Refugees secretly rule this country and intend to destroy our people.', 'Refugee'],
];

test('conspiracy claims in the author voice, passive and active, are hate speech against the right group', () => {
  for (const [text, target] of CONSPIRACY) {
    const v = netVerdict(text);
    assert.equal(v.label, 'hatespeech', text);
    assert.ok(v.targets.includes(target), `${text}: targets ${v.targets.join(', ')}`);
  }
  assert.equal(netVerdict('It is an antisemitic lie that Britain is an enemy state controlled by Jews who want to wipe out mankind.').label, 'normal');
});

test('first-person threats with any violent verb, and calls on others to commit violence', () => {
  assert.equal(verdict('We are going to beat up every Muslim family on this street.').label, 'hatespeech');
  assert.equal(verdict('I will burn the houses of the Jews.').label, 'hatespeech');
  assert.equal(verdict("We'll make sure refugees bleed.").label, 'hatespeech');
  assert.equal(verdict('Someone ought to shoot the gypsies.').label, 'hatespeech');
  assert.equal(verdict('We will help refugees find homes.').label, 'normal');
  assert.equal(verdict('I will never hurt Muslims.').label, 'normal');
  assert.equal(verdict('We must eradicate discrimination against disabled people.').label, 'normal');
});

test('misspelt predicate words are repaired: dropped, added, changed or stretched letters, leetspeak, split and glued words', () => {
  const rules = loadDefaultHateRules();
  const unknown = () => false;
  assert.equal(repairWord(rules, 'vermn', unknown), 'vermin');
  assert.ok(['parasite', 'parasites'].includes(repairWord(rules, 'parasitez', unknown) ?? ''));
  assert.equal(repairWord(rules, 'despize', unknown), 'despise');
  assert.equal(repairWord(rules, 'haaate', unknown), 'hate');
  assert.equal(repairWord(rules, 'hb', unknown), 'hate');
  // A word the word table knows is never "repaired" into a predicate.
  assert.equal(repairWord(rules, 'version', () => true), null);
  assert.equal(verdict('Refugees are parasittes.').label, 'hatespeech');
  assert.equal(verdict('Trans people are dis gusting.').label, 'hatespeech');
  assert.equal(verdict('Women aretrash.').label, 'hatespeech');
  assert.equal(verdict('I h8 Muslims.').label, 'hatespeech');
});

test('a slur in its ordinary sense is not a group mention', () => {
  assert.equal(verdict('She lit a fag outside the pub.').label, 'normal');
  assert.equal(verdict('The river dyke burst after the storm.').label, 'normal');
  assert.equal(verdict('Those fags are everywhere.').label, 'hatespeech');
});

test('counter-speech: quoted hate that the author condemns, and hateful acts named to condemn them', () => {
  const text = 'He was jailed after shouting "Muslims are rats" at a bus stop.';
  const findings = analyze(text, { detectors: withNet }).findings.filter((f) => f.kind === 'hate');
  assert.equal(hateVerdict(findings).label, 'normal');
  assert.ok(findings.some((f) => f.voice === 'quoted'), 'the quoted words keep a finding in the quoted voice');
  assert.equal(netVerdict('Comparing Muslims to rats is vile.').label, 'normal');
  assert.equal(netVerdict('People who call refugees parasites should be ashamed.').label, 'normal');
  assert.equal(netVerdict('The idea that Jews are dangerous is a myth.').label, 'normal');
  assert.equal(verdict('Muslims are rats.').label, 'hatespeech');
  assert.equal(verdict('Saying Muslims are rats is the truth.').label, 'hatespeech');
});

test('a negative question asks for agreement; it does not negate the claim', () => {
  assert.equal(verdict("Don't you think Jews are vermin?").label, 'hatespeech');
  assert.equal(verdict("Isn't it obvious that Muslims are destroying our culture?").label, 'hatespeech');
  assert.equal(verdict('Jews are not vermin.').label, 'normal');
});

test('profanity aimed at a group is offensive; profanity at nothing in particular is not', () => {
  assert.equal(verdict('Fuck all immigrants.').label, 'offensive');
  assert.equal(verdict('Immigrants are pieces of shit.').label, 'offensive');
  assert.equal(verdict('Fuck, I missed the train again.').label, 'normal');
});

test("the network's occlusion reads a unit with one word left out exactly as reading the shorter unit", async () => {
  const { defaultHateNet } = await import('../../../src/detectors/hate/net.js');
  const { featurizer } = defaultHateNet();
  const words = ['GRP', 'are', 'filthy', 'vermn', 'and', 'scum'];
  const cache = featurizer.prepare(words);
  for (let skip = -1; skip < words.length; skip++) {
    const a = featurizer.readPrepared(cache, skip);
    const prepared = { glove: [...a.glove], rows: [...a.rows.slice(0, a.length)] };
    const b = featurizer.read(words.filter((_, k) => k !== skip));
    assert.deepEqual(prepared, { glove: [...b.glove], rows: [...b.rows.slice(0, b.length)] }, `without word ${skip}`);
  }
});
