import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tagGroups } from '../../../src/detectors/hate/groups.js';
import { loadDefaultHateLexicon } from '../../../src/detectors/hate/lexicon.js';
import { loadDefaultHateRules } from '../../../src/detectors/hate/shipped-rules.js';
import { buildTextModel } from '../../../src/text/model.js';
import { ruleIds } from './rule-matches.js';
import { analyzeHate, clean, firesAndFlags, verdict } from './verdict-checks.js';

// The hate10 round, on sentences written for this test (none is in a functional suite).

const lexicon = loadDefaultHateLexicon();

/** The targets the group tagger gives the words of a text, in order. */
function targetsOf(text: string): string[] {
  const tm = buildTextModel(text);
  return tagGroups(text, tm.tokens, lexicon, loadDefaultHateRules().references, 0, tm.tokens.length, null).mentions.map((m) => m.target);
}

test('"^" means the start of any sentence of the unit, not only its first word', () => {
  // Before hate10 these rules were tried only at the unit's first word.
  firesAndFlags('expulsion-call', ['What a mess this place is. Drive the Hindus out of the valley.', 'Right, that settles it! Throw every Arab out of our street.', 'Last word on it: throw the Roma out.']);
  firesAndFlags('violence-call', ['Enough waiting around. Kill the Jews.']);
  // The same words inside a sentence, after the subject of a report, are no call.
  clean(['Nobody cares? The mob tried to drive the Hindus out of the valley in 1947, and failed.', 'Historians agree. The king drove the Jews out of England in 1290.']);
  // A pattern still reads across a sentence boundary.
  firesAndFlags('derogation-insinuation', ['Our road was quiet for years. Then Arabs moved in. Draw your own conclusions.']);
});

test('a sentence opens after . ! ? ; : or a line break, and a counter-speech "^" guard is read in a later sentence too', () => {
  for (const text of ['Seriously; drive the Roma out.', 'My answer: drive the Roma out.', 'Listen\nDrive the Roma out.']) {
    assert.ok(ruleIds(text).includes('expulsion-call'), text);
  }
  // A comma inside a clause opens nothing; after a short opening address it does (lead27, groups.ts).
  assert.ok(!ruleIds('They said fine, drive the Roma out').includes('expulsion-call'));
  clean(['Look at this. People who say Muslims are all terrorists have never met one.']);
});

test('group words respelt with z for s, or a final x for "cs"', () => {
  assert.deepEqual(targetsOf('Arabz and Gayz and Hindooz'), ['Arab', 'Homosexual', 'Hindu']);
  assert.deepEqual(targetsOf('Hispanix'), ['Hispanic']);
  assert.deepEqual(targetsOf('Azylum seekers'), ['Refugee']);
  assert.deepEqual(targetsOf('Jipsies'), ['Other']);
  for (const text of ['Arabz are vermin.', 'Hindooz are parasites.', 'I despise Hispanix.', 'Azylum seekers are leeches.', 'Jipsies are filthy thieves.']) assert.equal(verdict(text), 'hatespeech', text);
  // Ordinary words and names ending in z or x are no group words.
  for (const text of ['Gaz, Baz and Max ate pizza at the quiz.', 'The fox, the lynx and the ibex.', 'Felix wore a fez in Phoenix.', 'Roz and Liz bought a Rolex.', 'Jaz fixed the fax.']) {
    assert.deepEqual(targetsOf(text), [], text);
    assert.equal(verdict(text), 'normal', text);
  }
});

test('slur homonyms: a narrow gap, the clink of glass, spick and span', () => {
  clean([
    'A chink of daylight showed under the barn door.',
    'The dog got out through a chink in the hedge.',
    'There were chinks of light between the floorboards.',
    'Finally a chink in their defence, and we scored.',
    'We heard the chink of glasses from the garden.',
    'Her flat is always spick and span.',
    'Spic and span, the kitchen gleamed.',
  ]);
  // The slur aimed at people is still read.
  for (const text of ['Those chinks should go back home.', 'I hate spics.']) assert.equal(verdict(text), 'hatespeech', text);
});

