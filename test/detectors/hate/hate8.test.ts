import assert from 'node:assert/strict';
import { test } from 'node:test';
import { benignGuards, ruleIds } from './rule-matches.js';
import { clean, firesAndFlags, verdict } from './verdict-checks.js';

// The hate8 round, on sentences written for this test (none is in a functional suite).

test('insinuation: the group arrives next to a cue to draw the conclusion, a precaution, or a crime that never happened before', () => {
  firesAndFlags('derogation-insinuation', [
    'The chip shop was spotless for years. Then Arabs took over the flat upstairs. Draw your own conclusions.',
    'Double locked the garage tonight, Roma have moved onto the lane.',
    'Keep an eye on your bag on the 10:15, it is full of Hispanics.',
    'Scooter nicked from the porch. Funny, Hindus only moved in across the road last week.',
    'Not one break-in in twelve years and then refugees moved next door. Go figure.',
    'Gypsies on the common again, and suddenly every shed on the lane gets broken into.',
  ]);
  clean([
    'Arabs took over the flat upstairs and the place has never been tidier. Draw your own conclusions!',
    'Roma arrived in the Balkans centuries ago and built a rich musical tradition.',
    'Lock your car at night, police advise after a spate of thefts in the town centre.',
    'After the storm, refugees moved into the sports hall until the roof was fixed.',
    'Hindus moved in and suddenly the street had a festival every autumn.',
  ]);
  // A precaution the group itself takes is no insinuation about it.
  assert.ok(!ruleIds('Jewish families lock the doors at night since the attacks.').includes('derogation-insinuation'));
});

test('threats without a violence verb: a weapon kept for the group, brought to it, or an attack on a place full of it', () => {
  firesAndFlags('threat-direct', [
    'I have a loaded pistol put aside for the Hindus on my street.',
    'We have got crowbars and a list, and Arabs are first on it.',
    'We are packing the car with bricks and driving to where the gypsies pray.',
    'Gonna bomb that hall full of Hispanics next Sunday.',
    'We are going to burn every shop Roma own in the market.',
  ]);
  clean([
    'We have got blankets and food parcels ready for the refugees.',
    'The gunman was going to bomb a hall full of Hispanics, prosecutors said.',
  ]);
});

test('calls to intern or exterminate: camps, a final solution, a means of killing as the only answer, a world better off', () => {
  firesAndFlags('internment-call', [
    'Herd every last Hindu into a camp and be done with it.',
    'Arabs belong behind barbed wire.',
    'Bring back the camps for gypsies, I say.',
    'What we need is a final solution for Hispanics.',
    'The only real answer for Roma is the rope.',
    'Nobody would miss it if refugees were all rounded up and gassed.',
    'Razor wire and rifles on the cliffs, pointed at migrants.',
    'Ovens for Hindus, that would sort it.',
    'Round them up and lock the gypsies in cages.',
  ]);
  firesAndFlags('violence-call', ['Every Arab in this town should be lined up and shot.']);
  firesAndFlags('threat-direct', ['Somebody needs to take a blowtorch to the Roma site.']);
  clean([
    'Aid agencies will open camps for refugees near the border this winter.',
    'The camps where Roma were murdered are now memorials.',
    'The Nazi final solution for Jews killed six million people.',
    'We need a final solution for the rats in the cellar.',
    'The only real answer for disabled people is proper funding.',
    'The town would be better if migrants were treated fairly.',
    'Gas chambers for Roma were built at Birkenau in 1942.',
    'The regime rounded up the Hindus and put them in camps in 1971.',
  ]);
});

test('emotion, question, negated positive and "that\'s ... for you" forms', () => {
  firesAndFlags('derogation-emotion', ['I feel a cold wave of contempt whenever Arabs get on my train.', 'I was taught to loathe gypsies and I still do to this day.']);
  firesAndFlags('derogation-opinion', ['I feel sick whenever Arabs are around.']);
  // The feeling is about what is done to the group, not about the group.
  clean(['I feel nothing but contempt when Arabs are abused on my train.', 'I feel rage whenever Arabs get beaten up.', 'I get so angry when refugees are insulted online.', 'I was taught to loathe gypsies, but then I met some and grew up.']);
  firesAndFlags('exclusion-question', ['Can someone tell me why Roma are allowed anywhere near our schools?']);
  firesAndFlags('derogation-negated-positive', ['I have yet to meet a Hindu worth trusting.', 'No one could call Arabs honest and keep a straight face.']);
  clean(['I have never met a Hindu I could not trust.', 'No one could call Arabs lazy after seeing them work.']);
  firesAndFlags('generalisation-insult', ['Lazy as sin, every one of them. That is Roma for you.', 'Honestly, women belong at the kitchen sink and nowhere else.']);
  clean(["Women don't belong in the kitchen, they belong wherever they choose to be."]);
  firesAndFlags('derogation-question', ['Are disabled people even worth the effort?', 'Or are Arabs the most obnoxious people alive?']);
  firesAndFlags('derogation-emotion', ['Whenever I see Roma at the station I want to spit.', 'The thought of Hindus marrying into my family makes me sick.']);
  clean(['Whenever I see Roma being harassed at the station I feel rage.', 'Are refugees the most vulnerable people in Europe?']);
});

test('counter-speech: calls to harm condemned as their subject, a condemned writer who deserves prison, refusing silence while the group is mocked', () => {
  for (const text of [
    'Calls to expel Roma are shameful and we will fight them.',
    'Whoever posted that Hindus should be hanged deserves a long spell in prison.',
    'I will not stay quiet while my neighbours sneer at refugees.',
    'Jokes about drowning migrants are never funny.',
    "It's shameful that some people still say Roma should be locked up.",
    'My neighbour thinks Hindus are terrorists. She is wrong and I have told her so.',
  ]) assert.equal(verdict(text), 'normal', text);
  for (const text of ['Jokes about drowning migrants are always funny.', 'My neighbour thinks Hindus are terrorists and she is right.']) assert.equal(verdict(text), 'hatespeech', text);
  // The guards read who is condemned: the same words as the author's own call stay hate.
  assert.equal(verdict('Roma should be hanged, and I will not stay quiet about it.'), 'hatespeech');
});

test('benign praise: "nothing but kind" clears the network, "nothing but trouble" does not', () => {
  assert.deepEqual(benignGuards('Arabs have been nothing but generous to my mother.'), ['benign-praise']);
  assert.deepEqual(benignGuards('Arabs have been nothing but trouble for my mother.'), []);
});
