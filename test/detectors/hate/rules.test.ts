import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dataPath } from '../../../src/core/paths.js';
import { loadRuleFile } from '../../../src/core/rules.js';
import { createHateDetector } from '../../../src/detectors/hate/index.js';
import { compileRuleSet, type HateRuleEntry } from '../../../src/detectors/hate/rules.js';
import { analyze } from '../../../src/pipeline/analyze.js';

const rules = loadRuleFile<HateRuleEntry>(dataPath('hate', 'rules.yml'), ['label', 'category', 'patterns']).entries;
const detector = createHateDetector();
const ruleIdsOf = (text: string) => analyze(text, { detectors: [detector] }).findings.flatMap((f) => (f.explanation.match(/rule ([a-z0-9.-]+)/g) ?? []).map((m) => m.slice(5)));

test('every hate rule has examples and counterexamples, and every data file loads', () => {
  for (const rule of rules) {
    assert.ok((rule.examples ?? []).length > 0, `${rule.id} has examples`);
    assert.ok((rule.counterexamples ?? []).length > 0, `${rule.id} has counterexamples`);
  }
  for (const file of ['groups.yml', 'slurs.yml', 'vocabulary.yml', 'guards.yml']) assert.doesNotThrow(() => loadRuleFile(dataPath('hate', file)));
});

for (const rule of rules) {
  test(`rule ${rule.id}: fires on its examples and not on its counterexamples`, () => {
    for (const example of rule.examples ?? []) assert.ok(ruleIdsOf(example).includes(rule.id), `${rule.id} should fire on: ${example} (got ${ruleIdsOf(example).join(', ') || 'nothing'})`);
    for (const counter of rule.counterexamples ?? []) assert.ok(!ruleIdsOf(counter).includes(rule.id), `${rule.id} should not fire on: ${counter}`);
  });
}

test('an unknown word list in a pattern is a data error naming the rule', () => {
  const bad: HateRuleEntry = { id: 'bad', description: 'x', source: 'x', label: 'hatespeech', category: 'x', patterns: ['GRP {nosuchlist}'] };
  assert.throws(() => compileRuleSet([], [bad], []), /rule bad uses unknown word list \{nosuchlist\}/);
});

test('the benign guard clears "GRP are not afraid to ..." (praise the network misread) but not a threat', () => {
  const hateOf = (text: string) => analyze(text, { detectors: [detector] }).findings.filter((f) => f.kind === 'hate' && f.label === 'hatespeech').length;
  assert.equal(hateOf('Women are not afraid to speak up for others.'), 0);
  assert.ok(hateOf('I will make sure migrants regret ever setting foot here.') > 0);
});
