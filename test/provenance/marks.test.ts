import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { findQuotedSegments } from '../../src/provenance/marks.js';

const inner = (text: string) => findQuotedSegments(text).map((s) => text.slice(s.start, s.end));

test('straight, curly, low-9 and guillemet quotes; the span excludes the marks', () => {
  assert.deepEqual(inner('He said "yes" and “no” and „vielleicht“ and «peut-être».'), ['yes', 'no', 'vielleicht', 'peut-être']);
});

test('an apostrophe is not a quotation mark, single curly quotes are', () => {
  assert.deepEqual(inner('It’s the voters’ choice, a ‘stronger’ one.'), ['stronger']);
});

test('an unclosed quote ends with its paragraph', () => {
  const text = '“This goes on and on\n\nA new paragraph.';
  const segs = findQuotedSegments(text);
  assert.equal(segs.length, 1);
  assert.equal(text.slice(segs[0]!.start, segs[0]!.end), 'This goes on and on');
  assert.equal(segs[0]!.close, -1);
});

test('a quote continues into the next paragraph when it opens with a mark', () => {
  const text = '“One.\n\n“Two,” he said.';
  const segs = findQuotedSegments(text);
  assert.equal(segs.length, 1);
  assert.equal(segs[0]!.paragraphs, 2);
  assert.equal(text.slice(segs[0]!.start, segs[0]!.end), 'One.\n\n“Two,');
});

test('segments are ordered, disjoint and inside the text for any mix of marks', () => {
  const piece = fc.constantFrom('"', '“', '”', '‘', '’', "'", "''", '«', '»', ' ', 'word', '\n\n', ',', '.', '😀');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
      const text = pieces.join('');
      let previous = 0;
      for (const s of findQuotedSegments(text)) {
        assert.ok(s.start >= previous && s.start < s.end && s.end <= text.length);
        assert.ok(s.outerStart <= s.start && s.end <= s.outerEnd);
        assert.equal(text.slice(s.start, s.end).trim(), text.slice(s.start, s.end));
        previous = s.end;
      }
    }),
    { numRuns: 300, seed: 7 },
  );
});
