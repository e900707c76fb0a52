import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createHateDetector } from '../../../src/detectors/hate/index.js';
import { hateVerdict } from '../../../src/detectors/hate/verdict.js';
import { analyze } from '../../../src/pipeline/analyze.js';
import { benignGuards } from './rule-matches.js';

// The hate5 guards, on sentences written for this test. The benign guards clear only the
// network's decision, so they are checked by the guard ids they match (whatever the network
// says), and the hateful look-alikes must match none of them.

test('ill feeling towards the group that the speaker denies having is benign; hatred affirmed is not', () => {
  for (const text of ['We do not feel any hatred towards Roma.', 'I bear no grudge against gay people at all.', 'There is no resentment in this village towards refugees.', "My parents never had the slightest prejudice against Muslims."]) {
    assert.ok(benignGuards(text).includes('benign-negated-feeling'), text);
  }
  for (const text of ['I have nothing but hatred for Roma.', 'There is not enough hatred for Muslims in this country.', 'No amount of contempt for immigrants is too much.', 'I will never lose my hatred for Jews.', 'There is no limit to my disgust for trans people.']) {
    assert.deepEqual(benignGuards(text), [], text);
  }
});

test('a group said to pose no risk, or not to be the cause, is benign; the same frame turned into an insult is not', () => {
  for (const text of ['Refugees pose no threat to anyone in this town.', 'Asians are not the reason the factory shut down.', 'Muslims are not to blame for the rise in rents.', "Don't blame immigrants for the housing crisis.", 'Disabled people are no burden on the health service.']) {
    assert.ok(benignGuards(text).includes('benign-negated-feeling'), text);
  }
  for (const text of ['Immigrants are not the problem, they are the disease.', 'Trans people are no risk to children, they are a plague on them.', 'Roma are a threat to every one of us.']) {
    assert.deepEqual(benignGuards(text), [], text);
  }
});

test('a control verb with a thing or a physical process as its object is benign; with an institution or a trade it is not', () => {
  for (const text of ['Hindus controlled the blaze until the fire crews got there.', 'Roma contained the outbreak before it reached the next village.', 'Muslims run the bakery on the corner of our street.', 'Muslim volunteers fought the floods for three days.']) {
    assert.ok(benignGuards(text).includes('benign-control-thing'), text);
  }
  for (const text of ['Jews control the media and the banks.', 'Jews control the music industry.', 'Arabs control the flood of drugs into our cities.', 'Asians run the drug trade in this town.', 'Muslims own the fire service and every council.']) {
    assert.ok(!benignGuards(text).includes('benign-control-thing'), text);
  }
});

test('solidarity with the group is benign; "support" of harm done to it is not', () => {
  for (const text of ['We stand with Roma against every attack on them.', 'Our town will always stand by refugees when they are threatened.', 'Asylum seekers stood by us all through the long strike.']) {
    assert.ok(benignGuards(text).includes('benign-praise'), text);
  }
  for (const text of ['We support deporting Muslims.', 'We will protect our children from Jews.', 'We stand with anyone who wants to send refugees back.', 'Jews stand behind the riots in every city.']) {
    assert.deepEqual(benignGuards(text), [], text);
  }
});

test('hate quoted in the reported speech of a third person, in any form of the speech verb, is not the author\'s', () => {
  const detectors = [createHateDetector()];
  const verdict = (text: string) => hateVerdict(analyze(text, { detectors }).findings).label;
  assert.equal(verdict('My uncle used to grumble "Gypsies are thieves", and I never believed him.'), 'normal');
  assert.equal(verdict('Our old landlord would mutter "Muslims are rats" whenever the bins were late.'), 'normal');
  // Said in the author's own voice, the same words are hate.
  assert.equal(verdict('Gypsies are thieves.'), 'hatespeech');
  assert.equal(verdict('Muslims are rats.'), 'hatespeech');
});
