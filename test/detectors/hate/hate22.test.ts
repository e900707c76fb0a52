import assert from 'node:assert/strict';
import { test } from 'node:test';
import { asArticleParagraph } from '../../../src/eval/hate/functional.js';
import { hateVerdict } from '../../../src/detectors/hate/verdict.js';
import { analyzeHate, clean, firesAndFlags, verdict } from './verdict-checks.js';

// The hate22 round: rule families (menace idioms, leave-before-a-deadline, harm gerund plus an
// approving predicate, calls read anywhere in a post, negated positives by word class, emotion
// nouns, sarcasm closers), on sentences written for this test: none is in a functional suite or a
// rule's examples.

const inArticle = (text: string) => hateVerdict(analyzeHate(asArticleParagraph(text)).findings).label;

test('veiled threats: third-person menace idioms, leaving before a deadline, enjoying while it lasts', () => {
  firesAndFlags('h22-threat-menace', ['The Arabs on Elm Road have no idea what is coming to them.', 'Muslims in the old mill flats should keep looking over their shoulders.']);
  const threats = [
    'Let the Roma savour their market day while it lasts.',
    'Everybody knows where the Jews in this town gather. Just saying.',
    'The canal is plenty deep enough to lose a few Arabs in.',
  ];
  firesAndFlags('h22-threat-veiled', threats);
  for (const text of threats) assert.equal(inArticle(text), 'hatespeech', text);
  clean([
    'Hindus might want to move before winter, the letting agent advised, as rents rise in spring.',
    'We know where the Jews in this town gather: the community hall on Friday nights, and everyone is welcome.',
  ]);
});

test('normative threats: a harm gerund or a harmed group with an approving predicate', () => {
  for (const text of ['Hanging Muslims in the town square should come back.', 'Torching the mosques of Muslims would be doing us all a favour.', 'Hindus would do well to pack their bags before the new year.', 'Gay people reckon they are untouchable here. Think again.']) assert.equal(verdict(text), 'hatespeech', text);
  firesAndFlags('h22-threat-normative', [
    'Roma freezing to death in their caravans is no great loss.',
    'The cops ought to be allowed to batter Hindus at will.',
    'The lads who firebombed the shop the Arabs ran deserve a medal.',
  ]);
  clean([
    'Roma freezing to death in their caravans is a national scandal.',
  ]);
});

test('calls read anywhere in a post, after an unrelated first sentence', () => {
  firesAndFlags('h22-call-deny', ['Had a lovely walk. No houses, no benefits, no mercy for immigrants.']);
  for (const text of ['The kettle broke this morning. Anyway, go and sort out the Roma, lads.', 'Finished the crossword early. Time to chase the Hindus out of this estate.']) assert.equal(verdict(text), 'hatespeech', text);
  firesAndFlags('h22-call', ['Dentist at ten. After that, let us make life hell for the Hindus on our road.']);
  clean(['No benefits for immigrants until they have lived here five years, the bill says.']);
});

test('negated positives by word class; the denial guard keeps them', () => {
  firesAndFlags('h22-negated-positive', [
    'No sane person would regard Roma as fellow citizens.',
    'I refuse to accept that Arabs are anything but a drain.',
    'Nobody in their right mind would count Muslims as fellow citizens.',
  ]);
  clean(['Hindus do not deserve the abuse they get online.', 'I refuse to believe that Arabs are anything but welcome here.']);
});

test('emotion: the speaker\u2019s hatred, nausea and rage at a group', () => {
  firesAndFlags('h22-emotion', [
    'The loathing I feel for Roma grows every year.',
    'I go to bed hating Muslims and wake up the same.',
    'Stood behind two Hindus in the queue and felt physically sick.',
    'We get livid every time Arabs walk into the pub.',
  ]);
  clean(['Stood behind two Hindus in the queue and felt at home.']);
});

test('implied derogation: sarcasm closers, arrival and decline, sneers', () => {
  firesAndFlags('h22-implied', [
    'Muslims are a real asset to this town, said no one ever.',
    'The high street thrived before the Hindus arrived and the pubs closed down.',
    'Odd how Arabs can always afford new cars but live on handouts.',
  ]);
  clean(['Muslims are a real asset to this town, and the council agrees.']);
});

test('a clause given to nobody ("..., said no one ever") is the writer\'s sarcasm', () => {
  assert.equal(verdict('Arabs are the hardest workers in Britain, said no one ever.'), 'hatespeech');
  assert.equal(verdict('Nobody said the Arabs are lazy.'), 'normal');
});
