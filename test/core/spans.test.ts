import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyze } from '../../src/index.js';
import { OffsetMap } from '../../src/core/codepoints.js';
import { assertSpansConsistent, assertVoicesPartition } from '../helpers.js';

const PIECES = ['Tokayev said', ' “We are no threat,” ', 'he told RIA Novosti.', '\r\n', '\n\n', '😀', '東京の会議', 'e\u0301', 'naïve café', ' Western-funded “activists” ', '"A," he said. "B."', ' 2020 ', '$20bn', '\t', '👩‍👩‍👧', 'Ünïcödé'];

test('spans stay exact on arbitrary mixes of emoji, CJK, combining marks and CRLF', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 30 }), (pieces) => {
      const text = pieces.join('');
      if (text.trim() === '') return;
      const analysis = analyze(text);
      assert.equal(analysis.text, text);
      assertSpansConsistent(analysis);
      assertVoicesPartition(analysis);
    }),
    { numRuns: 60, seed: 42 },
  );
});

test('code-point offsets round-trip through UTF-16 offsets', () => {
  const text = 'a😀b東c👩‍👩‍👧d';
  const map = new OffsetMap(text);
  assert.equal(map.codePointLength, [...text].length);
  for (let cp = 0; cp <= map.codePointLength; cp++) {
    const u = map.toUtf16(cp);
    assert.equal(map.toCodePoint(u), cp);
    assert.equal([...text].slice(0, cp).join('').length, u);
  }
  assert.throws(() => map.toUtf16(map.codePointLength + 1), RangeError);
});
