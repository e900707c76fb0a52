import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTextModel } from '../../src/text/model.js';

const tokens = (text: string) => buildTextModel(text).tokens.map((t) => t.text);

test('tokens depend on the document alone, not on what the process read before', () => {
  const probe = "I met Donald's brother, who isn't here.";
  const before = tokens(probe);
  buildTextModel("Taxes will go up, as will Donald's, and it isn't fair, isn't it, Donald's?");
  assert.deepEqual(tokens(probe), before);
  assert.deepEqual(before, ['I', 'met', 'Donald', "'s", 'brother', ',', 'who', 'is', "n't", 'here', '.']);
});

test('a word learnt from an earlier document, in any case, reads as it did the first time', () => {
  // Unknown words in several cases: wink-nlp learns each with a pointer to its lower-case form,
  // and takes them back in later documents; the model must be the one a fresh read gives.
  const probes = ['Zorblax met ZORBLAX, and zorblax left.', 'zorblax then Zorblax. QUIXLEY Quixley said so.', "Quixley's zorblax ZORBLAX's."];
  const first = probes.map((p) => JSON.stringify(buildTextModel(p)));
  for (const order of [probes, [...probes].reverse(), probes]) {
    for (const p of order) assert.equal(JSON.stringify(buildTextModel(p)), first[probes.indexOf(p)], p);
  }
});

test('every token slices its own text; line breaks end sentences', () => {
  const text = 'First line without a stop\nSecond line.\r\n\r\nThird “quoted” line 😀.';
  const model = buildTextModel(text);
  for (const t of model.tokens) assert.equal(text.slice(t.start, t.end), t.text);
  assert.deepEqual(model.sentences.map((s) => text.slice(s.start, s.end)), ['First line without a stop', 'Second line.', 'Third “quoted” line 😀.']);
  assert.ok(model.tokens.every((t) => t.sentence >= 0 && t.sentence < model.sentences.length));
});

test('a contraction wink-nlp leaves whole gets its own form as lemma, not a stray lexicon word', () => {
  const cannot = buildTextModel('They decide who can enter and who cannot.\nNext line.').tokens.find((t) => t.text === 'cannot');
  assert.equal(cannot?.lemma, 'cannot');
});

test('a sentence that ends in "in." or "no." ends there, though wink-nlp keeps the stop on the word', () => {
  const sentences = (text: string) => buildTextModel(text).sentences.map((s) => text.slice(s.start, s.end));
  assert.deepEqual(sentences('The family moved in. Jones said the road was closed.'), ['The family moved in.', 'Jones said the road was closed.']);
  assert.deepEqual(sentences('The answer was no. "Fine," she said.'), ['The answer was no.', '"Fine," she said.']);
  // A measure after a number, and "no." before a number, stay inside their sentence.
  assert.deepEqual(sentences('It is 5 in. Long and thin.'), ['It is 5 in. Long and thin.']);
  assert.deepEqual(sentences('Order no. 5 was late.'), ['Order no. 5 was late.']);
});
