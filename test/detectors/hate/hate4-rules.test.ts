import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createHateDetector } from '../../../src/detectors/hate/index.js';
import { negationBesideGroup } from '../../../src/detectors/hate/classify.js';
import { hateVerdict } from '../../../src/detectors/hate/verdict.js';
import { analyze } from '../../../src/pipeline/analyze.js';
import type { CanonWord } from '../../../src/detectors/hate/rules.js';

// The hate4 rules alone (network off), so that each test shows what they decide; the guards
// that clear only the network are tested with it on.
const rulesOnly = [createHateDetector({ network: false })];
const withNet = [createHateDetector()];
const decide = (text: string) => hateVerdict(analyze(text, { detectors: rulesOnly }).findings);
const verdict = (text: string) => decide(text).label;
const netVerdict = (text: string) => hateVerdict(analyze(text, { detectors: withNet }).findings).label;

test('a passive conspiracy reads a particle verb and a subject with modifiers: "<event> of ... was whipped up by GRP"', () => {
  const hit = decide('The wave of unrest across the ports was whipped up by Hindus.');
  assert.equal(hit.label, 'hatespeech');
  assert.deepEqual(hit.targets, ['Hindu']);
  assert.equal(verdict('The famine in the north was paid for by Arabs.'), 'hatespeech');
  assert.equal(verdict('The bake sale at the school was set up by Arabs.'), 'normal');
  assert.equal(verdict('The famine in the north was paid for by emergency loans.'), 'normal');
  // An institution with a verb of organising is news, not a trope.
  assert.equal(verdict('The election was organised by Hindus from the temple committee.'), 'normal');
});

test('a passive purpose reads the harmful verbs among the GloVe neighbours of destroy and silence', () => {
  assert.equal(verdict('The new speech code was drafted by Jews to muzzle ordinary people.'), 'hatespeech');
  assert.equal(verdict('The trade deal was pushed by Asians in order to bleed our farmers dry.'), 'hatespeech');
  assert.equal(verdict('The choir was started by Jews to cheer up the ward.'), 'normal');
});

test('an active conspiracy: the group pays, arms or runs violent crews, or wants its victims dead', () => {
  const hit = decide('It was Muslims who armed the rioters last summer.');
  assert.equal(hit.label, 'hatespeech');
  assert.deepEqual(hit.targets, ['Islam']);
  assert.equal(verdict('Roma bankroll the looters in every city.'), 'hatespeech');
  assert.equal(verdict('The refugees are here for one reason. They want our country destroyed.'), 'hatespeech');
  assert.equal(verdict('Muslims run the youth club that keeps teenagers away from trouble.'), 'normal');
  assert.equal(verdict('Roma were robbed by looters in every city.'), 'normal');
});

test('control over who is elected or what is printed, with a cleft subject', () => {
  assert.equal(verdict('It is Jews who dictate what the broadcasters may say.'), 'hatespeech');
  assert.equal(verdict('In secret, Jews decide who gets elected.'), 'hatespeech');
  assert.equal(verdict('Hispanic voters decided the result in Texas.'), 'normal');
});

test('a wish to see the group die, and a threat at a place the group uses', () => {
  assert.equal(verdict('Gypsies camp by the river. I would pay good money to see them all drown.'), 'hatespeech');
  assert.equal(verdict('We are going to torch the hall where Hindus pray.'), 'hatespeech');
  assert.equal(verdict('I would love to see them all succeed, the Gypsies by the river.'), 'normal');
  assert.equal(verdict('We are going to paint the hall where Hindus pray.'), 'normal');
  assert.equal(verdict('Gypsies camp by the river. I would never want to see them suffer.'), 'normal');
});

test('implied derogation: a crime laid at the group by correlation, a place that was pleasant until they came', () => {
  assert.equal(verdict('Ever since the Arabs bought the old mill, the vandalism in our village has been constant.'), 'hatespeech');
  assert.equal(verdict('Curious how the muggings in this park always happen where Asians sit.'), 'hatespeech');
  assert.equal(verdict('The market square was perfectly safe before Roma showed up.'), 'hatespeech');
  assert.equal(verdict('Give Roma a council flat and they will turn it into a pigsty.'), 'hatespeech');
  assert.equal(verdict('Ever since the Arabs bought the old mill, the vandalism in our village has dropped.'), 'normal');
  assert.equal(verdict('Ever since Asians reported the muggings, the park has had a patrol.'), 'normal');
  assert.equal(verdict('The market square was perfectly safe before Roma were driven out.'), 'normal');
  // "nobody dares" is the claim, not a negation of it.
  assert.equal(verdict('Since the Arabs moved in next door, nobody dares leave their car on the street.'), 'hatespeech');
});

