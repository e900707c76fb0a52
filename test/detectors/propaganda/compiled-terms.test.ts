import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { buildTextModel } from '../../../src/text/model.js';
import { compiledTermsPath, compileTermWords, foldWord, loadLexiconEntries, termWords } from '../../../src/detectors/propaganda/lexicons.js';

test('the compiled term table, when built, holds every shipped term with the words the text model gives it now', { skip: existsSync(compiledTermsPath()) ? false : 'not built (npm run build:data)' }, () => {
  const table = new Map(JSON.parse(readFileSync(compiledTermsPath(), 'utf8')) as [string, string[]][]);
  const terms = new Set(loadLexiconEntries().flatMap((e) => e.terms));
  assert.ok(terms.size > 500);
  for (const term of terms) {
    assert.ok(table.has(term), `"${term}" missing from ${compiledTermsPath()}: run npm run build:data`);
    assert.deepEqual(table.get(term), buildTextModel(term).tokens.map((t) => foldWord(t.text)), `"${term}" is stale: run npm run build:data`);
  }
  assert.deepEqual(compileTermWords(), [...table], 'the table is what build:data writes today');
});

test('a term the table lacks is tokenised as before', () => {
  // A fresh term, in no lexicon file: "nation’s" splits its clitic and folds the apostrophe.
  assert.deepEqual(termWords('our nation’s lighthouse keepers'), ['our', 'nation', "'s", 'lighthouse', 'keepers']);
});
