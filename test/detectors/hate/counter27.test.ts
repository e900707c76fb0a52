import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createHateDetector } from '../../../src/detectors/hate/index.js';
import { loadDefaultHateRules } from '../../../src/detectors/hate/shipped-rules.js';
import { hateVerdict } from '../../../src/detectors/hate/verdict.js';
import { analyze } from '../../../src/pipeline/analyze.js';
import { ruleIds } from './rule-matches.js';
import { clean, verdict } from './verdict-checks.js';

// counter27: the counter-speech and neutral false-positive families of the spent holdout25, read by
// grammar (the copula agreeing with a hostile act, not with the group; a believer rebuked in the main
// clause; a fronted negation with inversion; hateful words attributed and sanctioned; an act against
// the group named an attack on everyone; the group among the people rescued in an incident), and the
// hateful sentences in the same frames, which stay caught. Own sentences, not from any suite.
const rules = loadDefaultHateRules();
const withoutGuard = (id: string) => [createHateDetector({ rules: { ...rules, guards: rules.guards.filter((g) => g.entry.id !== id) } })];
const verdictWith = (text: string, detectors: ReturnType<typeof withoutGuard>) => hateVerdict(analyze(text, { detectors }).findings).label;

/** A rule reads hate in the text, and the whole detector still leaves it normal. */
function readAndCleared(rule: string, texts: readonly string[]): void {
  for (const text of texts) {
    assert.ok(ruleIds(text).includes(rule), `${rule} should read: ${text} (got ${ruleIds(text).join(', ') || 'nothing'})`);
    clean([text]);
  }
}

/** The whole detector calls each text hate speech. */
function hateful(texts: readonly string[]): void {
  for (const text of texts) assert.equal(verdict(text), 'hatespeech', text);
}

test('a hostile act or attitude as the subject agrees with the copula that condemns it', () => {
  readAndCleared('generalisation-insult', [
    'The way certain radio hosts speak about Roma is disgusting.',
    'Being openly prejudiced towards Hindus is ignorant.',
    'Bigotry against Arabs is ignorant and it is everywhere.',
  ]);
  clean(['The cheap jokes about Hispanics on that show are not funny, they are cruel.']);
  // The act is no hostility, or the group is the verb's subject: the predicate reaches the group.
  hateful(['Being next to Hindus is disgusting.', 'Being near Arabs is vile.', 'Arabs are vile, the way they talk about us is disgusting.']);
});

test('an act against the group named an attack on everyone is counter-speech, not an attack on an enemy', () => {
  clean(['Abuse directed at Roma is an attack on every one of us.', 'Threats against Arabs are an affront to our democracy.', 'Hostility towards Hindus is a stain on this country.']);
  hateful(['Attacks on Roma are attacks on parasites.']);
});

test('a believer rebuked in the main clause clears the belief in the relative clause; an endorsed one does not', () => {
  readAndCleared('generalisation-insult', ['Anybody who says Roma are thieves and liars has never actually worked with any.']);
  readAndCleared('dehumanisation-vermin', ['Anyone who believes Arabs are subhuman should take a hard look in the mirror.', 'Those who reckon Hindus are vermin ought to have a stern word with themselves.']);
  hateful(['Anyone who says Roma are thieves is dead right.', 'People who think Arabs are vermin have got it exactly right.']);
});

test('a fronted negative adverbial with inversion negates the clause of the speaker', () => {
  for (const text of ['Not once in twenty years have we felt hatred for Hindus.', 'At no time did my grandfather say Arabs were inferior.', 'Never, in all my years here, have I felt contempt for Roma.']) {
    assert.deepEqual(ruleIds(text), [], text);
    clean([text]);
  }
  // The group as the inverted subject: something good denied of it. An emphatic clause, or the claim in a sentence of its own.
  hateful(['Not once have Hindus done anything for this country.', 'Never have I hated any people more than I hate Arabs.', 'Never have I been more certain of anything: Roma are vermin.']);
});

test('hateful words attributed to someone who was sanctioned or apologised for them are reported, not asserted', () => {
  readAndCleared('dehumanisation-vermin', ['The channel apologised after a panellist described Hindus as a disease.', 'The league has suspended a coach who described Roma as vermin.']);
  hateful(['The channel refused to apologise after a panellist described Hindus as a disease.', 'A panellist described Hindus as a disease and he was spot on.']);
});

test('the group among the people rescued in an incident clears the network, not a call', () => {
  const text = 'After the fire alarm at the hotel, Hindus and the other guests were evacuated safely.';
  const plain = 'After the bomb scare at the market, Arabs and the stallholders were evacuated safely.';
  assert.equal(verdictWith(plain, withoutGuard('benign-incident-affected')), 'hatespeech', plain);
  clean([text, plain]);
  hateful(['Next time there is a bomb scare, lock Arabs inside.']);
});
