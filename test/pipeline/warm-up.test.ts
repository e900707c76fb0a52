import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../src/pipeline/analyze.js';
import { warmUpDocument } from '../../src/pipeline/worker/warm-up.js';

test('warm-up articles fill every placeholder and reach the rarer token shapes', () => {
  const rounds = Array.from({ length: 6 }, (_, i) => warmUpDocument(i + 1));
  for (const text of rounds) {
    assert.doesNotMatch(text, /\{(name|place|day|month|n)\}/);
    assert.ok(text.split(/\s+/).length > 900, 'an article-sized text');
  }
  const all = rounds.join('\n');
  // Shapes the first template set lacked: contractions, abbreviations, URLs, non-ASCII letters.
  for (const shape of ["don't", 'U.S.', 'https://example.org', 'Zürich', '#RailLink', '2019–20']) assert.ok(all.includes(shape), shape);
});

test('a warm-up article analyses like any other: sentences, voices and findings', () => {
  const analysis = analyze(warmUpDocument(3));
  assert.ok(analysis.sentences.length > 50);
  assert.ok(analysis.quotes.length > 0);
  assert.ok(analysis.findings.length > 0);
});
