import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertSpansConsistent, assertVoicesPartition } from '../helpers.js';
import { provenanceOf, quoteWith, speakerOf } from './helpers.js';

test('a dateline is not part of reported content, and "report" is a noun in "a congressional report"', () => {
  const a = provenanceOf('WASHINGTON (Reuters) - Hackers entered the bank network twice, according to a congressional report.');
  const q = quoteWith(a, 'Hackers');
  assert.equal(q?.text, 'Hackers entered the bank network twice');
  assert.equal(speakerOf(a, q)?.name, 'a congressional report');
});

test('a verb of manner right after a quote is its cue', () => {
  const a = provenanceOf('“This is fantastic!” beamed Donald Hartley of Madison.');
  const q = quoteWith(a, 'fantastic');
  assert.equal(speakerOf(a, q)?.name, 'Donald Hartley');
  assert.match(q!.explanation, /verb-after-quote/);
});

test('a long appositive between the quote and its cue', () => {
  const a = provenanceOf('“We will win this state easily,” Trump, the front-runner who leads every poll, said on Monday.');
  assert.equal(speakerOf(a, quoteWith(a, 'win this state'))?.name, 'Trump');
});

test('a programme name in Title Case is not a quote; the sentence is reported speech', () => {
  const a = provenanceOf('Senator Ann Kerr told ABC’s “Good Morning America” that the bill would pass.');
  assert.equal(quoteWith(a, 'Good Morning'), undefined);
  const q = quoteWith(a, 'bill would pass');
  assert.equal(q?.kind, 'indirect');
  assert.equal(speakerOf(a, q)?.name, 'Ann Kerr');
});

test('first person outside quotes is the author', () => {
  const a = provenanceOf('I told the court that the charges were political.');
  const q = quoteWith(a, 'charges');
  assert.equal(speakerOf(a, q)?.name, 'the author');
  assert.match(q!.explanation, /is the author/);
});

test('a participle cue takes the sentence subject: "…, saying “…”"', () => {
  const a = provenanceOf('Governor Lee Park vetoed the bill on Friday, saying “it would ruin small farms across the state.”');
  const q = quoteWith(a, 'ruin small farms');
  assert.equal(q?.kind, 'direct');
  assert.equal(speakerOf(a, q)?.name, 'Lee Park');
});

test('a speakerless quote inside reported speech is the reported speaker\'s', () => {
  const text = 'Cox says the association won’t allow “law-abiding gun owners to become scapegoats for failed policies.”';
  const a = provenanceOf(text);
  const direct = a.quotes.find((q) => q.kind === 'direct');
  const reported = a.quotes.find((q) => q.kind === 'indirect');
  assert.ok(direct && reported);
  assert.equal(direct.speakerId, reported.speakerId);
  assert.equal(speakerOf(a, direct)?.name, 'Cox');
  assertSpansConsistent(a);
  assertVoicesPartition(a);
});

test('a clause before a postposed cue must be a clause, not an adverbial', () => {
  const a = provenanceOf('Governor Wallace spoke in Alabama. In a 1963 speech, he declared his position.');
  assert.equal(quoteWith(a, 'In a 1963 speech'), undefined);
});

test('naming in the speaker\'s words: "called X “Y”" is attributed, the one quoted word too', () => {
  const a = provenanceOf('Former Governor Jeb Bush called Trump “unhinged.”');
  const naming = a.quotes.find((q) => q.kind === 'indirect');
  assert.equal(naming?.text, 'Trump “unhinged.”');
  assert.equal(speakerOf(a, naming)?.name, 'Jeb Bush');
  const word = a.quotes.find((q) => q.text === 'unhinged.');
  assert.equal(word?.kind, 'direct', 'not a scare quote: Bush said it');
  assert.equal(word?.speakerId, naming?.speakerId);
});

test('a passive cue reports speech with no named speaker', () => {
  const a = provenanceOf('When asked whether he would run again, the senator smiled.');
  const q = quoteWith(a, 'whether he would run');
  assert.equal(q?.kind, 'indirect');
  assert.equal(q?.speakerId, null);
  assert.match(q!.explanation, /passive/);
});

test('a headline "Name: ‘Quote’" is attributed to the name, a Title Case quote included', () => {
  const a = provenanceOf('Trump: ‘I’m the Worst Thing That Ever Happened to the Establishment.’\n\nThe rally went on.');
  const q = quoteWith(a, 'Worst Thing');
  assert.equal(q?.kind, 'direct');
  assert.equal(speakerOf(a, q)?.name, 'Trump');
});

test('a quote inside a paragraph does not continue the previous paragraph\'s speaker', () => {
  const a = provenanceOf('“We will win,” said Mark Stone.\n\nCritics call the plan ‘a complete and utter waste of money’ and worse.');
  const q = quoteWith(a, 'utter waste');
  assert.equal(q?.speakerId, null);
});
