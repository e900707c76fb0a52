import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LexemeForms } from '../../src/text/lexeme-forms.js';
import { buildTextModel, foldSurface } from '../../src/text/model.js';
import { wordNumber } from '../../src/text/word-numbers.js';

test('every token\'s norm, fold and word number are its surface\'s, whether its lexeme was met before or not', () => {
  // Capitals, accents, curly apostrophes, a word wink-nlp learns (not in its lexicon), and a
  // lexicon contraction left whole at a line end ("cannot."), each read cold and then warm.
  const texts = ['The Café’s owner, Zxqwerty, said they cannot.\nCANNOT be true.', 'the café owner zxqwerty said: ÉCOLE cannot.', 'The Café’s owner, Zxqwerty, said they cannot.\nCANNOT be true.'];
  const models = texts.map((t) => buildTextModel(t));
  for (const { tokens } of models) {
    for (const t of tokens) {
      assert.equal(t.norm, t.text.toLowerCase(), t.text);
      assert.equal(t.fold, foldSurface(t.text), t.text);
      assert.equal(t.word, wordNumber(t.fold), t.text);
    }
  }
  // A lexicon contraction wink-nlp left whole takes its lower case as lemma, warm or cold.
  const cannots = models.flatMap((m) => m.tokens.filter((t) => t.norm === 'cannot'));
  assert.equal(cannots.length, 3);
  for (const t of cannots) assert.equal(t.lemma, 'cannot', t.text);
  // The same text read again gives the same tokens.
  assert.deepEqual(models[2], models[0]);
});

test('LexemeForms keeps forms by lexeme index, each lexeme in a slot of its own, with the contraction mark and a lemma per tag', () => {
  const forms = new LexemeForms();
  assert.equal(forms.slotOf(0), -1);
  assert.equal(forms.slotOf(5000), -1);
  const cannot = forms.add(5000, 'cannot', 'cannot', 7, true);
  const the = forms.add(3, 'the', 'the', 1, false);
  assert.notEqual(cannot, the);
  assert.equal(forms.slotOf(5000), cannot);
  assert.equal(forms.slotOf(3), the);
  assert.equal(forms.slotOf(4), -1);
  assert.equal(forms.slotOf(100000), -1);
  assert.equal(forms.norms[cannot], 'cannot');
  assert.equal(forms.words[cannot], 7);
  assert.equal(forms.isContraction(cannot), true);
  assert.equal(forms.isContraction(the), false);
  assert.equal(forms.folds[the], 'the');
  assert.equal(forms.lemmaTags[the], '');
  forms.setLemma(the, 'DET', 'the');
  assert.equal(forms.lemmaTags[the], 'DET');
  assert.equal(forms.lemmas[the], 'the');
});
