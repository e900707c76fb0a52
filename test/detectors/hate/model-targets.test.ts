import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeHate } from './verdict-checks.js';

// A model's decision names every group mention of its unit as a target, except a group word
// used of a place, an institution or a custom ("every Christian nation"), when another is left.
test('a group word before a noun for a country is not a target of the model\'s finding', () => {
  const text = 'Jews have controlled the City of London for three hundred years and they will not stop until every Christian nation is on its knees.';
  const findings = analyzeHate(text).findings.filter((f) => f.kind === 'hate');
  assert.equal(findings.length, 1, JSON.stringify(findings));
  assert.deepEqual(findings[0]!.targets, ['Jewish']);
  assert.ok(!(findings[0]!.evidence ?? []).some((e) => text.slice(e.start, e.end) === 'Christian'));
});
