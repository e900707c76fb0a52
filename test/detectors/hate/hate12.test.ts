import assert from 'node:assert/strict';
import { test } from 'node:test';
import { asArticleParagraph } from '../../../src/eval/hate/functional.js';
import { hateVerdict } from '../../../src/detectors/hate/verdict.js';
import { benignGuards, ruleIds } from './rule-matches.js';
import { analyzeHate, clean, firesAndFlags } from './verdict-checks.js';

// The hate12 round, on sentences written for this test (none is in a functional suite).

/** The author-voice verdict when the text is the middle paragraph of a short news report. */
const inArticle = (text: string) => hateVerdict(analyzeHate(asArticleParagraph(text)).findings).label;

test('a call to burn or attack in the sentence after the group is named', () => {
  const calls = [
    'Romanian Roma have parked their caravans behind the leisure centre. Burn them out.',
    'The Hindus hold their festival at the school hall on Sunday. Barricade the doors and torch it.',
    'Refugees sleep in the old hotel on the bypass. Set it on fire.',
    'Arabs are opening a café on Station Road next month. Bring the diesel.',
    'Muslims will be at the town square for Eid. Get down there and beat them to a pulp.',
    'The gays march through the centre at noon. Mow them down.',
  ];
  firesAndFlags('call-after-mention', calls);
  // The rules decide in an article too, where the network is gated.
  for (const text of calls.slice(0, 3)) assert.equal(inArticle(text), 'hatespeech', text);
  // A report of the act, a celebration, a game and a welcome stay clean.
  const contrasts = [
    'Romanian Roma parked their caravans behind the leisure centre. Someone tried to burn them out last night, police said.',
    'Hindus light the hall for Diwali on Sunday. Light it up, everyone!',
    'The Asian cricket club plays on the green on Saturday. Bring your own bats.',
    'Refugees arrive on the morning train. Meet them with hot soup and blankets.',
    'Muslims will be at the town square for Eid. Bring food to share.',
  ];
  for (const text of contrasts) assert.ok(!ruleIds(text).includes('call-after-mention'), text);
  clean(contrasts.slice(2));
});

test('veiled threats: mock regret, accidents, what is coming to them', () => {
  firesAndFlags('threat-veiled', [
    'Be a real pity if something were to happen to the Jews on Elm Street.',
    "It'd be a tragedy if the Arabs' warehouse went up in smoke, wouldn't it.",
    'Roma should bear in mind that bad things happen to people who cause trouble.',
    'Those gypsies will soon learn what happens to their sort in this village.',
    "Muslims on this estate are going to get what's coming to them.",
  ]);
  const contrasts = [
    'It would be a pity if something happened to the funding for the Jewish library.',
    'Roma families will soon learn what happens to their applications at the council.',
    'Muslims on this estate are going to get the new bus route they asked for.',
  ];
  for (const text of contrasts) assert.ok(!ruleIds(text).includes('threat-veiled'), text);
  clean(contrasts);
});

test('negated persuasion, "stop pretending" and a counterfactual failing', () => {
  firesAndFlags('derogation-negated-positive', [
    "You can't convince me gypsies are anything other than thieves.",
    'Time to quit pretending Arabs are fit for public office.',
    'Maybe if Muslims were not so dirty, people would rent to them.',
  ]);
  // The same frames denying a vice stay clean, and "stop pretending" a vice is counter-speech.
  clean([
    "You can't convince me gypsies are thieves.",
    'Time to quit pretending Arabs are a danger to our kids.',
    'Maybe if Muslims were not so often ignored, they would vote more.',
  ]);
});

test('attributes: "too dim to", a list that sums the group up, the past tense, a superlative lot', () => {
  firesAndFlags('generalisation-insult', [
    'Hindus are simply too dense to understand a bus timetable.',
    'Shifty, greedy and idle, which pretty much sums up gypsies.',
    'I worked with Arabs for years and they were despicable.',
    'Migrants are the filthiest bunch you will ever meet.',
  ]);
  const contrasts = [
    'Hindus are too busy to come to the meeting this week.',
    'The lamps in the Arab quarter are too dim to read by.',
    'Migrants were filthy from the crossing and the Red Cross gave them clean clothes.',
    'Migrants are the worst paid workers in the region.',
  ];
  for (const text of contrasts) assert.ok(!ruleIds(text).includes('generalisation-insult'), text);
  clean([contrasts[0]!, contrasts[3]!]);
});

test('implied derogation: sarcasm about the group in charge, purses, contamination', () => {
  firesAndFlags('derogation-insinuation', [
    'Muslims running the school canteen now. What could go wrong?',
    'Gypsies outside the post office again, so keep your wallets close.',
    'Stood next to Arabs on the tube this morning. Had to wash everything twice.',
  ]);
  const contrasts = [
    'Muslims running the school canteen now, and the lunches have never been better.',
    'Stood next to Arabs on the tube this morning and chatted about football.',
  ];
  for (const text of contrasts) assert.ok(!ruleIds(text).includes('derogation-insinuation'), text);
  clean(contrasts);
});

test('counter-speech about threats, baseless ideas and pretended dangers', () => {
  clean([
    'Texting refugees that their days are numbered is a crime.',
    'The claim that Arabs are lazy has no foundation whatsoever.',
    'Stop pretending Muslims are a threat to your children.',
  ]);
  // The hateful claims themselves are read.
  assert.ok(ruleIds('Refugees, your days are numbered.').includes('threat-direct'));
  assert.ok(ruleIds('Arabs are lazy.').includes('generalisation-insult'));
});

