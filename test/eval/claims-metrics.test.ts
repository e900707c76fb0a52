import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { averagePrecision, binaryScores, precisionAt, rankByScore, rankingScores, rPrecision } from '../../src/eval/claims/metrics.js';

const close = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-9, `${a} != ${b}`);

describe('claim metrics', () => {
  it('precision, recall and F1 of the positive class', () => {
    // gold 1,1,0,0,1 predicted T,F,T,F,T: tp 2, fp 1, fn 1
    const s = binaryScores([1, 1, 0, 0, 1], [true, false, true, false, true]);
    assert.deepEqual([s.tp, s.fp, s.fn], [2, 1, 1]);
    close(s.precision, 2 / 3);
    close(s.recall, 2 / 3);
    close(s.f1, 2 / 3);
    assert.equal(binaryScores([0, 0], [false, false]).f1, 0);
  });

  it('ranks by score, best first, ties in input order', () => {
    assert.deepEqual(rankByScore([0.1, 0.9, 0.5, 0.5], [0, 1, 1, 0]), [1, 1, 0, 0]);
  });

  it('computes AP, R-Precision and P@10 of one ranking by hand', () => {
    // ranked gold: 1 0 1 0 0 0 0 0 0 0 0 1 (12 lines, 3 positives)
    const ranked: (0 | 1)[] = [1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1];
    close(averagePrecision(ranked), (1 / 1 + 2 / 3 + 3 / 12) / 3);
    close(rPrecision(ranked), 2 / 3); // top 3 hold 2 positives
    close(precisionAt(ranked, 10), 2 / 10);
    assert.equal(averagePrecision([0, 0, 0]), 0);
  });

  it('averages over files as the CheckThat! 2019 scorer does', () => {
    const fileA = { scores: [0.9, 0.8, 0.7, 0.6], gold: [0, 1, 0, 1] as (0 | 1)[] }; // AP (1/2 + 2/4)/2 = 0.5; R-Prec 1/2; P@10 2/10
    const fileB = { scores: [0.2, 0.4, 0.1], gold: [1, 0, 0] as (0 | 1)[] }; // ranked 0 1 0: AP 1/2; R-Prec 0; P@10 1/10
    const r = rankingScores([fileA, fileB]);
    close(r.map, (0.5 + 0.5) / 2);
    close(r.rPrecision, (0.5 + 0) / 2);
    close(r.p10, (0.2 + 0.1) / 2);
    assert.equal(r.files, 2);
    assert.equal(r.n, 7);
  });
});
