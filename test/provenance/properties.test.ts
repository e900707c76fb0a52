import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { assertSpansConsistent, assertVoicesPartition } from '../helpers.js';
import { fakeOutlets, provenanceOf } from './helpers.js';

const PIECES = [
  'Kassym-Jomart Tokayev',
  ' said',
  ' told Anna Petrova of Channel One',
  ' that the talks failed.',
  ' “We are no threat to anyone,” ',
  '…no threat,” he added. ',
  '"A," she said. "B." ',
  "''Never,'' said Mr. Brown. ",
  ' according to RIA Novosti, ',
  ' Western-funded “activists” ',
  '\n\n',
  '\r\n',
  '“Unclosed quote runs on',
  ' «Très bien», ',
  ' 😀 ',
  'Ágnes Kovács',
  ', the agency said.',
  ' He',
  ' The Kazakh president',
  ' I told the court ',
  ':',
  ' — ',
];

test('on any mix of quote forms: spans exact, voices partition, ids and references consistent', () => {
  const findOutlets = fakeOutlets({ c1: 'Channel One', ria: 'RIA Novosti' });
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 25 }), (pieces) => {
      const text = pieces.join('');
      if (text.trim() === '') return;
      const a = provenanceOf(text, { findOutlets });
      assertSpansConsistent(a);
      assertVoicesPartition(a);
      const speakerIds = new Set(a.speakers.map((s) => s.id));
      const outletIds = new Set(a.outlets.map((o) => o.id));
      assert.equal(new Set(a.quotes.map((q) => q.id)).size, a.quotes.length, 'quote ids are unique');
      assert.equal(speakerIds.size, a.speakers.length, 'speaker ids are unique');
      for (let i = 1; i < a.quotes.length; i++) assert.ok(a.quotes[i - 1]!.start <= a.quotes[i]!.start, 'quotes in text order');
      for (const q of a.quotes) {
        if (q.speakerId !== null) assert.ok(speakerIds.has(q.speakerId), `${q.id} speaker exists`);
        if (q.outletId !== null) assert.ok(outletIds.has(q.outletId), `${q.id} outlet exists`);
        if (q.kind === 'scare') assert.equal(q.speakerId, null, 'scare quotes have no speaker');
        assert.ok(q.explanation.length > 0);
      }
      for (const s of a.speakers) assert.ok(a.quotes.some((q) => q.speakerId === s.id), `${s.id} speaks at least once`);
    }),
    { numRuns: 120, seed: 11 },
  );
});
