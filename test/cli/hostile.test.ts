import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ERRORS } from '../../src/core/errors.js';
import { DEFAULT_MAX_BYTES } from '../../src/input/sources.js';
import { ROOT, runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'unspin-hostile-'));
const article = join(dir, 'article.txt');
writeFileSync(article, 'The mayor said the plan would work.\n');

/** A user error: the given exit code, one line on stderr naming the input and the code, no stack trace. */
function assertUserError(r: { code: number; stderr: string }, error: { code: string; exitCode: number }, mentions: string): void {
  assert.equal(r.code, error.exitCode, r.stderr);
  const lines = r.stderr.trim().split('\n');
  assert.equal(lines.length, 1, `one line: ${r.stderr}`);
  assert.ok(lines[0]!.includes(error.code) && lines[0]!.includes(mentions), `names ${mentions} with ${error.code}: ${r.stderr}`);
}

test('"Wait..Really" on stdin is analysed, not exit 70', () => {
  const r = runCli(['analyze', '-'], { input: 'Wait..Really' });
  assert.equal(r.code, 0, r.stderr);
  assert.equal((JSON.parse(r.stdout) as { text: string }).text, 'Wait..Really');
});

test('a NUL byte after the first 8 KB of stdin is binary input, one line', () => {
  const r = runCli(['analyze', '-'], { input: Buffer.concat([Buffer.from('word '.repeat(4000)), Buffer.from([0]), Buffer.from(' more words')]) });
  assertUserError(r, ERRORS.INPUT_BINARY, 'stdin');
});

test('stdin over the 50 MB limit is one line naming stdin, not read to the end', () => {
  const cli = join(ROOT, 'src/interfaces/cli/main.ts');
  const r = spawnSync('sh', ['-c', `head -c ${DEFAULT_MAX_BYTES + 1} /dev/zero | tr '\\0' a | "${process.execPath}" --import tsx "${cli}" analyze -`], { cwd: ROOT, encoding: 'utf8' });
  assertUserError({ code: r.status ?? -1, stderr: r.stderr }, ERRORS.INPUT_TOO_LARGE, 'stdin');
});

test('-o naming a missing folder or a directory is one line with a documented code, before any analysis', () => {
  assertUserError(runCli(['analyze', article, '-o', join(dir, 'missing', 'out.json')]), ERRORS.OUTPUT_UNWRITABLE, 'missing');
  assertUserError(runCli(['analyze', article, '-o', dir]), ERRORS.OUTPUT_UNWRITABLE, dir);
  assertUserError(runCli(['analyze', article, article, '--format', 'html', '-o', article]), ERRORS.OUTPUT_UNWRITABLE, article);
});

test('--format text escapes control characters from the document: no screen clear, no window title', () => {
  const file = join(dir, 'controls.txt');
  writeFileSync(file, 'Title\u001b]0;pwned\u0007\n\n\u001b[2JThe minister said "we will \u001b[31mwin\u001b[0m" today.\tTabs stay.\n');
  const r = runCli(['analyze', file, '--format', 'text', '--no-color']);
  assert.equal(r.code, 0, r.stderr);
  // eslint-disable-next-line no-control-regex -- looking for control characters is the point
  assert.doesNotMatch(r.stdout, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  assert.match(r.stdout, /Title\\x1b\]0;pwned\\x07/);
});

test('an unknown option, or an option missing its value, is a usage error (exit 2), not ignored', () => {
  assertUserError(runCli(['analyze', article, '--frobnicate']), ERRORS.USAGE, '--frobnicate');
  assertUserError(runCli(['analyze', article, '--format']), ERRORS.USAGE, '--format');
  const known = runCli(['analyze', article, '--no-color', '-f', 'json']);
  assert.equal(known.code, 0, known.stderr);
});

test('a reader that stops early (| head) ends the run quietly: no internal error, no stack trace', () => {
  const corpus = mkdtempSync(join(tmpdir(), 'unspin-epipe-'));
  for (let i = 0; i < 12; i++) writeFileSync(join(corpus, `a${i}.txt`), `Article ${i}.\n\nThe mayor said on Monday that the bridge would reopen in ${2020 + i}. Critics called the plan a disaster.\n`.repeat(20));
  const cli = `${JSON.stringify(process.execPath)} --import tsx ${JSON.stringify(join(ROOT, 'src/interfaces/cli/main.ts'))}`;
  const r = spawnSync('bash', ['-c', `${cli} analyze ${JSON.stringify(corpus)} --format json --threads 1 --timeout 0 | head -c 100 >/dev/null; echo "status $\{PIPESTATUS[0]}"`], { cwd: ROOT, encoding: 'utf8' });
  assert.match(r.stdout, /status 0/, r.stderr);
  assert.doesNotMatch(r.stderr, /internal error|EPIPE|at /, r.stderr);
});
