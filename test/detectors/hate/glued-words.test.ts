import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadDefaultHateLexicon, lexWords } from '../../../src/detectors/hate/lexicon.js';
import { buildTextModel } from '../../../src/text/model.js';
import { clean, verdict } from './verdict-checks.js';

const lexicon = loadDefaultHateLexicon();
const wordsOf = (text: string) => {
  const { tokens } = buildTextModel(text);
  return lexWords(text, tokens, 0, tokens.length, (w) => lexicon.knows(w), (w) => lexicon.isGroupWord(w)).map((w) => [w.fold, text.slice(w.start, w.end)]);
};

test('a word glued from a group term and known words is read as its words, each with its own span', () => {
  assert.deepEqual(wordsOf('#deportallmuslims now'), [['deport', 'deport'], ['all', 'all'], ['muslims', 'muslims'], ['now', 'now']]);
  assert.deepEqual(wordsOf('JewsRunTheMedia'), [['jews', 'Jews'], ['run', 'Run'], ['the', 'The'], ['media', 'Media']]);
  // Words the table knows, and glued words with no group term, stay whole.
  assert.deepEqual(wordsOf('Romania'), [['romania', 'Romania']]);
  assert.deepEqual(wordsOf('ilovemydog'), [['ilovemydog', 'ilovemydog']]);
});

test('hate glued into one word is hate speech; glued solidarity is not', () => {
  for (const text of ['ihatejews', '#killallgypsies', 'refugeesareparasites', 'deportallmuslims and be done with it']) assert.equal(verdict(text), 'hatespeech', text);
  clean(['#welcomerefugees', '#istandwithmuslims', 'proud to march with #jewsagainsthate today']);
});
