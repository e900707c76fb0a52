import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertSpansConsistent } from '../helpers.js';
import { provenanceOf, quoteWith, speakerOf } from './helpers.js';

test('"it" inside an organisation\'s reported speech is that organisation, not the one named before', () => {
  const text = 'The Farmers’ Association met on Monday.\n\nThe opposition said on Thursday that it would ask the court to review the agreement.';
  const a = provenanceOf(text);
  const outer = quoteWith(a, 'that it would ask');
  const opposition = speakerOf(a, outer);
  assert.equal(opposition?.name, 'The opposition');
  for (const q of a.quotes) assert.equal(q.speakerId, outer!.speakerId, `"${q.text}" is the opposition's`);
  assert.ok(!a.speakers.some((s) => s.name.includes('Association')), 'the association says nothing');
  const it = text.indexOf(' it would') + 1;
  assert.ok(opposition!.mentions.some((m) => m.start === it && m.end === it + 2), '"it" is a mention of the opposition');
  assertSpansConsistent(a);
});

test('a nested pronoun that does not agree with the reporting speaker is resolved as before', () => {
  const text = 'Anna Petrova met the committee on Monday. Ivan Sidorov said that she told the committee that prices would rise.';
  const a = provenanceOf(text);
  assert.equal(speakerOf(a, quoteWith(a, 'she told'))?.name, 'Ivan Sidorov');
  assert.equal(speakerOf(a, a.quotes.find((q) => q.text === 'that prices would rise'))?.name, 'Anna Petrova', '"she" is not the man who reports her');
});

test('"it" can stand for a collective or a document described in the singular, never for a person or a plural role', () => {
  const a = provenanceOf('The report said on Monday that the rally was cancelled. It added that refunds would follow.');
  assert.equal(speakerOf(a, quoteWith(a, 'refunds'))?.name, 'The report');
  const person = provenanceOf('The Farmers’ Association met on Monday. His neighbour said that the rally was cancelled. It added that refunds would follow.');
  assert.equal(speakerOf(person, quoteWith(person, 'refunds'))?.name, 'The Farmers’ Association', '"it" is never a person');
  const b = provenanceOf('The Farmers’ Association met on Monday. Officials said that the rally was cancelled. It added that refunds would follow.');
  assert.equal(speakerOf(b, quoteWith(b, 'refunds'))?.name, 'The Farmers’ Association', 'not "Officials"');
});
