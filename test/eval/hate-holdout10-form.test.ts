import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expandSuite } from '../../src/eval/hate/functional.js';

// Only the form of the tenth holdout is checked here, never the detector on it: the suite is
// measured once, at the end of the hate5 round, so this file must not import the detector.
const DIR = 'data/hate/functional';
const EARLIER = ['train', 'dev-hate4', 'holdout', 'holdout2', 'holdout3', 'holdout4', 'holdout5', 'holdout6', 'holdout7', 'holdout8', 'holdout9'];

test('the tenth holdout (written by a separate helper for hate5) is well formed, covers every functionality and group, and shares no sentence with the earlier suites', () => {
  const earlierCases = EARLIER.flatMap((name) => expandSuite(`${DIR}/${name}.yml`));
  const earlierTexts = new Set(earlierCases.map((c) => c.text));
  const holdout10 = expandSuite(`${DIR}/holdout10.yml`);

  assert.ok(new Set(holdout10.map((c) => c.template)).size >= 160);
  assert.ok(holdout10.length >= 4000, `${holdout10.length} sentences`);
  assert.equal(new Set(holdout10.map((c) => c.group).filter(Boolean)).size, 14);
  // Every functionality that an earlier suite names is present, hateful and not.
  const functionalities = new Set(holdout10.map((c) => c.functionality));
  assert.deepEqual([...new Set(earlierCases.map((c) => c.functionality))].filter((f) => !functionalities.has(f)), []);
  assert.ok(holdout10.some((c) => c.label === 'hateful') && holdout10.some((c) => c.label === 'not-hateful'));

  assert.deepEqual(holdout10.filter((c) => earlierTexts.has(c.text)).map((c) => c.text), []);
  const seen = new Set<string>();
  const repeated = holdout10.filter((c) => (seen.has(c.text) ? true : (seen.add(c.text), false))).map((c) => c.text);
  assert.deepEqual(repeated, []);
  for (const c of holdout10) assert.doesNotMatch(c.text, /\{[A-Z0-9]+\}/, c.text);
});
