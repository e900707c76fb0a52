import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { hateVerdict } from '../../../src/detectors/hate/verdict.js';
import { evaluateFunctional, expandSuite, formatFunctional } from '../../../src/eval/hate/functional.js';
import { analyze } from '../../../src/pipeline/analyze.js';
import { createHateDetector } from '../../../src/detectors/hate/index.js';

const GROUPS = `title: G
description: tiny groups
entries:
  - { id: g1, description: d, source: s, target: Islam, plural: [Muslims, Muslim people], singular: a Muslim, adjective: Muslim, slurs: [ragheads] }
  - { id: g2, description: d, source: s, target: Women, plural: [women], singular: a woman, adjective: female, slurs: [] }
`;
const SUITE = `title: S
description: tiny suite
entries:
  - { id: dehum, description: d, source: s, label: hateful, accept: [hatespeech], templates: ["{G} are vermin.", "{S} out!"] }
  - { id: neutral, description: d, source: s, label: not-hateful, accept: [normal], templates: ["I met {G1} and {A} friends.", "Mondays are fine."] }
  - { id: person, description: d, source: s, label: not-hateful, accept: [normal, offensive], templates: ["{N} is rude."] }
`;

function tinySuite(suite = SUITE): string {
  const dir = mkdtempSync(join(tmpdir(), 'unspin-functional-'));
  writeFileSync(join(dir, 'groups.yml'), GROUPS);
  writeFileSync(join(dir, 'suite.yml'), suite);
  return join(dir, 'suite.yml');
}

test('functional suite: placeholders expand per group form, slurs only where a group has them, names for {N}', () => {
  const cases = expandSuite(tinySuite());
  const texts = cases.map((c) => c.text);
  assert.deepEqual(texts.slice(0, 4), ['Muslims are vermin.', 'Muslim people are vermin.', 'Women are vermin.', 'Ragheads out!']);
  assert.ok(texts.includes('I met a Muslim and Muslim friends.'));
  assert.ok(texts.includes('I met a woman and female friends.'));
  assert.equal(cases.filter((c) => c.template === 'neutral-2').length, 1);
  assert.equal(cases.filter((c) => c.functionality === 'person').length, 6);
  assert.equal(cases.find((c) => c.text === 'Women are vermin.')!.target, 'Women');
});

test('functional suite: scores per functionality and group, and lists failures', () => {
  const cases = expandSuite(tinySuite());
  const r = evaluateFunctional(cases, (text) => ({ label: /vermin/.test(text) ? 'hatespeech' : 'normal', targets: ['Islam'], findingIds: [] }));
  const row = (name: string) => r.byFunctionality.find((f) => f.name === name)!;
  assert.deepEqual([row('dehum').passed, row('dehum').n], [3, 4]);
  assert.equal(row('neutral').passed, row('neutral').n);
  assert.equal(r.failures.length, 1);
  assert.equal(r.failures[0]!.c.text, 'Ragheads out!');
  assert.equal(r.targetHits, 2);
  assert.equal(r.targetCases, 3);
  assert.match(formatFunctional(r, true), /dehum-2 \| g1 \| normal \| Ragheads out!/);
});

test('functional suite: a malformed suite is an evaluation-data error naming the file', () => {
  const path = tinySuite('title: S\ndescription: d\nentries:\n  - { id: x, description: d, source: s, label: maybe, accept: [normal], templates: [a] }\n');
  assert.throws(() => expandSuite(path), (e: Error & { code?: string }) => e.code === 'UNSPIN_E_EVAL_DATA' && e.message.includes(path));
});

test('the shipped suite has at least 300 templates and 6,000 sentences over at least 12 groups, with disjoint train and holdout', () => {
  const train = expandSuite('data/hate/functional/train.yml');
  const holdout = expandSuite('data/hate/functional/holdout.yml');
  const templates = new Set([...train.map((c) => `train:${c.template}`), ...holdout.map((c) => `holdout:${c.template}`)]);
  assert.ok(templates.size >= 300, `${templates.size} templates`);
  assert.ok(train.length + holdout.length >= 6000);
  assert.ok(new Set(train.map((c) => c.group).filter(Boolean)).size >= 12);
  const trainTexts = new Set(train.map((c) => c.text));
  assert.equal(holdout.filter((c) => trainTexts.has(c.text)).length, 0);
  // The second holdout shares no sentence with training or with the first holdout, and covers 12 groups or more.
  const holdout2 = expandSuite('data/hate/functional/holdout2.yml');
  const seen = new Set([...trainTexts, ...holdout.map((c) => c.text)]);
  assert.equal(holdout2.filter((c) => seen.has(c.text)).length, 0);
  assert.ok(new Set(holdout2.map((c) => c.group).filter(Boolean)).size >= 12);
  // The third holdout (written before the v3 tuning) shares no sentence with any of them.
  const holdout3 = expandSuite('data/hate/functional/holdout3.yml');
  for (const c of holdout2) seen.add(c.text);
  assert.equal(holdout3.filter((c) => seen.has(c.text)).length, 0);
  assert.ok(new Set(holdout3.map((c) => c.group).filter(Boolean)).size >= 12);
});

test('the ninth holdout (written by a separate helper before hate4) is well formed, covers every group and shares no sentence with the earlier suites', () => {
  const earlier = new Set<string>();
  for (const name of ['train', 'holdout', 'holdout2', 'holdout3', 'holdout4', 'holdout5', 'holdout6', 'holdout7', 'holdout8']) {
    for (const c of expandSuite(`data/hate/functional/${name}.yml`)) earlier.add(c.text);
  }
  const holdout9 = expandSuite('data/hate/functional/holdout9.yml');
  assert.ok(new Set(holdout9.map((c) => c.template)).size >= 100);
  assert.equal(new Set(holdout9.map((c) => c.group).filter(Boolean)).size, 14);
  assert.deepEqual(holdout9.filter((c) => earlier.has(c.text)).map((c) => c.text), []);
  for (const c of holdout9) assert.doesNotMatch(c.text, /\{[A-Z0-9]+\}/, c.text);
});

test('functional cases are judged by the author-voice verdict of a full analysis', () => {
  const detectors = [createHateDetector()];
  const verdict = hateVerdict(analyze('Muslims are vermin.', { detectors }).findings);
  assert.equal(verdict.label, 'hatespeech');
  assert.deepEqual(verdict.targets, ['Islam']);
});
