import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createHateDetector } from '../../../src/detectors/hate/index.js';
import { formatGold, rate, readGold, scoreGold, type GoldCase } from '../../../src/eval/hate/gold.js';

const cases = readGold('test/fixtures/hate-gold/gold.jsonl');
const detector = createHateDetector();

test('gold set is large and varied enough to mean something', () => {
  assert.ok(cases.length >= 300, `${cases.length} cases`);
  assert.ok(new Set(cases.map((c) => c.group)).size >= 8);
  assert.equal(new Set(cases.map((c) => c.id)).size, cases.length, 'ids unique');
});

for (const split of ['dev', 'holdout', 'all'] as const) {
  test(`gold set (${split}): hateful recall >= 90%, neutral and counter-speech false positives <= 5%`, () => {
    const subset: GoldCase[] = split === 'all' ? cases : cases.filter((c) => c.split === split);
    const report = scoreGold(subset, detector);
    console.log(`# hate gold set, ${split} (${subset.length} cases)\n${formatGold(report)}`);
    const misses = report.outcomes.filter((o) => o.flagged !== (o.case.label !== 'normal')).map((o) => `${o.case.id} [${o.case.category}] ${o.case.text} -> ${o.label}`);
    if (misses.length) console.log(`# errors:\n${misses.join('\n')}`);
    assert.ok(rate(report.recall) >= 0.9, `hateful recall ${rate(report.recall)}`);
    assert.ok(rate(report.neutralFalsePositives) <= 0.05, `neutral false positives ${rate(report.neutralFalsePositives)}`);
    assert.ok(rate(report.counterSpeechFalsePositives) <= 0.05, `counter-speech false positives ${rate(report.counterSpeechFalsePositives)}`);
  });
}
