import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { defaultCues } from '../../src/detectors/claims/cues.js';
import { recipeOf } from '../../src/eval/claims/command.js';
import type { ClefFile, LabelledSentence } from '../../src/eval/claims/data.js';
import { crossValidateTranscripts, DEFAULT_RECIPE, transcriptFolds } from '../../src/eval/claims/train.js';

const positive = ['Our state cut income taxes by 12 percent in 2015.', 'The army dismissed 300 officers in 2019.', 'Unemployment fell to 4 percent last year.'];
const negative = ['Thank you all for coming tonight.', 'I love this great country.', 'That is a very good question.'];

/** Four transcripts of six lines, each with a name of its own so no line repeats across them. */
function transcripts(): ClefFile[] {
  return ['a', 'b', 'c', 'd'].map((name) => ({
    name: `${name}.tsv`,
    sentences: [...positive, ...negative].map((text, i) => ({ id: `${name}.tsv:${i + 1}`, line: i + 1, speaker: i % 2 ? 'HOST' : 'ADA', text: `${text.slice(0, -1)}, ${name}.`, label: i < 3 ? 1 : 0 })),
  }));
}

describe('cross-validation by transcript', () => {
  it('puts each transcript in exactly one fold, so none is on both sides of a fold', () => {
    for (const [count, k] of [
      [19, 5],
      [19, 19],
      [19, 40],
      [4, 2],
    ] as const) {
      const folds = transcriptFolds(count, k);
      assert.equal(folds.length, count);
      const foldCount = Math.max(...folds) + 1;
      assert.equal(foldCount, Math.min(k, count));
      for (let fold = 0; fold < foldCount; fold++) {
        const test = folds.flatMap((f, i) => (f === fold ? [i] : []));
        const train = folds.flatMap((f, i) => (f !== fold ? [i] : []));
        assert.ok(test.length > 0, `fold ${fold} tests something`);
        assert.ok(!test.some((i) => train.includes(i)), `fold ${fold}: no transcript in both train and test`);
        assert.equal(test.length + train.length, count);
      }
    }
    assert.deepEqual(transcriptFolds(19, 5).slice(0, 6), [0, 1, 2, 3, 4, 0], 'file index % k');
    assert.throws(() => transcriptFolds(10, 1), /at least 2 folds/);
  });

  it('trains each fold without the held-out transcripts and without training lines equal to held-out ones', () => {
    const files = transcripts();
    // A ClaimBuster line that repeats a line of transcript a (case and punctuation aside), and one that repeats nothing.
    const claimBuster: LabelledSentence[] = [
      { id: '1', text: 'the army dismissed 300 officers in 2019 A', label: 1 },
      { id: '2', text: 'We will win this election.', label: 0 },
    ];
    const recipe = { ...DEFAULT_RECIPE, dims: 4096, epochs: 3, averageFrom: 1 };
    const cv = crossValidateTranscripts(files, claimBuster, { cues: defaultCues() }, recipe, 2);
    assert.deepEqual(cv.folds, [0, 1, 0, 1]);
    // Fold 1 holds out a and c: trains on b and d (12 lines) and the ClaimBuster line that repeats nothing.
    assert.deepEqual(cv.trainSizes, [13, 14]);
    assert.equal(cv.scores.files, 4);
    assert.equal(cv.scores.perFile.length, 4);
    const again = crossValidateTranscripts(files, claimBuster, { cues: defaultCues() }, recipe, 2);
    assert.deepEqual(again.scores, cv.scores, 'deterministic');
  });

  it('reads the recipe the shipped model records, the defaults filling any gap', () => {
    assert.deepEqual(recipeOf({ options: { epochs: 9, context: true, dims: 'many' } }), { ...DEFAULT_RECIPE, epochs: 9, context: true });
    assert.deepEqual(recipeOf({}), DEFAULT_RECIPE);
  });

  it('unspin eval claims --cv rejects a --split and a bad --folds with one line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'unspin-cv-'));
    writeFileSync(join(dir, 'a.tsv'), '1\tADA\tWe cut taxes in 2015.\t1\n');
    const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/interfaces/cli/main.ts', 'eval', 'claims', '--format', 'clef2019', '--data', dir, '--cv', ...args], { encoding: 'utf8' });
    for (const [args, message] of [
      [['--folds', '1'], /--folds 1: expected an integer of at least 2/],
      [['--split', 'dev'], /--cv uses every transcript/],
    ] as const) {
      const r = run(...args);
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, message);
      assert.doesNotMatch(r.stderr, /\n\s+at /);
    }
  });
});
