import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertSpansConsistent, assertVoicesPartition } from '../helpers.js';
import { provenanceOf, quoteWith, speakerOf, voiceAt } from './helpers.js';

test('a direct quote in straight marks is attributed through the cue after it', () => {
  const a = provenanceOf('Mayor Ana Lopez visited the site.\n\n"We will rebuild every house," Lopez said on Tuesday.');
  const q = quoteWith(a, 'rebuild');
  assert.equal(q?.kind, 'direct');
  assert.equal(q?.text, 'We will rebuild every house,', 'span covers the words between the marks, not the marks');
  assert.equal(q?.cue?.text, 'said');
  assert.equal(speakerOf(a, q)?.name, 'Ana Lopez');
  assert.match(q!.explanation, /said/);
  assert.equal(voiceAt(a, q!.start), 'quoted');
  assertSpansConsistent(a);
  assertVoicesPartition(a);
});

test('a quote in curly marks with the cue before it, after a colon', () => {
  const a = provenanceOf('The minister, Pavel Orlov, said: “The border will stay open for trade.”');
  const q = quoteWith(a, 'border');
  assert.equal(q?.kind, 'direct');
  assert.equal(speakerOf(a, q)?.name, 'Pavel Orlov');
  assert.match(q!.explanation, /before the quote/);
});

test('a quote whose opening mark is missing starts with its paragraph', () => {
  const text = 'Kassym-Jomart Tokayev spoke in Astana.\n\n…no threat to anyone,” Tokayev told reporters.';
  const a = provenanceOf(text);
  const q = quoteWith(a, 'no threat');
  assert.equal(q?.kind, 'direct');
  assert.equal(q?.start, text.indexOf('…no threat'));
  assert.equal(speakerOf(a, q)?.name, 'Kassym-Jomart Tokayev');
  assert.match(q!.explanation, /opening mark missing/);
});

test('a quote running over two paragraphs is one quote with one speaker', () => {
  const text = '“The first part of the statement is long.\n\n“And the second part goes on,” said Mr. Brown, a spokesman for the ministry.';
  const a = provenanceOf(text);
  const q = quoteWith(a, 'first part');
  assert.ok(q, 'quote found');
  assert.ok(q.text.includes('second part'), 'the quote covers both paragraphs');
  assert.equal(q.kind, 'direct');
  assert.equal(speakerOf(a, q)?.name, 'Brown');
  assertVoicesPartition(a);
});

test('both parts of a quote split around its cue belong to the same speaker', () => {
  const a = provenanceOf('Senator Maria Keller left the room.\n\n“We tried our best,” she said. “The vote was close.”');
  const first = quoteWith(a, 'tried');
  const second = quoteWith(a, 'vote was close');
  assert.equal(first?.kind, 'direct');
  assert.equal(second?.kind, 'direct', 'a whole short sentence is speech, not a scare quote');
  assert.equal(speakerOf(a, first)?.name, 'Maria Keller');
  assert.equal(second?.speakerId, first?.speakerId);
  assert.deepEqual(second?.cue, first?.cue, 'the continuation shares the cue');
  assert.match(second!.explanation, /continues/);
});

test('reported speech: "said on Sunday that", "told X that", "according to X"', () => {
  const text = 'Prime Minister Jonas Berg said on Sunday that taxes would fall next year. Berg told parliament that the budget was balanced. Unemployment rose sharply, according to the statistics office.';
  const a = provenanceOf(text);
  const taxes = quoteWith(a, 'taxes would fall');
  assert.equal(taxes?.kind, 'indirect');
  assert.equal(taxes?.text, 'that taxes would fall next year');
  assert.equal(speakerOf(a, taxes)?.name, 'Jonas Berg');
  assert.equal(voiceAt(a, taxes!.start + 5), 'reported');
  const budget = quoteWith(a, 'budget');
  assert.equal(budget?.kind, 'indirect');
  assert.equal(budget?.speakerId, taxes?.speakerId);
  const unemployment = quoteWith(a, 'Unemployment');
  assert.equal(unemployment?.kind, 'indirect');
  assert.equal(unemployment?.cue?.text, 'according to');
  assert.equal(speakerOf(a, unemployment)?.name, 'the statistics office');
  assertSpansConsistent(a);
  assertVoicesPartition(a);
});

test('reported speech after the content: "…, the minister said."', () => {
  const a = provenanceOf('Minister Ruth Adler arrived late. The talks will resume in May, she said.');
  const q = quoteWith(a, 'talks will resume');
  assert.equal(q?.kind, 'indirect');
  assert.equal(q?.text, 'The talks will resume in May');
  assert.equal(speakerOf(a, q)?.name, 'Ruth Adler');
});

test('scare quotes are the author\'s, kept apart from real quotes', () => {
  const text = 'Western-funded “activists” gathered in the square while police watched.';
  const a = provenanceOf(text);
  const q = quoteWith(a, 'activists');
  assert.equal(q?.kind, 'scare');
  assert.equal(q?.speakerId, null);
  assert.equal(q?.cue, null);
  assert.equal(voiceAt(a, q!.start), 'author');
  assert.equal(a.speakers.length, 0);
});

test('a quoted title of a work is not a quote at all', () => {
  const a = provenanceOf('The channel aired the film “Ukraine on Fire” twice last week.');
  assert.equal(quoteWith(a, 'Ukraine on Fire'), undefined);
});

test('a short quote with its cue right next to it is a real quote', () => {
  const a = provenanceOf('Officials in Kyiv were asked about the deal. “Never,” said Oleg Bondar.');
  const q = quoteWith(a, 'Never');
  assert.equal(q?.kind, 'direct');
  assert.equal(speakerOf(a, q)?.name, 'Oleg Bondar');
});

test('two apostrophes and guillemets work as quotation marks', () => {
  const a = provenanceOf("''We need more time to decide,'' said John Ward. «This is only the beginning of it», said Marie Dubois.");
  assert.equal(speakerOf(a, quoteWith(a, 'more time'))?.name, 'John Ward');
  assert.equal(speakerOf(a, quoteWith(a, 'only the beginning'))?.name, 'Marie Dubois');
  assertSpansConsistent(a);
});

test('a quote with no cue after a sentence about a person is that person’s; after one about a thing it stays unattributed', () => {
  const a = provenanceOf('“We are ready,” Vladimir Orlov said.\n\nThe talks then turned to money. He was blunt about the economy. “Our economy grew by 3.6 percent last year.”');
  const q = quoteWith(a, 'economy grew');
  assert.equal(speakerOf(a, q)?.name, 'Vladimir Orlov');
  assert.match(q!.explanation, /sentence just before it/);
  const b = provenanceOf('Maria Lindqvist arrived late. “We will judge the results.”');
  assert.equal(speakerOf(b, quoteWith(b, 'judge'))?.name, 'Maria Lindqvist');
  const c = provenanceOf('The economy is weak. “We will fix it.”');
  assert.equal(quoteWith(c, 'fix it')?.speakerId, null);
});
