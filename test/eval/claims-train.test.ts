import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { decodeModel } from '../../src/detectors/claims/model.js';

/** A tiny corpus in the two dataset formats: statistics and past events are positive, chatter negative. */
function corpus(): string {
  const root = mkdtempSync(join(tmpdir(), 'unspin-train-claims-'));
  const positive = ['In 2015 the state cut taxes by 12 percent.', 'The army fired 300 officers in 2019.', 'Unemployment fell to 4 percent last year.', 'Congress passed the bill in 1996 with 60 votes.', 'We lost 700,000 jobs in 2008.'];
  const negative = ['Thank you very much.', 'I love this country.', 'That is a great question.', 'We should all be proud tonight.', 'Good evening, everyone.'];
  const lines: string[] = [];
  let id = 0;
  for (let round = 0; round < 4; round++) {
    for (const text of positive) lines.push(JSON.stringify({ sentence_id: id++, text: `${text.slice(0, -1)} (${round}).`, label: 1 }));
    for (const text of negative) lines.push(JSON.stringify({ sentence_id: id++, text: `${text.slice(0, -1)} (${round}).`, label: 0 }));
  }
  mkdirSync(join(root, 'claimbuster-2.5xncs'));
  writeFileSync(join(root, 'claimbuster-2.5xncs', 'train.jsonl'), lines.join('\n') + '\n');
  const clef = join(root, 'clef2019-checkthat-task1', 'training');
  mkdirSync(clef, { recursive: true });
  for (const name of ['a', 'b', 'c', 'd']) {
    const rows = [...positive.map((t, i) => `${i * 2 + 1}\tX\t${t} ${name}\t1`), ...negative.map((t, i) => `${i * 2 + 2}\tY\t${t} ${name}\t0`)];
    writeFileSync(join(clef, `${name}.tsv`), rows.join('\n') + '\n');
  }
  return root;
}

