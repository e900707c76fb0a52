import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCommand } from 'citty';
import { evalPropagandaCommand } from '../../src/eval/propaganda/command.js';
import { tinyModel, tinyModelFile } from '../detectors/propaganda/tiny-model.js';

/** Runs the command and returns what it printed on stdout. */
async function run(args: string[]): Promise<{ result: unknown; stdout: string }> {
  const chunks: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  try {
    const { result } = await runCommand(evalPropagandaCommand, { rawArgs: args });
    return { result, stdout: chunks.join('') };
  } finally {
    process.stdout.write = write;
  }
}

function fixture() {
  const dir = mkdtempSync(join(tmpdir(), 'unspin-evalprop-'));
  mkdirSync(join(dir, 'articles'));
  const texts: Record<string, string> = {
    '100': 'Council vote 😀\n\nThe disgraceful plan passed on Monday.',
    '101': 'Weather\n\nIt rained on Tuesday, and the disgraceful forecast was wrong.',
  };
  for (const [id, text] of Object.entries(texts)) writeFileSync(join(dir, 'articles', `article${id}.txt`), text);
  const cp = (id: string, word: string) => {
    const text = texts[id]!;
    const start = [...text.slice(0, text.indexOf(word))].length;
    return [start, start + [...word].length];
  };
  const [a, b] = cp('100', 'disgraceful plan');
  const [c, d] = cp('101', 'disgraceful');
  writeFileSync(join(dir, 'si.labels'), `100\t${a}\t${b}\n101\t${c}\t${d}\n`);
  writeFileSync(join(dir, 'tc.labels'), `100\tLoaded_Language\t${a}\t${b}\n101\tDoubt\t${c}\t${d}\n`);
  writeFileSync(join(dir, 'model.json'), JSON.stringify(tinyModelFile(tinyModel({ words: ['disgraceful'] }))));
  return dir;
}

test('eval propaganda --task si --json: scores and a JSON last line', async () => {
  const dir = fixture();
  const out = join(dir, 'pred.txt');
  const { result, stdout } = await run(['--articles', join(dir, 'articles'), '--labels', join(dir, 'si.labels'), '--task', 'si', '--json', '--model', join(dir, 'model.json'), '--out', out]);
  assert.equal(result, 0);
  const last = JSON.parse(stdout.trim().split('\n').pop()!);
  assert.equal(last.task, 'si');
  assert.equal(last.n, 2);
  assert.equal(last.predicted, 2);
  // "disgraceful" predicted: fully inside both gold spans; covers 11/16 of the first.
  assert.ok(Math.abs(last.precision - 1) < 1e-9);
  assert.ok(Math.abs(last.recall - (11 / 16 + 1) / 2) < 1e-9);
  assert.ok(last.f1 > 0.8 && last.f1 < 1);
  const rows = readFileSync(out, 'utf8').trim().split('\n');
  assert.equal(rows.length, 2);
  assert.match(rows[0]!, /^100\t\d+\t\d+$/);
});

test('eval propaganda --task tc: micro-F1 of labels on the gold spans', async () => {
  const dir = fixture();
  const { stdout } = await run(['--articles', join(dir, 'articles'), '--labels', join(dir, 'tc.labels'), '--task', 'tc', '--json', '--model', join(dir, 'model.json')]);
  const last = JSON.parse(stdout.trim().split('\n').pop()!);
  assert.equal(last.task, 'tc');
  assert.equal(last.n, 2);
  // The tiny classifier says Loaded_Language everywhere: one of two right.
  assert.equal(last.f1, 0.5);
  assert.match(stdout, /Loaded_Language\s+P 0\.500\s+R 1\.000/);
});

test('eval propaganda: bad task, missing inputs and an empty split are one-line user errors', async () => {
  const dir = fixture();
  const base = ['--articles', join(dir, 'articles'), '--labels', join(dir, 'si.labels'), '--model', join(dir, 'model.json')];
  await assert.rejects(run([...base, '--task', 'xx']), { code: 'UNSPIN_E_USAGE', message: /--task xx: expected one of si, tc/ });
  await assert.rejects(run(['--articles', join(dir, 'nope'), '--labels', join(dir, 'si.labels'), '--task', 'si']), { code: 'UNSPIN_E_INPUT_NOT_FOUND' });
  // Ids 100 and 101: 100 is dev (mod 5 == 0), 101 train; --split dev keeps one article.
  const { stdout } = await run([...base, '--task', 'si', '--split', 'dev', '--json']);
  assert.equal(JSON.parse(stdout.trim().split('\n').pop()!).articles, 1);
  await assert.rejects(run(['--articles', join(dir, 'articles'), '--labels', join(dir, 'si.labels'), '--task', 'si', '--model', join(dir, 'missing.json')]), { code: 'UNSPIN_E_INPUT_NOT_FOUND', message: /missing\.json: model file not found/ });
});
