import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertSpansConsistent, assertVoicesPartition } from '../helpers.js';
import { fakeOutlets, provenanceOf, speakerOf, voiceAt } from './helpers.js';

const rossiya = fakeOutlets({ 'rossiya-1': 'Rossiya-1', rt: 'RT' });

const INTERVIEW = [
  'In an interview with Rossiya-1 aired on Sunday, President Vladimir Putin spoke about the conflict.',
  'Question: Mr President, do you think the sanctions are working?',
  'Putin: No. Our economy is stronger than ever, and I have said so for years.',
  'Question: What about the talks?',
  'Putin: We are open to talks, but only on our terms.',
  'This is exactly what I have been saying for years.',
].join('\n\n');

test('an interview transcript: each "Name:" turn is that speaker\'s words, each "Question:" the interviewer\'s, through the outlet that aired it', () => {
  const a = provenanceOf(INTERVIEW, { findOutlets: rossiya });
  assert.deepEqual(a.quotes.map((q) => [q.kind, q.text, speakerOf(a, q)?.name, q.outletId]), [
    ['direct', 'Mr President, do you think the sanctions are working?', 'the interviewer', 'rossiya-1'],
    ['direct', 'No. Our economy is stronger than ever, and I have said so for years.', 'Vladimir Putin', 'rossiya-1'],
    ['direct', 'What about the talks?', 'the interviewer', 'rossiya-1'],
    ['direct', 'We are open to talks, but only on our terms.', 'Vladimir Putin', 'rossiya-1'],
  ]);
  // "I" in Putin's answer is Putin, and no report inside it is the writer's; the writer's own line after the transcript stays the writer's.
  const putin = a.speakers.find((s) => s.name === 'Vladimir Putin')!;
  assert.ok(putin.mentions.some((m) => a.text.slice(m.start, m.end) === 'I'));
  assert.equal(voiceAt(a, INTERVIEW.indexOf('This is exactly')), 'author');
  assert.equal(voiceAt(a, INTERVIEW.indexOf('stronger')), 'quoted');
  assertSpansConsistent(a);
  assertVoicesPartition(a);
});

test('"Q:" and "A:" turns: the answers are the person the introduction names most; an outlet\'s name as a label is its interviewer', () => {
  const qa = provenanceOf('Zelensky spoke to RT on Monday. Zelensky was in Kyiv, where Mayor Vitali Klitschko met him.\n\nQ: Will you negotiate?\n\nA: Not while our land is occupied.', { findOutlets: rossiya });
  assert.deepEqual(qa.quotes.map((q) => [q.text, speakerOf(qa, q)?.name, q.outletId]), [
    ['Will you negotiate?', 'the interviewer', 'rt'],
    ['Not while our land is occupied.', 'Zelensky', 'rt'],
  ]);
  const labelled = provenanceOf('Lavrov sat down with us.\n\nRT: Is a ceasefire possible?\n\nLavrov: Everything depends on Washington.', { findOutlets: rossiya });
  assert.deepEqual(labelled.quotes.map((q) => [q.text, speakerOf(labelled, q)?.name, q.outletId]), [
    ['Is a ceasefire possible?', 'the interviewer', 'rt'],
    ['Everything depends on Washington.', 'Lavrov', 'rt'],
  ]);
  for (const a of [qa, labelled]) assertSpansConsistent(a);
});

test('labelled paragraphs that are not a conversation make no turns: places, days, notes, lists and a lone headline', () => {
  const texts = [
    'Weekly roundup\n\nGermany: The government approved a new budget on Tuesday.\n\nFrance: Protests continued in Paris over pension reform.',
    'Monday: Markets opened lower.\n\nTuesday: Markets recovered.',
    'Update: This article was corrected on Friday.\n\nNote: An earlier version misspelt a name.',
    'Pros: The phone is light and fast.\n\nCons: The battery is weak.',
    'Putin: the West wants to destroy Russia\n\nThe president spoke for three hours on Sunday.',
  ];
  for (const text of texts) {
    const a = provenanceOf(text);
    assert.deepEqual(a.quotes.map((q) => q.text), [], text);
  }
});
