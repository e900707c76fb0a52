import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTextModel } from '../../src/text/model.js';
import { NO_WORD, UNANSWERED, WordAnswers, wordNumber } from '../../src/text/word-numbers.js';

test('a word form keeps one number for the whole process; different forms get different ones', () => {
  const a = wordNumber('migrants');
  const b = wordNumber('refugees');
  assert.ok(a >= 0 && b >= 0);
  assert.notEqual(a, b);
  // An equal string built another way (not the same object) gets the same number.
  assert.equal(wordNumber(['mig', 'rants'].join('')), a);
  assert.equal(wordNumber('refugees'), b);
});

test('every token carries the number of its fold, equal for equal folds across documents', () => {
  const first = buildTextModel('The Café opened. Migrants’ rights matter.').tokens;
  const second = buildTextModel('A cafe near the migrants; the CAFÉ closed.').tokens;
  for (const t of [...first, ...second]) {
    assert.notEqual(t.word, NO_WORD);
    assert.equal(t.word, wordNumber(t.fold), t.text);
  }
  const byFold = new Map<string, number>();
  for (const t of [...first, ...second]) {
    const seen = byFold.get(t.fold);
    if (seen !== undefined) assert.equal(t.word, seen, t.fold);
    byFold.set(t.fold, t.word);
  }
  // "Café", "cafe" and "CAFÉ" fold alike, so they share a number; "the" and "cafe" do not.
  const cafes = [...first, ...second].filter((t) => t.fold === 'cafe');
  assert.equal(cafes.length, 3);
  assert.equal(new Set(cafes.map((t) => t.word)).size, 1);
  assert.notEqual(byFold.get('the'), byFold.get('cafe'));
});

test('WordAnswers keeps an answer per number, unanswered until set, growing as numbers come', () => {
  const answers = new WordAnswers();
  assert.equal(answers.get(0), UNANSWERED);
  assert.equal(answers.get(5000), UNANSWERED);
  answers.set(3, -1);
  answers.set(5000, 42);
  assert.equal(answers.get(3), -1);
  assert.equal(answers.get(5000), 42);
  assert.equal(answers.get(4), UNANSWERED);
  answers.set(0, 0);
  assert.equal(answers.get(0), 0);
  assert.equal(answers.get(5000), 42);
});
