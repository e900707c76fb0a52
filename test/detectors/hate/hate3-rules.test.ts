import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createHateDetector } from '../../../src/detectors/hate/index.js';
import { hateVerdict } from '../../../src/detectors/hate/verdict.js';
import { analyze } from '../../../src/pipeline/analyze.js';

// The hate3 rules alone (network off), so that each test shows what they decide.
const rulesOnly = [createHateDetector({ network: false })];
const decide = (text: string) => hateVerdict(analyze(text, { detectors: rulesOnly }).findings);
const verdict = (text: string) => decide(text).label;

test('a passive conspiracy with any verb: "... by GRP who want to <harm>" is hate, "... who want to help" is not', () => {
  const hit = decide('The teachers\u2019 strike was bankrolled by Jews who want to cripple the schools.');
  assert.equal(hit.label, 'hatespeech');
  assert.deepEqual(hit.targets, ['Jewish']);
  assert.equal(verdict('Our heating bills were pushed up by Arabs so that they can bankrupt ordinary families.'), 'hatespeech');
  assert.equal(verdict('The new hospice was funded by Muslims who want to help the dying.'), 'normal');
  assert.equal(verdict('The garden was paid for by Roma who want to feed the whole street.'), 'normal');
  assert.equal(verdict('It is a lie that the strike was bankrolled by Jews who want to cripple the schools.'), 'normal');
});

test('"behind": the people behind a plot named as the group, or found behind every one', () => {
  assert.equal(verdict('The people behind the lockdowns were Jews.'), 'hatespeech');
  assert.equal(verdict('Behind every riot you will find Arabs.'), 'hatespeech');
  assert.equal(verdict('The people behind the new bakery are Muslims.'), 'normal');
  assert.equal(verdict('Behind the school, Arabs were playing football.'), 'normal');
});

test('negated positives: broken word, no shred of decency, none of the group honest', () => {
  assert.equal(verdict('Gypsies never keep their word.'), 'hatespeech');
  assert.equal(verdict('Roma do not have a shred of decency.'), 'hatespeech');
  assert.equal(verdict('Not one of the refugees has a shred of decency.'), 'hatespeech');
  assert.equal(verdict('You will never meet an honest person among Hispanics.'), 'hatespeech');
  assert.equal(verdict('Not one of the refugees has a car.'), 'normal');
  assert.equal(verdict('Gypsies never keep their dogs indoors.'), 'normal');
});

test('insults widened with GloVe neighbours of the insult words', () => {
  assert.equal(verdict('Hindus are heartless and corrupt.'), 'hatespeech');
  assert.equal(verdict('Hindus are heartbroken after the match.'), 'normal');
});

test('threats: fetching a weapon, waiting with one, "break into", "bury"', () => {
  assert.equal(verdict('I will grab my shotgun and go after the gypsies.'), 'hatespeech');
  assert.equal(verdict("We'll be waiting at the corner with bats for Asians."), 'hatespeech');
  assert.equal(verdict('We are going to break into the homes of Muslims.'), 'hatespeech');
  assert.equal(verdict("I'll bury the Arabs alive."), 'hatespeech');
  assert.equal(verdict('I will grab my coat and meet the Muslims at the station.'), 'normal');
});

test('a subject glued to an emotion verb is split ("ihate"); a known word is not', () => {
  assert.equal(verdict('ihate jews'), 'hatespeech');
  assert.equal(verdict('Wedespise Muslims.'), 'hatespeech');
  assert.equal(verdict('Ideal homes for Jews and Muslims alike.'), 'normal');
});

test('a harmful intent the group is said not to have clears the network ("... are not out to replace anybody")', () => {
  const full = [createHateDetector()];
  const label = (text: string) => hateVerdict(analyze(text, { detectors: full }).findings).label;
  // The network read this at p = 0.91 on "replace" and "anybody" (holdout4, spent).
  assert.equal(label('Muslims are not out to replace anybody.'), 'normal');
  assert.equal(label('Jews are not trying to destroy anything.'), 'normal');
  assert.equal(label('Jews are trying to destroy our nation.'), 'hatespeech');
});

test('active conspiracy with a purpose clause ("... so they can poison our minds") and the child-theft trope', () => {
  assert.equal(verdict('Jews are secretly buying every newspaper so they can poison our minds.'), 'hatespeech');
  assert.equal(verdict('The Chinese are spreading diseases to cull the rest of humanity.'), 'hatespeech');
  assert.equal(verdict('Hungary is being strangled by Jews who want to turn the country into a colony.'), 'hatespeech');
  assert.equal(verdict('Gypsies run a network that steals our children.'), 'hatespeech');
  assert.equal(verdict('Muslims opened a bakery so they can feed our town.'), 'normal');
  assert.equal(verdict('Roma families marched to protect our children.'), 'normal');
  assert.equal(verdict('Muslims donated food to the shelter to help our neighbours.'), 'normal');
});

test('"Whoever claims GRP …" condemned as peddling hatred or to be ashamed is counter-speech; agreed with, it stays hate', () => {
  assert.equal(verdict('Whoever says Jews are behind the war is spreading an ancient lie.'), 'normal');
  assert.equal(verdict('Anybody claiming Muslims run the banks is recycling a tired conspiracy theory.'), 'normal');
  assert.equal(verdict('Whoever claims Jews control the press should be ashamed.'), 'normal');
  assert.equal(verdict('Whoever says Jews are behind the war is right.'), 'hatespeech');
  assert.equal(verdict('Jews are behind the war.'), 'hatespeech');
});

test('emotion as a state ("seething with rage at GRP") and what hearing the group makes the speaker want to do are hate; the same about a referee or birdsong is not', () => {
  assert.equal(verdict('I am seething with rage at Roma.'), 'hatespeech');
  assert.equal(verdict('We are filled with hatred for Jews.'), 'hatespeech');
  assert.equal(verdict('Listening to Muslims talk makes me want to smash something.'), 'hatespeech');
  assert.equal(verdict('I am filled with joy for Muslims.'), 'normal');
  assert.equal(verdict('I am boiling with rage at the referee.'), 'normal');
  assert.equal(verdict('Hearing the birds sing makes me want to scream.'), 'normal');
  assert.equal(verdict('The report says some people are filled with hatred for Jews.'), 'normal');
});

test('threats: a crew that will put the group in hospital, lying in wait to attack it, "mark my words … bleeding", "use it on GRP"; accidents, help and warnings are not threats', () => {
  assert.equal(verdict('Come Sunday, my gang will put Arabs in hospital.'), 'hatespeech');
  assert.equal(verdict('We will be waiting outside the mosque to beat Muslims with bats.'), 'hatespeech');
  assert.equal(verdict('Mark my words, Roma will be bleeding in the street by Friday.'), 'hatespeech');
  assert.equal(verdict('Gays will be dead by Christmas, I will make sure of it.'), 'hatespeech');
  assert.equal(verdict('Anyone who owns a rifle should use it on immigrants.'), 'hatespeech');
  assert.equal(verdict('The crash put three migrants in hospital.'), 'normal');
  assert.equal(verdict('Doctors will be waiting at the station to help refugees.'), 'normal');
  assert.equal(verdict('Mark my words, refugees will be dead if the boats keep sinking.'), 'normal');
  assert.equal(verdict('Everyone who has a car should use it to drive refugees to safety.'), 'normal');
});
