import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { UnspinError } from '../../src/core/errors.js';
import { readClaimBuster, readClef } from '../../src/eval/claims/data.js';

function fixture(): { dir: string; jsonl: string; clef: string } {
  const dir = mkdtempSync(join(tmpdir(), 'unspin-claims-'));
  const jsonl = join(dir, 'cb.jsonl');
  const lines = [
    { sentence_id: 10, text: 'In 2019 the army fired 300 officers.', label: 1 },
    { sentence_id: 11, text: 'I love this country so much.', label: 0 },
    { sentence_id: 15, text: 'Taxes rose by 4 percent in 2018.', label: 1 },
    { sentence_id: 17, text: 'Thank you very much.', label: 0 },
  ];
  writeFileSync(jsonl, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  const clef = join(dir, 'clef');
  spawnSync('mkdir', [clef]);
  for (const name of ['a', 'b', 'c', 'd', 'e', 'f']) {
    writeFileSync(join(clef, `${name}.tsv`), `1\tHOST\tGood evening and welcome.\t0\n2\tSMITH\tWe cut taxes by 12 percent in 2015.\t1\n3\tSMITH\tIt is a wonderful night.\t0\n`);
  }
  return { dir, jsonl, clef };
}

describe('claim datasets and split rule', () => {
  it('splits ClaimBuster by sentence_id % 5', () => {
    const { jsonl } = fixture();
    assert.deepEqual(readClaimBuster(jsonl, 'dev').map((s) => s.id), ['10', '15']);
    assert.deepEqual(readClaimBuster(jsonl, 'train').map((s) => s.id), ['11', '17']);
    assert.equal(readClaimBuster(jsonl).length, 4);
  });

  it('splits CLEF by file: sorted index % 5 == 2 is dev', () => {
    const { clef } = fixture();
    assert.deepEqual(readClef(clef, 'dev').map((f) => f.name), ['c.tsv']);
    assert.equal(readClef(clef, 'train').length, 5);
    const [file] = readClef(join(clef, 'a.tsv'));
    assert.deepEqual(file!.sentences.map((s) => [s.line, s.speaker, s.label]), [
      [1, 'HOST', 0],
      [2, 'SMITH', 1],
      [3, 'SMITH', 0],
    ]);
  });

  it('names the file and line of malformed data', () => {
    const { dir } = fixture();
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, '{"sentence_id": 1, "text": "x", "label": 1}\n{"text": 3}\n');
    assert.throws(() => readClaimBuster(bad), (e: unknown) => e instanceof UnspinError && e.code === 'UNSPIN_E_EVAL_DATA' && e.message.includes('bad.jsonl:2'));
    assert.throws(() => readClaimBuster(join(dir, 'missing.jsonl')), /missing\.jsonl/);
  });
});

describe('unspin eval claims (command)', () => {
  const runEval = (args: string[]) =>
    spawnSync(
      process.execPath,
      ['--import', 'tsx', '-e', `import('./src/eval/claims/command.ts').then(async (m) => { const { runCommand } = await import('citty'); await runCommand(m.evalClaimsCommand, { rawArgs: ${JSON.stringify(args)} }); })`],
      { encoding: 'utf8' },
    );

  it('prints P/R/F1 for ClaimBuster with a JSON last line', () => {
    const { jsonl } = fixture();
    const r = runEval(['--format', 'claimbuster', '--data', jsonl, '--json']);
    assert.equal(r.status, 0, r.stderr);
    const last = JSON.parse(r.stdout.trim().split('\n').pop()!) as Record<string, number>;
    assert.equal(last.n, 4);
    for (const k of ['f1', 'precision', 'recall']) assert.ok(last[k]! >= 0 && last[k]! <= 1, k);
    assert.match(r.stdout, /precision .* recall .* F1/);
  });

  it('prints MAP, R-Precision and P@10 for CLEF-2019 transcripts', () => {
    const { clef } = fixture();
    const r = runEval(['--format', 'clef2019', '--data', clef, '--json']);
    assert.equal(r.status, 0, r.stderr);
    const last = JSON.parse(r.stdout.trim().split('\n').pop()!) as Record<string, number>;
    assert.equal(last.n, 18);
    assert.equal(last.files, 6);
    // The one statistic in each file should rank first: AP 1 in every file.
    assert.equal(last.map, 1);
    assert.equal(last.rPrecision, 1);
    assert.ok(Math.abs(last.p10! - 0.1) < 1e-9);
  });
});

describe('unspin eval claims (usage errors)', () => {
  it('rejects an unknown format or split with a usage error naming it', async () => {
    const { runCommand } = await import('citty');
    const { evalClaimsCommand } = await import('../../src/eval/claims/command.js');
    await assert.rejects(runCommand(evalClaimsCommand, { rawArgs: ['--format', 'fever', '--data', 'x'] }), (e: unknown) => e instanceof UnspinError && e.code === 'UNSPIN_E_USAGE' && /fever/.test(e.message));
    await assert.rejects(runCommand(evalClaimsCommand, { rawArgs: ['--format', 'claimbuster', '--data', 'x', '--split', 'test'] }), /--split test/);
  });
});
