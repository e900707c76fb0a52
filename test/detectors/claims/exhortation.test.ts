import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultExhortationWords, exhortation, type ExhortationWords } from '../../../src/detectors/claims/exhortation.js';
import { buildTextModel } from '../../../src/text/model.js';

const tokensOf = (text: string) => buildTextModel(text).tokens;

test('the urging frames read their word slots from data/claims/exhortation.yml', () => {
  const words = defaultExhortationWords();
  for (const [slot, set] of Object.entries(words)) assert.ok(set.size > 0, slot);
  assert.equal(exhortation(tokensOf('Folks, we really must act now.')), true);
  assert.equal(exhortation(tokensOf('We ought to remember the flood.')), true);
  assert.equal(exhortation(tokensOf('We mustered 300 volunteers in 2019.')), false);
  assert.equal(exhortation(tokensOf('I think we must act.')), false, '"I" opens an opinion, not an urging, unless "say" follows');
});

test('a word outside the lists changes nothing; the same word added to a list makes it a lead-in', () => {
  const words = defaultExhortationWords();
  const sentence = tokensOf('Comrades we must march.');
  assert.equal(exhortation(sentence, words), false);
  const widened: ExhortationWords = { ...words, leadIns: new Set([...words.leadIns, 'comrades']) };
  assert.equal(exhortation(sentence, widened), true);
});
