import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pairGroups, predict, trainLogReg, type TrainingExample } from '../../../src/detectors/claims/logreg.js';
import { averagePrecision, rankByScore } from '../../../src/eval/claims/metrics.js';

/**
 * Two transcripts. Feature 0 marks transcript A, where half the lines are positive; feature 1
 * marks B, where one in five is. Within each, feature 2 marks the positives and feature 3 the
 * negatives; feature 4 is on every line.
 */
function lists(): TrainingExample[] {
  const out: TrainingExample[] = [];
  const add = (group: number, label: 0 | 1, weight: number) => out.push({ features: Uint32Array.from([group, label === 1 ? 2 : 3, 4]), label, weight, group });
  for (let i = 0; i < 10; i++) add(0, i % 2 === 0 ? 1 : 0, 0);
  for (let i = 0; i < 10; i++) add(1, i % 5 === 0 ? 1 : 0, 0);
  return out;
}
const options = { dims: 8, epochs: 6, learningRate: 0.1, l2: 0, seed: 7 };

describe('pairwise ranking objective', () => {
  it('groups positives and negatives by list, leaving out examples in no list', () => {
    const examples = [...lists(), { features: Uint32Array.from([5]), label: 1 as const, weight: 1 }];
    const groups = pairGroups(examples);
    assert.equal(groups.length, 2);
    assert.deepEqual(groups[0]!.positives, [0, 2, 4, 6, 8]);
    assert.deepEqual(groups[1]!.positives, [10, 15]);
    assert.equal(groups[1]!.negatives.length, 8);
    assert.ok(!groups.some((g) => g.positives.includes(20) || g.negatives.includes(20)));
  });

  it('learns to rank positives first within each list from the pairs alone', () => {
    // Every example weighs 0, so the logistic term adds nothing: only the pairs can move the weights.
    const examples = lists();
    const plain = trainLogReg(examples, options);
    assert.ok(plain.weights.every((w) => w === 0), 'no pairs, no learning');
    const ranked = trainLogReg(examples, { ...options, pairwise: { perPositive: 3, weight: 1 } });
    assert.ok(ranked.weights[2]! > 0 && ranked.weights[3]! < 0, `${ranked.weights[2]} ${ranked.weights[3]}`);
    // The shared feature is on both sides of every pair and cancels out; so does the bias.
    assert.equal(ranked.weights[4], 0);
    assert.equal(ranked.bias, 0);
    for (const group of [0, 1]) {
      const members = examples.filter((e) => e.group === group);
      const ranking = rankByScore(members.map((e) => predict(ranked, e.features)), members.map((e) => e.label));
      assert.equal(averagePrecision(ranking), 1);
    }
  });

  it('is deterministic: same seed, same weights', () => {
    const a = trainLogReg(lists(), { ...options, pairwise: { perPositive: 2, weight: 0.5 } });
    const b = trainLogReg(lists(), { ...options, pairwise: { perPositive: 2, weight: 0.5 } });
    assert.deepEqual([...a.weights], [...b.weights]);
  });
});
