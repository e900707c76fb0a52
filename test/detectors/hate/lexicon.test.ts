import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadDefaultHateLexicon, lexWords } from '../../../src/detectors/hate/lexicon.js';
import { foldWord, modelWordsOf } from '../../../src/detectors/hate/normalize.js';
import { buildTextModel } from '../../../src/text/model.js';

const lexicon = loadDefaultHateLexicon();
const targetsIn = (text: string) => lexicon.match(lexWords(text, buildTextModel(text).tokens)).map((m) => `${m.target}:${m.how}:${text.slice(m.start, m.end)}`);

test('fold reads leetspeak, masks and spelled-out letters', () => {
  assert.equal(foldWord('J3WS'), 'jews');
  assert.equal(foldWord('4rabs'), 'arabs');
  assert.equal(foldWord('k*ke'), 'k*ke');
  assert.equal(foldWord('m-u-s-l-i-m-s'), 'muslims');
  assert.equal(foldWord('1940'), '');
});

test('model words follow the corpus normalisation', () => {
  assert.deepEqual(modelWordsOf({ norm: '@bob', type: 'mention' }), ['user']);
  assert.deepEqual(modelWordsOf({ norm: "n't", type: 'word' }), ['not']);
  assert.deepEqual(modelWordsOf({ norm: "'s", type: 'word' }), []);
  assert.deepEqual(modelWordsOf({ norm: '#maga', type: 'hashtag' }), ['maga']);
  assert.deepEqual(modelWordsOf({ norm: 'https://x.org', type: 'url' }), []);
});

test('lexicon finds groups through evasions, with offsets into the text', () => {
  assert.deepEqual(targetsIn('j e w s and mus1ims'), ['Jewish:exact:j e w s', 'Islam:exact:mus1ims']);
  assert.deepEqual(targetsIn('the jwes'), ['Jewish:fuzzy:jwes']);
  assert.deepEqual(targetsIn('those m*slims'), ['Islam:masked:m*slims']);
  assert.deepEqual(targetsIn('Black people'), ['African:exact:Black people']);
});

test('ordinary words near a group word are not read as the group', () => {
  assert.deepEqual(targetsIn('the news today'), []);
  assert.deepEqual(targetsIn('a black cat and a white car'), []);
});
