import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expandSuite } from '../../src/eval/hate/functional.js';

// Only the form of the held-out suites is checked here, never the detector on them: each is
// measured once, at the end of the round it was written for, by a helper that did not tune, so
// this file must not import the detector. A training suite written after a holdout (dev-neutral7)
// is checked against it too, so that no held-out sentence is ever trained on.
const DIR = 'data/hate/functional';
const SPENT = ['train', 'dev-hate4', 'holdout', 'holdout2', 'holdout3', 'holdout4', 'holdout5', 'holdout6', 'holdout7', 'holdout8', 'holdout9'];
// `later`: suites written for tuning after the holdout, which must share no sentence with it either.
const HOLDOUTS: { name: string; round: string; earlier: string[]; later?: string[]; minTemplates?: number; minSentences?: number }[] = [
  { name: 'holdout10', round: 'the tenth holdout (written by a separate helper for hate5)', earlier: SPENT },
  { name: 'holdout11', round: 'the eleventh holdout (written by a separate helper for the round after hate5)', earlier: [...SPENT, 'holdout10', 'dev-neutral7'] },
  { name: 'holdout12', round: 'the twelfth holdout (written by a separate helper for the round after hate6)', earlier: [...SPENT, 'holdout10', 'holdout11', 'dev-neutral7', 'dev-hate8', 'dev-net8'], minTemplates: 240, minSentences: 5000 },
  { name: 'holdout13', round: 'the thirteenth holdout (written by a separate helper for the round after holdout12)', earlier: [...SPENT, 'holdout10', 'holdout11', 'holdout12', 'dev-neutral7', 'dev-hate8', 'dev-net8'], minTemplates: 200, minSentences: 4500 },
  { name: 'holdout14', round: 'the fourteenth holdout (written by a separate helper for the round after holdout13)', earlier: [...SPENT, 'holdout10', 'holdout11', 'holdout12', 'holdout13', 'dev-neutral7', 'dev-hate8', 'dev-net8'], later: ['dev-hate10'], minTemplates: 280, minSentences: 6000 },
  { name: 'holdout15', round: 'the fifteenth holdout (written by a separate helper for the last round of 2026-12-06)', earlier: [...SPENT, 'holdout10', 'holdout11', 'holdout12', 'holdout13', 'holdout14', 'dev-neutral7', 'dev-hate8', 'dev-net8', 'dev-hate10'], minTemplates: 280, minSentences: 6000 },
  { name: 'holdout16', round: 'the sixteenth holdout (written by a separate helper for the last round of 2026-12-06, after holdout15)', earlier: [...SPENT, 'holdout10', 'holdout11', 'holdout12', 'holdout13', 'holdout14', 'holdout15', 'dev-neutral7', 'dev-hate8', 'dev-net8', 'dev-hate10'], minTemplates: 260, minSentences: 5500 },
  { name: 'holdout17', round: 'the seventeenth holdout (written by a separate helper for the first round of 2026-12-07, after holdout16)', earlier: [...SPENT, 'holdout10', 'holdout11', 'holdout12', 'holdout13', 'holdout14', 'holdout15', 'holdout16', 'dev-neutral7', 'dev-hate8', 'dev-net8', 'dev-hate10'], later: ['dev-hate11', 'dev-hate12'], minTemplates: 300, minSentences: 6000 },
  { name: 'holdout18', round: 'the eighteenth holdout (written by a separate helper for the round after holdout17)', earlier: [...SPENT, 'holdout10', 'holdout11', 'holdout12', 'holdout13', 'holdout14', 'holdout15', 'holdout16', 'dev-neutral7', 'dev-hate8', 'dev-net8', 'dev-hate10', 'holdout17', 'dev-hate11'], later: ['dev-hate12', 'dev-hate13'], minTemplates: 330, minSentences: 7000 },
  { name: 'holdout19', round: 'the nineteenth holdout (written by a separate helper for the round after holdout18)', earlier: [...SPENT, 'holdout10', 'holdout11', 'holdout12', 'holdout13', 'holdout14', 'holdout15', 'holdout16', 'dev-neutral7', 'dev-hate8', 'dev-net8', 'dev-hate10', 'holdout17', 'dev-hate11', 'holdout18', 'dev-hate12'], later: ['dev-hate13'], minTemplates: 380, minSentences: 8000 },
  { name: 'holdout20', round: 'the twentieth holdout (written by a separate helper for the round after holdout19)', earlier: [...SPENT, 'holdout10', 'holdout11', 'holdout12', 'holdout13', 'holdout14', 'holdout15', 'holdout16', 'dev-neutral7', 'dev-hate8', 'dev-net8', 'dev-hate10', 'holdout17', 'dev-hate11', 'holdout18', 'dev-hate12', 'holdout19', 'dev-hate13'], later: ['dev-hate14', 'dev-hate15'], minTemplates: 420, minSentences: 9000 },
  { name: 'holdout21', round: 'the twenty-first holdout (written by a separate helper after holdout20, for a later round)', earlier: [...SPENT, 'holdout10', 'holdout11', 'holdout12', 'holdout13', 'holdout14', 'holdout15', 'holdout16', 'dev-neutral7', 'dev-hate8', 'dev-net8', 'dev-hate10', 'holdout17', 'dev-hate11', 'holdout18', 'dev-hate12', 'holdout19', 'dev-hate13', 'holdout20'], later: ['dev-hate14', 'dev-hate15'], minTemplates: 500, minSentences: 10000 },
  { name: 'holdout22', round: 'the twenty-second holdout (written by a separate helper after holdout21, for a later round)', earlier: [...SPENT, 'holdout10', 'holdout11', 'holdout12', 'holdout13', 'holdout14', 'holdout15', 'holdout16', 'dev-neutral7', 'dev-hate8', 'dev-net8', 'dev-hate10', 'holdout17', 'dev-hate11', 'holdout18', 'dev-hate12', 'holdout19', 'dev-hate13', 'holdout20', 'holdout21'], later: ['dev-hate14', 'dev-hate15'], minTemplates: 500, minSentences: 10000 },
  { name: 'holdout23', round: 'the twenty-third holdout (written blind by a separate helper after holdout22, for a later round)', earlier: [...SPENT, 'holdout10', 'holdout11', 'holdout12', 'holdout13', 'holdout14', 'holdout15', 'holdout16', 'dev-neutral7', 'dev-hate8', 'dev-net8', 'dev-hate10', 'holdout17', 'dev-hate11', 'holdout18', 'dev-hate12', 'holdout19', 'dev-hate13', 'holdout20', 'holdout21', 'holdout22', 'dev-hate14'], later: ['dev-hate15', 'dev-hate16', 'dev-hate17', 'dev-hate19', 'dev-hate20', 'dev-fp22'], minTemplates: 500, minSentences: 10000 },
  { name: 'holdout24', round: 'the twenty-fourth holdout (written blind by a separate helper after holdout23, for a later round)', earlier: [...SPENT, 'holdout10', 'holdout11', 'holdout12', 'holdout13', 'holdout14', 'holdout15', 'holdout16', 'dev-neutral7', 'dev-hate8', 'dev-net8', 'dev-hate10', 'holdout17', 'dev-hate11', 'holdout18', 'dev-hate12', 'holdout19', 'dev-hate13', 'holdout20', 'holdout21', 'holdout22', 'dev-hate14', 'holdout23', 'dev-hate15'], later: ['dev-hate16', 'dev-hate17', 'dev-hate19', 'dev-hate20', 'dev-fp22', 'dev-hate22'], minTemplates: 600, minSentences: 12000 },
  { name: 'holdout25', round: 'the twenty-fifth holdout (written blind by a separate helper after holdout24, for a later round)', earlier: [...SPENT, 'holdout10', 'holdout11', 'holdout12', 'holdout13', 'holdout14', 'holdout15', 'holdout16', 'dev-neutral7', 'dev-hate8', 'dev-net8', 'dev-hate10', 'holdout17', 'dev-hate11', 'holdout18', 'dev-hate12', 'holdout19', 'dev-hate13', 'holdout20', 'holdout21', 'holdout22', 'dev-hate14', 'holdout23', 'dev-hate15', 'holdout24', 'dev-hate16', 'dev-hate17'], later: ['dev-hate19', 'dev-hate20', 'dev-fp22', 'dev-hate22'], minTemplates: 650, minSentences: 14000 },
  { name: 'holdout26', round: 'the twenty-sixth holdout (written blind by a separate helper after holdout25, for a later round)', earlier: [...SPENT, 'holdout10', 'holdout11', 'holdout12', 'holdout13', 'holdout14', 'holdout15', 'holdout16', 'dev-neutral7', 'dev-hate8', 'dev-net8', 'dev-hate10', 'holdout17', 'dev-hate11', 'holdout18', 'dev-hate12', 'holdout19', 'dev-hate13', 'holdout20', 'holdout21', 'holdout22', 'dev-hate14', 'holdout23', 'dev-hate15', 'holdout24', 'dev-hate16', 'dev-hate17', 'holdout25', 'dev-hate19', 'dev-hate20'], later: ['dev-fp22', 'dev-hate22', 'dev-counter27'], minTemplates: 700, minSentences: 15000 },
  { name: 'holdout27', round: 'the twenty-seventh holdout (written blind by a separate helper after holdout26, for a later round)', earlier: [...SPENT, 'holdout10', 'holdout11', 'holdout12', 'holdout13', 'holdout14', 'holdout15', 'holdout16', 'dev-neutral7', 'dev-hate8', 'dev-net8', 'dev-hate10', 'holdout17', 'dev-hate11', 'holdout18', 'dev-hate12', 'holdout19', 'dev-hate13', 'holdout20', 'holdout21', 'holdout22', 'dev-hate14', 'holdout23', 'dev-hate15', 'holdout24', 'dev-hate16', 'dev-hate17', 'holdout25', 'dev-hate19', 'dev-hate20', 'holdout26', 'dev-fp22', 'dev-hate22'], later: ['dev-counter27'], minTemplates: 800, minSentences: 17000 },
  { name: 'holdout28', round: 'the twenty-eighth holdout (written blind by a separate helper after holdout27, for a later round)', earlier: [...SPENT, 'holdout10', 'holdout11', 'holdout12', 'holdout13', 'holdout14', 'holdout15', 'holdout16', 'dev-neutral7', 'dev-hate8', 'dev-net8', 'dev-hate10', 'holdout17', 'dev-hate11', 'holdout18', 'dev-hate12', 'holdout19', 'dev-hate13', 'holdout20', 'holdout21', 'holdout22', 'dev-hate14', 'holdout23', 'dev-hate15', 'holdout24', 'dev-hate16', 'dev-hate17', 'holdout25', 'dev-hate19', 'dev-hate20', 'holdout26', 'dev-fp22', 'dev-hate22', 'holdout27', 'dev-counter27'], later: [], minTemplates: 500, minSentences: 11000 },
];

