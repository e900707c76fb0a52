import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { decodeModel } from '../../src/detectors/hate/model.js';
import { decodePostRules } from '../../src/detectors/hate/post-rules.js';

/** A tiny HateXplain-shaped corpus: insults at a group are hatespeech, plain swearing offensive, the rest normal. */
function corpus(): string {
  const root = mkdtempSync(join(tmpdir(), 'unspin-train-hate-'));
  const kinds: [string, string[]][] = [
    ['hatespeech', ['all muslims are vermin', 'jews are filthy rats', 'kick the immigrants out they are scum', 'black people are animals']],
    ['offensive', ['this is fucking stupid', 'what a damn idiot', 'shut up you moron', 'that shit is crap']],
    ['normal', ['the weather is nice today', 'we went to the market', 'my cat likes the garden', 'the train was late again']],
  ];
  const lines = (round: number, count: number): string =>
    kinds
      .flatMap(([label, texts]) => texts.slice(0, count).map((text, i) => JSON.stringify({ id: `${label}-${round}-${i}`, text: `${text} ${['today', 'again', 'honestly', 'lol', 'now', 'ok'][round % 6]!}`, label, targets: null, rationale: null })))
      .join('\n');
  writeFileSync(join(root, 'train.jsonl'), [0, 1, 2, 3, 4, 5].map((r) => lines(r, 4)).join('\n') + '\n');
  writeFileSync(join(root, 'val.jsonl'), lines(6, 2) + '\n');
  return root;
}

const script = (data: string, ...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/train-hate.ts', '--data', data, '--seeds', '7', '--bits', '12', '--pooled-epochs', '3', ...args], { encoding: 'utf8' });

describe('train-hate script', () => {
  it('selects on cross-validation of train, writes the pooled blend with the model, and is deterministic', () => {
    const data = corpus();
    const a = script(data, '--out', join(data, 'a.json'));
    assert.equal(a.status, 0, a.stderr);
    assert.match(a.stdout, /^lambda=0\.0003 epochs=6: CV macroF1=[\d.]+ with offsets 0, /m);
    assert.match(a.stdout, /^pooled net: CV blend macroF1=[\d.]+ at weight [\d.]+, offsets 0, /m);
    const b = script(data, '--out', join(data, 'b.json'));
    assert.equal(b.status, 0, b.stderr);
    const text = readFileSync(join(data, 'a.json'), 'utf8');
    assert.equal(text, readFileSync(join(data, 'b.json'), 'utf8'), 'same data, same bytes');
    const model = decodeModel(JSON.parse(text), 'a.json');
    assert.equal(model.features.bits, 12);
    assert.equal(model.figures?.['selection'], '5-fold CV on train');
    assert.ok(model.pooled && model.pooled.weight > 0 && model.pooled.net.dims === 200, 'the pooled net is stored');
  });

  it('--cv prints out-of-fold and val figures and writes nothing; --select val keeps the linear model alone', () => {
    const data = corpus();
    const cv = script(data, '--cv', '3', '--out', join(data, 'none.json'));
    assert.equal(cv.status, 0, cv.stderr);
    assert.match(cv.stdout, /^CV linear \(lambda=0\.0003 epochs=6 lr=0\.3\), argmax: acc=[\d.]+ macroF1=[\d.]+/m);
    assert.match(cv.stdout, /^val blend a=[\d.]+, CV offsets: acc=[\d.]+ macroF1=[\d.]+/m);
    assert.throws(() => readFileSync(join(data, 'none.json')), /ENOENT/, '--cv writes no model');
    const old = script(data, '--select', 'val', '--quick', '--out', join(data, 'old.json'));
    assert.equal(old.status, 0, old.stderr);
    assert.match(old.stdout, /^class-bias offsets tuned on val: /m);
    assert.equal(decodeModel(JSON.parse(readFileSync(join(data, 'old.json'), 'utf8')), 'old.json').pooled, undefined);
  });

  it('--fold-models writes the blended fold models; hate-post-cv chooses the post-rule margin on them, deterministically', () => {
    const data = corpus();
    const folds = join(data, 'folds');
    mkdirSync(folds);
    const cv = script(data, '--cv', '3', '--fold-models', folds);
    assert.equal(cv.status, 0, cv.stderr);
    const fold = decodeModel(JSON.parse(readFileSync(join(folds, 'fold-0-of-3.json'), 'utf8')), 'fold');
    assert.ok(fold.pooled && fold.pooled.weight > 0, 'the fold model carries its pooled net, as post mode reads it');
    const post = (out: string) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/hate-post-cv.ts', '--data', data, '--folds', folds, '--k', '3', '--out', join(data, out)], { encoding: 'utf8' });
    const a = post('a.json');
    assert.equal(a.status, 0, a.stderr);
    assert.match(a.stdout, /^model \+ rules \+ guards \(post mode\): acc=[\d.]+ macroF1=[\d.]+/m);
    assert.match(a.stdout, /^chosen margin [\d.]+|^chosen margin Infinity/m);
    assert.match(a.stdout, /nested \(each fold decided with the margin chosen on the others: /);
    assert.equal(post('b.json').status, 0);
    const text = readFileSync(join(data, 'a.json'), 'utf8');
    assert.equal(text, readFileSync(join(data, 'b.json'), 'utf8'), 'same folds, same file');
    const settings = decodePostRules(JSON.parse(text), 'a.json');
    assert.deepEqual(settings.alwaysDecide, ['trope', 'replacement']);
    assert.equal(settings.figures?.['selection'], '3-fold out-of-fold post decisions on train');
  });
});
