import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ScoreSink } from '../../../src/detectors/propaganda/feature-sink.js';
import type { BinaryModel } from '../../../src/detectors/propaganda/linear.js';
import { foldToken, lemmaOf } from '../../../src/detectors/propaganda/lexicons.js';
import { lemmaNumbersOf, normNumbersOf, vocabularyGeneration, WordCache, wordNumbersOf } from '../../../src/detectors/propaganda/vocabulary.js';
import { buildTextModel } from '../../../src/text/model.js';

test('a word keeps its number across lists, and lemmas equal to their norms take the norms\' numbers', () => {
  const norms = ['the', 'riots', 'spread', 'the'];
  const lemmas = ['the', 'riot', 'spread', 'the'];
  const a = wordNumbersOf(norms).ids;
  const b = wordNumbersOf(lemmas, norms).ids;
  assert.equal(a[0], a[3]);
  assert.equal(b[0], a[0]);
  assert.equal(b[2], a[2]);
  assert.notEqual(b[1], a[1]);
  assert.equal(wordNumbersOf(['riot']).ids[0], b[1]);
});

test('sinks and word caches stay right when the numbering starts a new generation', () => {
  const tiny: BinaryModel = { index: new Map([['w=riot', 0], ['ww-=calm|riot', 1], ['l=calm', 2]]), weights: Float32Array.from([1, 10, 100]) };
  const sink = new ScoreSink(tiny);
  const lengths = new WordCache((word) => word.length);
  const words = ['calm', 'riot'];
  const score = (list: readonly string[]) => {
    sink.reset();
    sink.add1w('w=', list, 1);
    sink.add1w('l=', list, 0);
    sink.add2ww('ww-=', list, 0, list, 1);
    return sink.z;
  };
  assert.equal(score(words), 111);
  assert.deepEqual([...lengths.of(words)], [4, 4]);
  const old = wordNumbersOf(words).ids;
  // Enough distinct words to fill the numbering: the list after them starts a new generation,
  // in which its words take the numbers the words above had.
  const before = vocabularyGeneration();
  let filler: string[] = [];
  for (let round = 0; vocabularyGeneration() === before; round++) {
    filler = Array.from({ length: 1 << 16 }, (_, k) => `filler${round}-${k}`);
    wordNumbersOf(filler);
  }
  const heirs = [filler[old[0]!]!, filler[old[1]!]!];
  assert.deepEqual(wordNumbersOf(heirs).ids, old);
  assert.equal(score(heirs), 0);
  assert.deepEqual([...lengths.of(heirs)], [heirs[0]!.length, heirs[1]!.length]);
  assert.equal(score(words), 111);
  assert.deepEqual([...lengths.of(words)], [4, 4]);
});

/** A document's tokens and norms, as the feature context builds them. */
function normsOf(text: string) {
  const tokens = buildTextModel(text).tokens;
  return { tokens, norms: tokens.map(foldToken) };
}

/** The numbers of a list numbered by its strings alone: a copy, so that no earlier numbering of the list itself is reused. */
const byString = (list: readonly string[]) => [...wordNumbersOf([...list]).ids];

test('norms numbered through their tokens\' word numbers get the numbers their strings have, across documents and generations', () => {
  // Folds that are not the norm ("café" folds to "cafe", "Migrants’" straightens) take the string path.
  const texts = ['The Café opened. Migrants’ rights matter!', 'A cafe near the migrants; the CAFÉ closed.', 'Rights, the café and the Migrants’ cafe.'];
  const docs = texts.map(normsOf);
  assert.ok(docs.some(({ tokens, norms }) => norms.some((n, k) => n !== tokens[k]!.fold)), 'some norm is not its fold');
  for (const { tokens, norms } of docs) assert.deepEqual([...normNumbersOf(norms, tokens).ids], byString(norms), norms.join(' '));
  // Fill the numbering: the next list starts a new generation, where the numbers read by
  // token (kept from the last generation) must not be reused.
  const before = vocabularyGeneration();
  for (let round = 0; vocabularyGeneration() === before; round++) wordNumbersOf(Array.from({ length: 1 << 16 }, (_, k) => `norm-filler${round}-${k}`));
  const after = vocabularyGeneration();
  for (const text of [texts[2]!, texts[0]!]) {
    const { tokens, norms } = normsOf(text);
    const ids = normNumbersOf(norms, tokens);
    assert.equal(ids.generation, after);
    assert.deepEqual([...ids.ids], byString(norms), norms.join(' '));
    // Numbered once per list and generation.
    assert.equal(normNumbersOf(norms, tokens), ids);
    assert.equal(wordNumbersOf(norms), ids);
  }
});

test('lemmas numbered through their tokens\' fold numbers get the numbers their strings have, across documents and generations', () => {
  // "said"/"say", "riots"/"riot", and a fold met with two lemmas ("saw" a verb and a noun).
  const texts = ['Officials said the riots spread. He saw the saw.', 'The riots said nothing; she saw a saw and says so.', 'Officials said the riots spread. He saw the saw.'];
  const check = (text: string) => {
    const { tokens, norms } = normsOf(text);
    const lemmas = tokens.map(lemmaOf);
    normNumbersOf(norms, tokens);
    const ids = lemmaNumbersOf(lemmas, norms, tokens);
    assert.deepEqual([...ids.ids], byString(lemmas), lemmas.join(' '));
    assert.equal(lemmaNumbersOf(lemmas, norms, tokens), ids);
    return lemmas;
  };
  const lemmas = texts.map(check);
  assert.ok(lemmas.some((list) => list.includes('say')), 'some lemma is not its norm');
  const before = vocabularyGeneration();
  for (let round = 0; vocabularyGeneration() === before; round++) wordNumbersOf(Array.from({ length: 1 << 16 }, (_, k) => `lemma-filler${round}-${k}`));
  // In the new generation the numbers kept by fold are not reused.
  for (const text of [texts[1]!, texts[0]!]) check(text);
});
