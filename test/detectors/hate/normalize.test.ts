import assert from 'node:assert/strict';
import { test } from 'node:test';
import { foldToken, foldWord } from '../../../src/detectors/hate/normalize.js';
import { buildTextModel } from '../../../src/text/model.js';

test('foldToken reads the token view and gives exactly what foldWord gives for the surface', () => {
  const text = 'Café owners said N0body h4tes the j.e.w.s or m-u-s-l-i-m-s; k*kes, don’t, ‘quoted’ ʼtwas Ｆｕｌｌ naïve ÉCOLE 1940 $hit |ol ﬁne straße İstanbul K-9 fo_o.';
  const tokens = buildTextModel(text).tokens;
  assert.ok(tokens.length > 20);
  for (const t of tokens) assert.equal(foldToken(t), foldWord(t.text), `token ${JSON.stringify(t.text)}`);
  // Again, with the folds of marks and figures kept by word number from the first round.
  for (const t of buildTextModel(text).tokens) assert.equal(foldToken(t), foldWord(t.text), `token ${JSON.stringify(t.text)} again`);
  // A changed fold would show: the plain-letter path returns the view's string itself.
  const plain = tokens.find((t) => t.text === 'owners')!;
  assert.equal(foldToken(plain), plain.fold);
});
