import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createHateDetector } from '../../../src/detectors/hate/index.js';
import { hateVerdict } from '../../../src/detectors/hate/verdict.js';
import { asArticleParagraph } from '../../../src/eval/hate/functional.js';
import { analyze } from '../../../src/pipeline/analyze.js';

const withBand = [createHateDetector()];
// The commentary gate (hate18) would decide these too: off, so that the band alone is measured.
const withoutBand = [createHateDetector({ networkSureBand: null, networkCommentary: null })];
const inArticle = (sentence: string, detectors = withBand) => hateVerdict(analyze(asArticleParagraph(sentence), { detectors }).findings).label;

test('in an article, a sure network decides a commentator\'s sentence that the post model only half reads as normal', () => {
  for (const s of ['Muslims have been nothing but trouble since they arrived, and everyone knows it.', 'Refugees have been nothing but a drain since the day they arrived.']) {
    assert.equal(inArticle(s), 'hatespeech', s);
    assert.equal(inArticle(s, withoutBand), 'normal', `the band, not the gate, decides: ${s}`);
  }
});

test('the sure band reads no group adjective before a thing and no title-case headline, where news prose puts its group words', () => {
  for (const s of ['Look at the Islamic packet again.', 'What Happens After Islamic Conquest?', '60 Illegal Aliens Apprehended In Texas Stash Houses', 'Seoul sits within range of North Korean heavy artillery and rocket batteries.']) assert.equal(inArticle(s), 'normal', s);
});

test('a plural group names people whatever the tagger makes of the verb after it', () => {
  // hate17: "lack the sense to ..." is now read by a rule ("sense" joined {virtue-noun}), so the band is shown on "gumption".
  for (const s of ['Muslims sabotage the council budget so their own get the houses.', 'Immigrants lack the gumption to queue at a bus stop.']) {
    assert.equal(inArticle(s), 'hatespeech', s);
    assert.equal(inArticle(s, withoutBand), 'normal', s);
  }
});