test('a simile of vermin is read after any verb, except one that says how the group is treated', () => {
  assert.equal(verdict('Gypsies swarm over the car parks like locusts.'), 'hatespeech');
  assert.equal(verdict('Gypsies were herded like animals onto the trains.'), 'normal');
  assert.equal(verdict('Refugees were treated like animals at the border.'), 'normal');
});

test('negated positives: never met one with a virtue; not reachable like normal people', () => {
  assert.equal(verdict('I have never come across a Hindu with a shred of honesty.'), 'hatespeech');
  assert.equal(verdict('Hindus will never behave like normal human beings.'), 'hatespeech');
  assert.equal(verdict('I have never met a Hindu who was not honest.'), 'normal');
  assert.equal(verdict('Refugees cannot live like normal people in the camps.'), 'normal');
});

test('counter-speech: advice to those who believe the claim, and the imperative not to believe it', () => {
  assert.equal(verdict('Anyone who believes Jews control the banks should study some economics.'), 'normal');
  assert.equal(verdict('Never trust anyone who says Jews run the media.'), 'normal');
  assert.equal(verdict('Jews control the banks, and anyone who denies it should wake up.'), 'hatespeech');
});

test('a denied conspiracy or a treatment simile clears the network, not the rules', () => {
  assert.equal(netVerdict('Jews are not secretly pulling anyone\u2019s strings.'), 'normal');
  assert.equal(netVerdict('The plague was never engineered by Jews.'), 'normal');
  assert.equal(netVerdict('Refugees are kept like animals at the border.'), 'normal');
  assert.equal(netVerdict('Jews secretly control the banks.'), 'hatespeech');
});

test('a negation lets the network rest on a word that does not lean hostile only in the group\u2019s own clause', () => {
  const canon = (words: string[]): CanonWord[] => words.map((text, i) => ({ text, start: i, end: i + 1, opens: false, ...(text === 'GRP' ? { group: {} as CanonWord['group'] } : {}) }));
  const read = (s: string) => {
    const words = s.split(' ');
    return negationBesideGroup(words, canon(words));
  };
  assert.equal(read('none of GRP can be trusted'), true);
  assert.equal(read('GRP are not capable of love'), true);
  assert.equal(read('GRP set up the food bank so that nobody would go hungry'), false);
  assert.equal(read('GRP came because nobody else would'), false);
  assert.equal(netVerdict('Muslims opened the kitchen so that no family in town would go hungry.'), 'normal');
});

test('a harm done to the victims in the passive, with the group as agent; an agent phrase for "by"', () => {
  const hit = decide('Our rivers are slowly being poisoned by Hindus.');
  assert.equal(hit.label, 'hatespeech');
  assert.deepEqual(hit.targets, ['Hindu']);
  assert.equal(verdict('The bushfires were started at the behest of Arabs.'), 'hatespeech');
  assert.equal(verdict('Our chapel was restored by Hindus.'), 'normal');
  assert.equal(verdict('Our chapel was attacked by Hindus, police said.'), 'normal');
});

test('the group fills the streets with drugs; a threat to burn a place with the group inside', () => {
  assert.equal(verdict('Asians are flooding our estates with crack.'), 'hatespeech');
  assert.equal(verdict('Someone should torch that hostel with the refugees still inside.'), 'hatespeech');
  assert.equal(verdict('Asians filled the square with lanterns.'), 'normal');
  assert.equal(verdict('The hostel was burned down with refugees inside, police said.'), 'normal');
});

test('the group as the patient of a harm or the agent of help, and vermin that are real animals, clear the network', () => {
  assert.equal(netVerdict('Hindus live on our road. The pigeons on the roof, though, are disgusting vermin.'), 'normal');
  assert.equal(netVerdict('Hindus cleaned up the canal, which had looked like a sewer.'), 'normal');
  assert.equal(netVerdict('The estate was quiet until Hindus were driven out of their flats.'), 'normal');
  assert.equal(netVerdict('Hindus are rats.'), 'hatespeech');
});