test('a vice denied with "there is nothing ... about" clears only the network', () => {
  assert.ok(benignGuards("There's nothing sinister about Jews.").includes('benign-nothing-vicious'));
  clean(["There's nothing sinister about Jews.", 'There is nothing criminal about asylum seekers.']);
  // "nothing decent about" is a negated positive and stays hateful.
  assert.equal(benignGuards('There is nothing decent about Roma.').length, 0);
  firesAndFlags('derogation-negated-positive', ['There is nothing decent about Roma.']);
});

test('a group word glued to a word for people, or a two-word name written as one', () => {
  firesAndFlags('dehumanisation-vermin', ['hindupeople are rats', 'arabfolk are cockroaches', 'illegalimmigrants are parasites']);
  clean(['hindupeople cook the best food on our street']);
});

test('a vermin word that ends a sentence is no label for the group that opens the next', () => {
  assert.deepEqual(ruleIds('We had the exterminators in for cockroaches; the Muslim family upstairs had the same visit.'), []);
  firesAndFlags('dehumanisation-vermin', ['Cockroaches, the Muslims upstairs, every one of them.']);
  firesAndFlags('dehumanisation-vermin', ['Calling gypsies people is an insult to real people.']);
});

test('two predicate words glued together are read apart', () => {
  firesAndFlags('dehumanisation-vermin', ['Gypsies are filthyrats, all of them.', 'Hindus are dirtyparasites.']);
  // A known word is never split, and a glued pair of ordinary words reads nothing.
  clean(['Hindus are greatcooks.', 'Our Arab neighbours are wonderfulpeople.']);
});

test('keeping the group out set next to a benefit', () => {
  firesAndFlags('derogation-exclusion-praise', ['Our old headmaster kept Roma out of the school for twenty years. Cleanest school in the district.']);
  const contrasts = ['Our old headmaster kept Roma records in the best archive in the district.', 'The hotel turned Roma away in 1990 and was fined for it.'];
  for (const text of contrasts) assert.ok(!ruleIds(text).includes('derogation-exclusion-praise'), text);
  clean(contrasts);
});

test('forms the network alone caught in posts are read by rules, so they hold in an article', () => {
  const hateful: [string, string][] = [
    ['call-after-mention', 'The courts let the Roma on our estate off every time. So we take them out ourselves.'],
    ['call-after-mention', 'Hindus took over the old mill. Now go and hurt them.'],
    ['dehumanisation-vermin', 'An infestation of Arabs has taken over the high street.'],
    ['derogation-insinuation', 'Employ Roma by all means, but do not be surprised when the tools walk.'],
    ['derogation-insinuation', 'The safest streets in town are, funnily enough, the ones with no Roma.'],
    ['derogation-insinuation', 'The council let Arabs into the bowls club. Time to sell up.'],
    ['derogation-misdeed', 'Hindus on the bus again, and they reeked to high heaven.'],
    ['threat-normative', 'It should be made lawful to beat Roma in the street.'],
    ['threat-veiled', "The Arabs on Church Lane won't be laughing for much longer."],
  ];
  for (const [rule, text] of hateful) {
    assert.ok(ruleIds(text).includes(rule), `${rule}: ${text}`);
    assert.equal(inArticle(text), 'hatespeech', text);
  }
  const contrasts = [
    'The Roma children love the museum. So we take them out on Saturdays.',
    'The Hindu chef cooks with spices, and the kitchen smells wonderful.',
    'It should be lawful to hire Roma for council work.',
  ];
  for (const text of contrasts) assert.equal(inArticle(text), 'normal', text);
  clean(contrasts);
});

test('more structural forms: arson by letterbox, lacking decency, a vice that disables, belonging in the gutter', () => {
  const hateful: [string, string][] = [
    ['call-after-mention', 'Refugees live above the launderette. Post the petrol through their door.'],
    ['call-after-mention', 'Jews are praying in the old chapel. Lock them in and drop a match.'],
    ['derogation-negated-positive', 'Roma are devoid of common decency.'],
    ['derogation-negated-positive', 'Hindus are that stupid they would drown in a puddle.'],
    ['generalisation-insult', 'Arabs belong in a cesspit.'],
    ['generalisation-insult', 'Hindus came to our road and turned it into a slum.'],
    ['derogation-exclusion-praise', 'The old landlord kept Roma away for years. Never a single fight in that pub.'],
    ['derogation-insinuation', 'Noticed Arabs at the bus stop, so I clutched my handbag.'],
  ];
  for (const [rule, text] of hateful) {
    assert.ok(ruleIds(text).includes(rule), `${rule}: ${text}`);
    assert.equal(inArticle(text), 'hatespeech', text);
  }
  const contrasts = [
    'Refugees live above the launderette. Post the leaflets through their door.',
    'Roma are devoid of proper housing, the inspectors said.',
    'Hindus came to our road and turned it into a lovely garden street.',
    'Noticed Arabs at the bus stop, so we offered them a lift.',
  ];
  for (const text of contrasts) assert.equal(inArticle(text), 'normal', text);
  clean(contrasts);
});

test('a rebuke to the quoted speaker condemns the quotation', () => {
  const text = '"Hindus are parasites"? Get a life and go and meet some.';
  assert.equal(hateVerdict(analyzeHate(text).findings).label, 'normal');
  assert.ok(analyzeHate(text).findings.some((f) => f.kind === 'hate' && f.voice === 'quoted'));
  // Without the quotation marks the same words are the author's.
  firesAndFlags('dehumanisation-vermin', ['Hindus are parasites. Get a life.']);
});

test('a compound whose second half is no label is not split ("blowtorch")', () => {
  assert.ok(ruleIds('Somebody needs to take a blowtorch to the Arab shop.').includes('threat-direct'));
  assert.deepEqual(ruleIds('Hindus are greatcooks.'), []);
});