test('veiled menace addressed to the group or said of it', () => {
  firesAndFlags('threat-direct', ['Say your prayers, Muslims.', 'Jews in this borough, your time is up.', 'Keep looking over your shoulder, gays. You won\'t see it coming.']);
  clean(['Say your prayers, children, then lights out.', 'Refugees arrive on Monday, see you all soon!']);
  // The network alone flags this one (before hate10 too); the rule does not read it.
  assert.ok(!ruleIds('Your time is up, said the quizmaster to the Muslim contestant.').includes('threat-direct'));
});

test('active conspiracy: an ordinary act on an institution, made a plot by secrecy', () => {
  firesAndFlags('trope-control', ['Hindus secretly rewrite the history books.', 'Muslims decide the curriculum behind closed doors.', 'Arabs quietly staff the civil service with their cousins.']);
  // The network alone flags this one (before hate10 too); the rule does not read it.
  assert.ok(!ruleIds('Jews secretly hid from the police in the attic.').includes('trope-control'));
  clean(['Muslim parents met the council behind closed doors.', 'Hindus quietly volunteer at the hospitals.', 'Women quietly run the local book club.']);
});

test('insinuation: guarding one\'s belongings because the group is about; who gains, always the group', () => {
  firesAndFlags('derogation-insinuation', ['Hold on to your wallets, the gypsies are in town.', 'Jews are back in the area, better lock up your bikes.', 'Ask who profits every time a shop closes. The answer is always the Jews.']);
  // The network alone flags this one; the rule does not read it.
  assert.ok(!ruleIds('Mind your bags on the stairs, Hindus are here to help carry them.').includes('derogation-insinuation'));
  clean(['Hold on to your wallets, the pickpockets are in town.', 'Ask yourself who gains when refugees are turned away.', 'Who loses out every time the budget is cut? It is always disabled people.']);
});

test('the new rules make findings with the group as the target and the rule words as evidence', () => {
  const text = 'What a week. Drive the Roma out of town.';
  const f = analyzeHate(text).findings.find((x) => x.kind === 'hate' && x.ruleId === 'expulsion-call');
  assert.ok(f, 'a finding');
  assert.deepEqual(f.targets, ['Other']);
  assert.ok((f.evidence ?? []).some((e) => text.slice(e.start, e.end) === 'Roma'));
});

test('a question its asker answers, whatever the insult; rhetorical "who wants ... living next door", "why does every town put up with ..."', () => {
  firesAndFlags('derogation-question', [
    'Is it wrong to say Hindus are dopey? Because they are.',
    'Is it racist to point out that Roma are work-shy? Because it is true.',
    'Honestly, who in their right mind wants gypsies living nearby?',
    'Why does every village have to put up with Muslims?',
    'Does anybody really like Arabs?',
  ]);
  clean([
    'Is it wrong to say Hindus are generous? Because they are.',
    'Is it unfair to say disabled people are overlooked by employers? Because they are.',
    'Is it wrong to say Hindus are dopey? No, it is wrong and it is false.',
    'Does anybody really like Arabs as much as my mum does?',
    'Who would want refugees to sleep rough? Nobody.',
  ]);
});

test('a plot whose purpose is the in-group\'s loss, and veiled menace: a last warning, addresses, a shame if it burned down', () => {
  firesAndFlags('trope-plot', ['Jews buy up the houses so ordinary families go without.', 'Immigrants fiddle the waiting lists so pensioners never get a bed.']);
  clean(['Migrants pick the fruit so ordinary families never go hungry.', 'Jews cook on Fridays so that nobody in town has to go hungry.']);
  firesAndFlags('threat-direct', ['Arabs of Station Road, this is your final warning.', 'We have your addresses, gays.', 'Nice mosque, Muslims. Shame if it burned down.']);
  clean(['This is your final warning, said the referee to the Muslim striker.', 'We have your addresses, so the Muslim families will get their parcels on Friday.']);
});

test('an implied comparison with a household blight: "is like having damp", "welcome here. So is mould."', () => {
  firesAndFlags('derogation-comparison', ['Living beside Roma is basically like living above a blocked drain.', 'Oh, Hindus are welcome on our street. So is woodworm.']);
  clean(['Living beside Roma is like living beside anybody else.', 'Hindus are welcome on our street, and so is everyone.', 'Working with Muslims was like a breath of fresh air.']);
});