describe('train-claims script', () => {
  it('trains deterministically from the datasets root, prints its figures and writes a loadable model', () => {
    const data = corpus();
    const train = (out: string) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/train-claims.ts', '--data', data, '--out', out, '--dims', '4096', '--epochs', '5', '--average-from', '2'], { encoding: 'utf8' });
    const a = train(join(data, 'a.bin'));
    assert.equal(a.status, 0, a.stderr);
    assert.match(a.stdout, /ClaimBuster dev \(\d+\): P [\d.]+ R [\d.]+ F1 [\d.]+ at threshold/);
    // The threshold comes from 4-fold cross-validation over the training part (sentence_id % 5 in 1..4: 32 of the 40 lines), not from dev.
    const threshold = /^threshold ([\d.]+) from 4-fold cross-validation \(sentence_id % 5 in 1\.\.4, 32 sentences, F1 [\d.]+ there\)$/m.exec(a.stdout);
    assert.ok(threshold, a.stdout);
    assert.match(a.stdout, /CLEF-2019 dev \(1 files, 10 sentences\): MAP [\d.]+/);
    const b = train(join(data, 'b.bin'));
    assert.equal(b.status, 0, b.stderr);
    const bytes = readFileSync(join(data, 'a.bin'));
    assert.ok(bytes.equals(readFileSync(join(data, 'b.bin'))), 'same data, same bytes');
    const model = decodeModel(bytes, 'a.bin');
    assert.equal(model.header.dims, 4096);
    assert.deepEqual(model.header.domains, ['claimbuster', 'clef2019']);
    assert.equal(model.header.threshold, Number(threshold[1]), 'the shipped threshold is the cross-validated one');
    assert.equal(model.header.words?.file, 'words.bin', 'trained with the shared word table');
    assert.ok(model.dense?.some((w) => w !== 0), 'the pooled word vectors carry weight');
  });

  it('with --context, records it in the model so the detector adds the context features; --cv prints the cross-validated MAP and writes nothing', () => {
    const data = corpus();
    const out = join(data, 'ctx.bin');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/train-claims.ts', '--data', data, '--out', out, '--dims', '4096', '--epochs', '3', '--average-from', '1', '--context'], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const model = decodeModel(readFileSync(out), 'ctx.bin');
    assert.equal(model.header.context, true);
    assert.equal((model.header.training['options'] as { context?: boolean }).context, true);
    const cv = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/train-claims.ts', '--data', data, '--out', join(data, 'none.bin'), '--dims', '4096', '--epochs', '3', '--average-from', '1', '--context', '--cv', '2'], { encoding: 'utf8' });
    assert.equal(cv.status, 0, cv.stderr);
    assert.match(cv.stdout, /CLEF-2019 cross-validated by transcript \(2 folds, 4 files\): MAP [\d.]+ R-Prec [\d.]+ P@10 [\d.]+/);
    assert.throws(() => readFileSync(join(data, 'none.bin')), /ENOENT/, '--cv writes no model');
  });

  it('--dump-scores writes the out-of-fold and dev scores that scripts/train-claims-cnn.ts stacks on', () => {
    const data = corpus();
    const dump = join(data, 'scores.json');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/train-claims.ts', '--data', data, '--no-write', '--dump-scores', dump, '--dims', '4096', '--epochs', '3', '--average-from', '1'], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const scores = JSON.parse(readFileSync(dump, 'utf8')) as { heldOut: { id: string; label: number; score: number }[]; dev: { id: string }[] };
    // 32 training lines (sentence_id % 5 in 1..4) scored out of fold, 8 dev lines (sentence_id % 5 === 0).
    assert.equal(scores.heldOut.length, 32);
    assert.ok(scores.heldOut.every((h) => Number(h.id) % 5 !== 0 && h.score >= 0 && h.score <= 1));
    assert.deepEqual(scores.dev.map((d) => Number(d.id) % 5), new Array<number>(8).fill(0));
    const cnn = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/train-claims-cnn.ts', '--data', data, '--scores', dump, '--filters', '4', '--epochs', '1', '--dev'], { encoding: 'utf8' });
    assert.equal(cnn.status, 0, cnn.stderr);
    assert.match(cnn.stdout, /^stacked a=1: 4-fold CV F1 [\d.]+ at [\d.]+$/m);
    assert.match(cnn.stdout, /^ClaimBuster dev F1 [\d.]+ at [\d.]+ \(linear alone: [\d.]+ at [\d.]+\)$/m);
    const missing = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/train-claims-cnn.ts', '--data', data, '--scores', join(data, 'nope.json')], { encoding: 'utf8' });
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /^train-claims-cnn: .*nope\.json/);
    assert.doesNotMatch(missing.stderr, /\n\s+at /, 'no stack trace');
  });

  it('with --hidden and --hidden-indicators, ships a hidden layer reading the pooled vectors and the structural features', () => {
    const data = corpus();
    const train = (out: string) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/train-claims.ts', '--data', data, '--out', out, '--dims', '4096', '--epochs', '3', '--average-from', '1', '--context', '--hidden', '4', '--hidden-indicators'], { encoding: 'utf8' });
    const run = train(join(data, 'h.bin'));
    assert.equal(run.status, 0, run.stderr);
    const bytes = readFileSync(join(data, 'h.bin'));
    assert.ok(bytes.equals((train(join(data, 'h2.bin')), readFileSync(join(data, 'h2.bin')))), 'same data, same bytes');
    const model = decodeModel(bytes, 'h.bin');
    assert.equal(model.header.hidden, 4);
    assert.ok(model.header.hiddenIndicators?.includes('sig:number') && model.header.hiddenIndicators.includes('ctx:answer'), 'signals and context features are indicators');
    assert.equal(model.hidden?.columns.length, 4 * (model.header.hiddenIndicators?.length ?? 0));
    assert.ok(model.hidden?.out.some((w) => w !== 0), 'the hidden layer carries weight');
  });

  it('with --ensemble, averages three feature-bagged models into one model of the same shape, byte-identical on rerun', () => {
    const data = corpus();
    const train = (out: string, ...flags: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/train-claims.ts', '--data', data, '--out', out, '--dims', '4096', '--epochs', '3', '--average-from', '1', '--context', ...flags], { encoding: 'utf8' });
    const run = train(join(data, 'e.bin'), '--ensemble');
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /"ensemble":true/);
    const bytes = readFileSync(join(data, 'e.bin'));
    assert.ok(bytes.equals((train(join(data, 'e2.bin'), '--ensemble'), readFileSync(join(data, 'e2.bin')))), 'same data, same bytes');
    assert.equal(train(join(data, 'single.bin')).status, 0);
    const model = decodeModel(bytes, 'e.bin');
    const single = decodeModel(readFileSync(join(data, 'single.bin')), 'single.bin');
    assert.equal(model.weights.length, single.weights.length, 'one linear model of the same shape');
    assert.equal(model.dense?.length, single.dense?.length);
    assert.ok(model.weights.some((w, i) => w !== single.weights[i]), 'other weights');
    assert.equal((model.header.training as { options: { ensemble?: boolean } }).options.ensemble, true);
    assert.equal((single.header.training as { options: { ensemble?: boolean } }).options.ensemble, undefined, 'a recipe without it records nothing new');
  });

  it('lab-claims prints the 4-fold cross-validated F1 of each variant, and names a bad flag in one line', () => {
    const data = corpus();
    const variants = JSON.stringify([{ name: 'base', epochs: 3, averageFrom: 1 }, { name: 'bagged', epochs: 3, averageFrom: 1, ensemble: [[], ['b:', 't:']] }]);
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/lab-claims.ts', '--data', data, '--variants', variants, '--extra', 'num,ents'], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^base: 4-fold CV F1 [\d.]+ \(P [\d.]+ R [\d.]+\) at [\d.]+/m);
    assert.match(run.stdout, /^bagged: 4-fold CV F1 [\d.]+/m);
    for (const [flag, value, message] of [
      ['--extra', 'chars', /^lab-claims: --extra chars: expected some of num, numshape, ents/],
      ['--variants', '{"name":1}', /^lab-claims: --variants: expected a JSON list/],
    ] as const) {
      const bad = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/lab-claims.ts', '--data', data, flag, value], { encoding: 'utf8' });
      assert.equal(bad.status, 2, bad.stderr);
      assert.match(bad.stderr, message);
    }
  });

  it('rejects a bad numeric flag with one line naming it, before reading any data', () => {
    for (const [flag, value, message] of [
      ['--nb-power', 'strong', /--nb-power strong: expected a number of at least 0/],
      ['--epochs', '2.5', /--epochs 2\.5: expected an integer of at least 1/],
      ['--average-from', '15', /--average-from 15: must be below --epochs 15/],
    ] as const) {
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/train-claims.ts', '--data', '/nonexistent', flag, value], { encoding: 'utf8' });
      assert.equal(run.status, 2, run.stderr);
      assert.match(run.stderr, message);
      assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
    }
  });
});