for (const { name, round, earlier, later = [], minTemplates = 160, minSentences = 4000 } of HOLDOUTS) {
  test(`${round} is well formed, covers every functionality and group, and shares no sentence with the earlier suites`, () => {
    const earlierCases = earlier.flatMap((e) => expandSuite(`${DIR}/${e}.yml`));
    const earlierTexts = new Set(earlierCases.map((c) => c.text));
    const suite = expandSuite(`${DIR}/${name}.yml`);

    assert.ok(new Set(suite.map((c) => c.template)).size >= minTemplates);
    assert.ok(suite.length >= minSentences, `${suite.length} sentences`);
    assert.equal(new Set(suite.map((c) => c.group).filter(Boolean)).size, 14);
    // Every functionality that an earlier suite names is present, hateful and not.
    const functionalities = new Set(suite.map((c) => c.functionality));
    assert.deepEqual([...new Set(earlierCases.map((c) => c.functionality))].filter((f) => !functionalities.has(f)), []);
    assert.ok(suite.some((c) => c.label === 'hateful') && suite.some((c) => c.label === 'not-hateful'));

    assert.deepEqual(suite.filter((c) => earlierTexts.has(c.text)).map((c) => c.text), []);
    const laterTexts = new Set(later.flatMap((e) => expandSuite(`${DIR}/${e}.yml`)).map((c) => c.text));
    assert.deepEqual(suite.filter((c) => laterTexts.has(c.text)).map((c) => c.text), []);
    const seen = new Set<string>();
    const repeated = suite.filter((c) => (seen.has(c.text) ? true : (seen.add(c.text), false))).map((c) => c.text);
    assert.deepEqual(repeated, []);
    for (const c of suite) assert.doesNotMatch(c.text, /\{[A-Z0-9]+\}/, c.text);
  });
}
