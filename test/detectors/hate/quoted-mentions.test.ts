import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeHate, clean, verdict } from './verdict-checks.js';

test('hate in quotation marks that the writer has seen, or dismisses with an idiom, is quoted, not the writer\'s', () => {
  clean(["I keep seeing 'gas the Jews' under every video and nobody removes it.", "Spotted 'Muslims are vermin' sprayed on the bus shelter this morning.", "'Migrants are parasites', my foot. Half the hospital runs on them.", "'Roma are thieves', yeah right, says the man who fiddles his expenses."]);
  const seen = analyzeHate("Saw 'Muslims are vermin' on a wall today.").findings.filter((f) => f.kind === 'hate');
  assert.ok(seen.length > 0 && seen.every((f) => f.voice === 'quoted'), JSON.stringify(seen.map((f) => f.voice)));
  // Endorsed, it is the writer's again.
  assert.equal(verdict("I keep seeing 'gas the Jews' under every video and I agree."), 'hatespeech');
});

test('"fag" for a cigarette in more phrasings is no slur', () => {
  clean(['Nipping out for a fag, back in five.', 'He is a forty-a-day fag man and proud of it.', 'Gasping for a fag after that meeting.']);
  assert.notEqual(verdict('You are a fag and everyone knows it.'), 'normal');
});
