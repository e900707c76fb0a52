import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { loadRuleFile, validateRuleFile } from '../../src/core/rules.js';
import { renderErrorsDoc, renderRulesDoc, ruleFiles } from '../../scripts/docs-content.js';
import { ERRORS } from '../../src/core/errors.js';

test('every rule file under data/ loads: ids unique and well formed, description and source present', () => {
  for (const path of ruleFiles()) {
    const file = loadRuleFile(path);
    assert.ok(file.entries.length > 0, path);
  }
});

test('the rule-file check rejects duplicates and malformed entries', () => {
  const base = { title: 'T', description: 'D' };
  const ok = { id: 'a', description: 'x', source: 'https://example.org' };
  assert.doesNotThrow(() => validateRuleFile({ ...base, entries: [ok] }, 'mem'));
  assert.throws(() => validateRuleFile({ ...base, entries: [ok, { ...ok }] }, 'mem'), /duplicate id a/);
  assert.throws(() => validateRuleFile({ ...base, entries: [{ ...ok, id: 'Bad Id' }] }, 'mem'), /id must match/);
  assert.throws(() => validateRuleFile({ ...base, entries: [{ id: 'b', description: 'x' }] }, 'mem'), /missing source/);
  assert.throws(() => validateRuleFile({ ...base, entries: [{ ...ok, patterns: [] }] }, 'mem', ['patterns']), /missing patterns/);
  assert.throws(() => validateRuleFile({ title: 'T', entries: [ok] }, 'mem'), /missing description/);
});

test('error codes are unique and follow UNSPIN_E_', () => {
  const codes = Object.values(ERRORS).map((e) => e.code);
  assert.equal(new Set(codes).size, codes.length);
  for (const code of codes) assert.match(code, /^UNSPIN_E_[A-Z_]+$/);
});

test('docs/errors.md and docs/rules.md are generated from the current sources (npm run docs)', () => {
  assert.equal(readFileSync('docs/errors.md', 'utf8'), renderErrorsDoc());
  assert.equal(readFileSync('docs/rules.md', 'utf8'), renderRulesDoc());
});
