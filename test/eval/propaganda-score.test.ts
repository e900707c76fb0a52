import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPropagandaDetector } from '../../src/detectors/propaganda/detector.js';
import { createLexicon } from '../../src/detectors/propaganda/lexicons.js';
import { predictArticleSpans, predictArticleTechniques } from '../../src/eval/propaganda/predict.js';
import { formatLabels, isDevArticle, parseLabels, readLabels } from '../../src/eval/propaganda/ptc.js';
import { mergeOverlapping, scoreSpans, scoreTechniques } from '../../src/eval/propaganda/score.js';
import { tinyModel } from '../detectors/propaganda/tiny-model.js';

const close = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-9, `${a} ≈ ${b}`);

test('SI score: partial overlap over predicted and gold spans, overlapping gold merged', () => {
  const gold = new Map([['1', [{ start: 0, end: 10 }, { start: 5, end: 15 }, { start: 20, end: 30 }]]]);
  const predicted = new Map([['1', [{ start: 0, end: 5 }, { start: 25, end: 35 }, { start: 40, end: 50 }]]]);
  const s = scoreSpans(predicted, gold, ['1']);
  assert.equal(s.n, 2);
  assert.equal(s.predicted, 3);
  close(s.precision, (1 + 0.5 + 0) / 3);
  close(s.recall, (5 / 15 + 5 / 10) / 2);
  close(s.f1, (2 * s.precision * s.recall) / (s.precision + s.recall));
});

test('SI score: touching spans stay apart, articles without gold still count predictions', () => {
  assert.deepEqual(mergeOverlapping([{ start: 5, end: 8 }, { start: 0, end: 5 }]), [{ start: 0, end: 5 }, { start: 5, end: 8 }]);
  const gold = new Map([['1', [{ start: 0, end: 4 }]]]);
  const predicted = new Map([['1', [{ start: 0, end: 4 }]], ['2', [{ start: 0, end: 4 }]]]);
  const s = scoreSpans(predicted, gold, ['1', '2']);
  close(s.precision, 0.5);
  close(s.recall, 1);
  assert.equal(scoreSpans(new Map(), new Map(), ['1']).f1, 1, 'nothing to find and nothing found');
});

test('TC score: micro-F1 with several techniques on one span matched as a multiset', () => {
  const gold = new Map([['7', [
    { start: 0, end: 5, technique: 'Loaded_Language' },
    { start: 0, end: 5, technique: 'Doubt' },
    { start: 6, end: 9, technique: 'Slogans' },
  ]]]);
  const predicted = new Map([['7', [
    { start: 0, end: 5, technique: 'Doubt' },
    { start: 0, end: 5, technique: 'Loaded_Language' },
    { start: 6, end: 9, technique: 'Loaded_Language' },
  ]]]);
  const s = scoreTechniques(predicted, gold, ['7']);
  close(s.f1, 2 / 3);
  assert.equal(s.perTechnique.Slogans!.recall, 0);
  assert.equal(s.perTechnique.Doubt!.f1, 1);
});

test('PTC label files: SI and TC rows, per-article directories, malformed rows', () => {
  const si = parseLabels('111\t3\t9\n111\t10\t12\n', 'si', 'x');
  assert.deepEqual(si.get('111'), [{ start: 3, end: 9 }, { start: 10, end: 12 }]);
  const tc = parseLabels('5\tFlag-Waving\t1\t4\n', 'tc', 'x');
  assert.deepEqual(tc.get('5'), [{ start: 1, end: 4, technique: 'Flag-Waving' }]);
  assert.throws(() => parseLabels('5\t1\t4\n', 'tc', 'labels.tsv'), { code: 'UNSPIN_E_EVAL_DATA', message: /labels\.tsv:1: 3 columns/ });
  assert.throws(() => parseLabels('5\t9\t4\n', 'si', 'labels.tsv'), { code: 'UNSPIN_E_EVAL_DATA', message: /end 4 is not after start 9/ });

  const dir = mkdtempSync(join(tmpdir(), 'unspin-ptc-'));
  mkdirSync(join(dir, 'labels'));
  writeFileSync(join(dir, 'labels', 'article10.task1-SI.labels'), '10\t0\t4\n');
  writeFileSync(join(dir, 'labels', 'article11.task1-SI.labels'), '');
  const byDir = readLabels(join(dir, 'labels'), 'si');
  assert.deepEqual(byDir.get('10'), [{ start: 0, end: 4 }]);
  assert.deepEqual(byDir.get('11'), [], 'an empty per-article file means no spans');
  assert.throws(() => readLabels(join(dir, 'missing'), 'si'), { code: 'UNSPIN_E_INPUT_NOT_FOUND' });

  assert.equal(formatLabels(new Map([['2', [{ start: 4, end: 6, technique: 'Doubt' }]]]), 'tc'), '2\tDoubt\t4\t6\n');
});

test('dev split rule: article id mod 5 == 0', () => {
  assert.equal(isDevArticle('111111110'), true);
  assert.equal(isDevArticle('111111111'), false);
});

const lexicon = createLexicon([{ id: 't', description: 'd', source: 's', technique: 'Loaded_Language', terms: ['disgraceful'] }]);

test('SI predictions are code points: emoji before a span do not shift it', () => {
  const text = '👩‍👩‍👧 Town news 😀\n\nIt was a disgraceful act 🎉.';
  const spans = predictArticleSpans(text, 'article1.txt', createPropagandaDetector({ model: tinyModel({ words: ['disgraceful'] }), lexicon }));
  assert.equal(spans.length, 1);
  const cps = [...text];
  assert.equal(cps.slice(spans[0]!.start, spans[0]!.end).join(''), 'disgraceful');
  assert.notEqual(text.slice(spans[0]!.start, spans[0]!.end), 'disgraceful', 'UTF-16 offsets would differ here');
});

test('TC predictions read gold code-point spans exactly, emoji included', () => {
  const text = '😀😀 He called him a traitor and left. 🙂';
  const cpStart = [...text.slice(0, text.indexOf('traitor'))].length;
  assert.equal(cpStart, text.indexOf('traitor') - 2, 'two emoji = two code points but four UTF-16 units');
  const gold = [{ start: cpStart, end: cpStart + 'traitor'.length, technique: 'Name_Calling,Labeling' }];
  const model = tinyModel({ words: [], classes: { 'u=traitor': { 'Name_Calling,Labeling': 5 } } });
  const predicted = predictArticleTechniques(text, gold, model, lexicon);
  assert.deepEqual(predicted, [{ start: cpStart, end: cpStart + 7, technique: 'Name_Calling,Labeling' }]);
});
