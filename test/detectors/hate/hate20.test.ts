import assert from 'node:assert/strict';
import { test } from 'node:test';
import { asArticleParagraph } from '../../../src/eval/hate/functional.js';
import { hateVerdict } from '../../../src/detectors/hate/verdict.js';
import { analyzeHate, clean, firesAndFlags } from './verdict-checks.js';

// The hate20 round (implied derogation, veiled, normative and direct threats, calls to action), on
// sentences written for this test: none is in a functional suite or a rule's examples.

/** The author-voice verdict when the text is a paragraph of a short news article. */
const inArticle = (text: string) => hateVerdict(analyzeHate(asArticleParagraph(text)).findings).label;

test('first-person threats with intent words, vehicles and "make ... pay"', () => {
  const threats = [
    "We're itching to stab the Arabs who drink in that pub.",
    'I am determined to shoot every one of those Roma.',
    'My lads are going to ram a truck into the Hindus at the parade.',
    "I'll make the Muslims pay dearly.",
  ];
  firesAndFlags('h20-threat-direct-intent', threats);
  for (const text of threats) assert.equal(inArticle(text), 'hatespeech', text);
  clean(["I'm itching to meet the Arabs who run that pub.", 'We are going to drive a van of blankets to the Roma camp.', 'I will make the Hindus feel at home.']);
});

test('veiled threats: lists and routines, mock regret, a short future, knowing advice', () => {
  firesAndFlags('h20-threat-veiled', [
    'We have drawn up a list of the Jews on Mill Lane.',
    'Muslims, we are watching your movements.',
    'Lovely restaurant the Arabs run. Would be a pity if it burned down.',
    "The Roma won't be so cocky after Saturday night.",
    'Friendly warning to Hindus: stay indoors after dark this week.',
    'Gays had better stay out of the park, if they know what\'s good for them.',
    'No one will be surprised when the Roma start going missing.',
  ]);
  clean([
    'We have a list of Jewish families who asked for Passover parcels.',
    'Friendly warning to Hindus: the temple car park closes early this week.',
    'It would be a pity if the Roma festival lost its grant.',
    "The Roma won't be short of friends in this town.",
    'Muslims should check their insurance before the winter, the advice centre says.',
  ]);
});

test('normative threats: rid the world of, best answer a grave, approval of a reported attack', () => {
  firesAndFlags('h20-threat-normative', [
    'Someone has to rid this town of the Roma.',
    'The only answer to the Muslims is a firing squad.',
    'Jail is too soft for Hindus.',
    'When I heard Arabs were stabbed in the market, all I could think was: good.',
    'Hindus ought to be thrown off a bridge.',
  ]);
  clean([
    'We must rid the town of prejudice against the Roma.',
    'The only answer for the Muslims who lost their homes is new housing.',
    'When I heard Arabs were stabbed in the market, all I could think was: how awful.',
    'Violence against Hindus is never justified.',
  ]);
});

test('calls to exclude from ordinary dealings, to withhold, and to get the group fired', () => {
  firesAndFlags('h20-call-deny', ['Never sell a car to Muslims.', "Don't let Jews into your restaurants."]);
  firesAndFlags('h20-call-exclude', ['Deny housing to the refugees.', 'Sack every one of the Muslims at the depot.', 'Now we get the Roma evicted, street by street.']);
  clean([
    'Stop giving Hindus such a hard time.',
    'We need to get the refugees registered with a doctor.',
    'Refuse to let anyone harass the Muslims on the bus.',
    "I won't stop serving Roma just because of a few angry posts.",
  ]);
});

test('implied derogation by a knowing closer, a decline answered by the group, and "then came ..."', () => {
  firesAndFlags('h20-implied-knowing', [
    'Arabs paying their taxes on time? Pics or it didn\'t happen.',
    'Why did the high street die? Oh wait, Muslims.',
    'This village was lovely once. Then came the Roma.',
    'The only thing Hindus are good for is queue-jumping.',
    'Trans people being polite for a change, someone frame this.',
  ]);
  clean([
    'This village was dying once. Then came the Roma families and the school reopened.',
    'Thankfully no Hindus were hurt in the crash.',
    'Of course it was the Roma choir again who won the cup.',
  ]);
});

test('counter-speech and negated threats in the same words stay clean', () => {
  clean([
    'Urging people to burn the homes of Jews is terrorism.',
    "I'd never say Arabs should suffer.",
    'We know where the refugees live now, so the food parcels can go out on Monday.',
  ]);
});
