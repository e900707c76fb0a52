import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { autoThreads } from '../../src/interfaces/cli/commands/analyze.js';
import { runCli } from './run-cli.js';

// 30 records: above the size at which `analyze` moves to a pool of threads by itself.
const SENTENCES = [
  'The minister said on Tuesday that the plan "will work", Reuters reported.',
  'Critics called the so-called reform a disgraceful betrayal of every voter.',
  'Unemployment fell to 4.1 per cent in March, the statistics office said.',
  'They decide who can enter the country and who cannot.',
  "Donald's friends, who aren't here, said nothing at all.",
];

function corpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'unspin-threads-'));
  const path = join(dir, 'corpus.jsonl');
  const lines = Array.from({ length: 30 }, (_, i) => JSON.stringify({ id: `doc-${i}`, text: `${SENTENCES[i % 5]} ${SENTENCES[(i * 3 + 1) % 5]} Item ${i}.` }));
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

test('a corpus analysed on threads gives the bytes of a run on the main thread, in input order', () => {
  const path = corpus();
  const inProcess = runCli(['analyze', path, '--threads', '1', '--timeout', '0']);
  assert.equal(inProcess.code, 0, inProcess.stderr);
  const sources = inProcess.stdout.trim().split('\n').map((line) => (JSON.parse(line) as { meta: { source: string } }).meta.source);
  assert.deepEqual(sources, Array.from({ length: 30 }, (_, i) => `doc-${i}`));

  for (const args of [[], ['--threads', '2'], ['--threads', '3']]) {
    const pooled = runCli(['analyze', path, ...args]);
    assert.equal(pooled.code, 0, pooled.stderr);
    assert.equal(pooled.stdout, inProcess.stdout, `analyze ${args.join(' ')}`);
  }
});

test('a document over --timeout is a named error and the others still run', () => {
  const dir = mkdtempSync(join(tmpdir(), 'unspin-timeout-'));
  const path = join(dir, 'one.txt');
  writeFileSync(path, SENTENCES.join(' '));
  const result = runCli(['analyze', path, '--timeout', '1']);
  assert.equal(result.code, 3);
  assert.equal(result.stdout, '');
  assert.match(result.stderr, /^unspin: .*one\.txt: analysis took longer than 0\.001 s \(--timeout\) \(UNSPIN_E_ANALYSIS_TIMEOUT\)\n$/);
});

test('with several threads, every document over --timeout is named in input order, on the main thread and on the threads that replace each other', () => {
  // Four articles of a few thousand characters: each takes well over 1 ms on a thread that
  // has just loaded its models, and a thread is replaced after each timeout.
  const dir = mkdtempSync(join(tmpdir(), 'unspin-timeouts-'));
  const names = ['a.txt', 'b.txt', 'c.txt', 'd.txt'];
  names.forEach((name, i) => writeFileSync(join(dir, name), Array.from({ length: 40 }, (_, k) => SENTENCES[(i + k) % 5]).join(' ')));
  const result = runCli(['analyze', dir, '--threads', '2', '--timeout', '1']);
  assert.equal(result.code, 3, result.stderr);
  assert.equal(result.stdout, '');
  const named = result.stderr.trim().split('\n').map((line) => /([a-d])\.txt: analysis took longer than 0\.001 s \(--timeout\) \(UNSPIN_E_ANALYSIS_TIMEOUT\)$/.exec(line)?.[1]);
  assert.deepEqual(named, ['a', 'b', 'c', 'd']);
});

test('--threads and --timeout take whole numbers', () => {
  for (const args of [['--threads', '0'], ['--threads', 'two'], ['--timeout', '-5'], ['--timeout', '1.5']]) {
    const result = runCli(['analyze', '-', ...args], { input: 'Some text.' });
    assert.equal(result.code, 2, args.join(' '));
    assert.match(result.stderr, /UNSPIN_E_USAGE/);
  }
});

test('without --threads a pool is used only for a corpus of 24 documents or more on 3 cores or more', () => {
  assert.equal(autoThreads(23, 16), 1, 'a small corpus stays on one thread');
  assert.equal(autoThreads(371, 2), 1, 'two cores do not repay a pool');
  assert.equal(autoThreads(24, 3), 3);
  assert.equal(autoThreads(5000, 64), 8, 'at most 8 threads');
});
