import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertSpansConsistent, assertVoicesPartition } from '../helpers.js';
import { provenanceOf, quoteWith, speakerOf } from './helpers.js';

test('a poll group after an opening phrase speaks: "those surveyed", a share, a proportion', () => {
  const a = provenanceOf('By a wide margin, those surveyed say the ferry should run all winter.');
  assert.equal(quoteWith(a, 'ferry')?.text, 'the ferry should run all winter');
  assert.equal(speakerOf(a, quoteWith(a, 'ferry'))?.name, 'those surveyed');
  const b = provenanceOf('On housing, 61% say the council should build more flats.');
  assert.equal(speakerOf(b, quoteWith(b, 'flats'))?.name, '61%');
  const c = provenanceOf('Among renters, nearly four in 10 saying they may move away next year.');
  assert.equal(quoteWith(c, 'move away')?.text, 'they may move away next year');
  assert.equal(speakerOf(c, quoteWith(c, 'move away'))?.name, 'nearly four in 10');
  for (const x of [a, b, c]) {
    assertSpansConsistent(x);
    assertVoicesPartition(x);
  }
});

test('"say" after a count is the cue even when the tagger reads it as a noun, but a counted noun is not', () => {
  const a = provenanceOf('About one in five say they would skip the vote entirely.');
  assert.equal(speakerOf(a, quoteWith(a, 'skip the vote'))?.name, 'About one in five');
  const b = provenanceOf('Majorities in all three say they trust the harbour board.');
  assert.equal(speakerOf(b, quoteWith(b, 'harbour board'))?.name, 'Majorities in all three');
  const c = provenanceOf('The four states that share the river signed the treaty.');
  assert.equal(c.quotes.length, 0);
  const d = provenanceOf('The 10 states he won in March went to the runoff.');
  assert.equal(d.quotes.length, 0);
});

test('a quantifier alone after a clause boundary, and "those who", are the speakers', () => {
  const a = provenanceOf('While several mayors stayed silent, many said on Friday that the tax was unfair.');
  assert.equal(speakerOf(a, quoteWith(a, 'tax was unfair'))?.name, 'many');
  const b = provenanceOf('Among those who said they walk to work, most backed the plan.');
  assert.equal(speakerOf(b, quoteWith(b, 'walk to work'))?.name, 'those who');
  // A quantifier inside a noun phrase is no group of its own.
  const c = provenanceOf('Some residents said the bridge was unsafe.');
  assert.match(speakerOf(c, quoteWith(c, 'bridge'))?.name ?? '', /residents$/);
});
