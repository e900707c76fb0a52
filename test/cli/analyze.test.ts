import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ERRORS } from '../../src/core/errors.js';
import { validateAnalysis } from '../schema.js';
import { runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'unspin-cli-'));
const article = join(dir, 'article.txt');
writeFileSync(article, '“We are ready,” the mayor said on Monday.\n\nThe council disagreed.\n');
const page = join(dir, 'page.html');
writeFileSync(page, '<html><head><title>Page title</title></head><body><nav>Menu</nav><article><p>' + 'The minister said the plan would work. '.repeat(6) + '</p></article><footer>Footer</footer></body></html>');

/** A user error is one line on stderr with the code, and no stack trace. */
function assertOneLineError(stderr: string, code: string, mentions: string): void {
  const lines = stderr.trim().split('\n');
  assert.ok(lines.some((l) => l.includes(code) && l.includes(mentions)), `stderr should name ${mentions} with ${code}: ${stderr}`);
  assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
}

test('--version prints the package version', () => {
  const r = runCli(['--version']);
  assert.equal(r.code, 0);
  assert.match(r.stdout.trim(), /^\d+\.\d+\.\d+$/);
});

test('analyze FILE prints one JSON document that matches the schema when piped', () => {
  const r = runCli(['analyze', article]);
  assert.equal(r.code, 0, r.stderr);
  const analysis = JSON.parse(r.stdout) as { meta: { source: string }; text: string };
  validateAnalysis(analysis, 'cli output');
  assert.equal(analysis.meta.source, article);
  assert.match(analysis.text, /The council disagreed/);
});

test('analyze reads stdin with -', () => {
  const r = runCli(['analyze', '-'], { input: 'The minister said the budget was balanced.' });
  assert.equal(r.code, 0, r.stderr);
  const analysis = JSON.parse(r.stdout) as { meta: { source: string } };
  assert.equal(analysis.meta.source, '-');
});

test('HTML input goes through Readability: title kept, navigation and footer dropped', () => {
  const r = runCli(['analyze', page]);
  assert.equal(r.code, 0, r.stderr);
  const analysis = JSON.parse(r.stdout) as { text: string; meta: { title: string; format: string } };
  assert.equal(analysis.meta.title, 'Page title');
  assert.equal(analysis.meta.format, 'html');
  assert.doesNotMatch(analysis.text, /Menu|Footer/);
  assert.match(analysis.text, /The minister said the plan would work/);
});

test('several inputs give JSON Lines in input order, each naming its source', () => {
  const r = runCli(['analyze', article, page, '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { meta: { source: string } });
  assert.deepEqual(lines.map((l) => l.meta.source), [article, page]);
});

test('a directory is read in sorted order, .txt/.html/.htm only', () => {
  const sub = join(dir, 'corpus');
  mkdirSync(sub);
  writeFileSync(join(sub, 'b.txt'), 'Second document, said nobody.');
  writeFileSync(join(sub, 'a.htm'), '<p>First document in HTML form.</p>');
  writeFileSync(join(sub, 'notes.md'), '# ignored');
  const r = runCli(['analyze', sub]);
  assert.equal(r.code, 0, r.stderr);
  const sources = r.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { meta: { source: string } }).meta.source);
  assert.deepEqual(sources, [join(sub, 'a.htm'), join(sub, 'b.txt')]);
});

test('a JSON Lines corpus gives one analysis per record; a bad line is reported and the rest run', () => {
  const corpus = join(dir, 'corpus.jsonl');
  writeFileSync(corpus, ['{"id":"doc-1","text":"The first text, he said."}', '{"id":"doc-2","html":"<p>The second, in HTML.</p>"}', '{"id":"doc-3","text":"truncat', '{"id":"doc-4","text":"The fourth text."}', ''].join('\n'));
  const r = runCli(['analyze', corpus]);
  assert.equal(r.code, ERRORS.SOME_INPUTS_FAILED.exitCode, r.stderr);
  const sources = r.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { meta: { source: string } }).meta.source);
  assert.deepEqual(sources, ['doc-1', 'doc-2', 'doc-4']);
  assertOneLineError(r.stderr, ERRORS.JSONL_MALFORMED.code, `${corpus}:3`);
});

test('a missing file is a one-line error with its documented exit code', () => {
  const r = runCli(['analyze', join(dir, 'nope.txt')]);
  assert.equal(r.code, ERRORS.INPUT_NOT_FOUND.exitCode);
  assertOneLineError(r.stderr, ERRORS.INPUT_NOT_FOUND.code, 'nope.txt');
  assert.equal(r.stdout, '');
});

test('binary and empty files are named errors; with several inputs the good one still runs', () => {
  const binary = join(dir, 'image.txt');
  writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]));
  const empty = join(dir, 'empty.txt');
  writeFileSync(empty, '  \n\n ');
  const r = runCli(['analyze', binary, empty, article]);
  assert.equal(r.code, ERRORS.SOME_INPUTS_FAILED.exitCode);
  assertOneLineError(r.stderr, ERRORS.INPUT_BINARY.code, 'image.txt');
  assertOneLineError(r.stderr, ERRORS.INPUT_EMPTY.code, 'empty.txt');
  assert.equal(r.stdout.trim().split('\n').length, 1);
});

test('an unreadable file is a named error', { skip: process.getuid?.() === 0 ? 'root reads every file' : false }, () => {
  const locked = join(dir, 'locked.txt');
  writeFileSync(locked, 'secret');
  chmodSync(locked, 0o000);
  const r = runCli(['analyze', locked]);
  assert.equal(r.code, ERRORS.INPUT_UNREADABLE.exitCode);
  assertOneLineError(r.stderr, ERRORS.INPUT_UNREADABLE.code, 'locked.txt');
});

test('a bad --format and an unknown command are usage errors', () => {
  const r = runCli(['analyze', article, '--format', 'pdf']);
  assert.equal(r.code, ERRORS.USAGE.exitCode);
  assertOneLineError(r.stderr, ERRORS.USAGE.code, 'pdf');
  const u = runCli(['frobnicate']);
  assert.equal(u.code, ERRORS.USAGE.exitCode);
  assertOneLineError(u.stderr, ERRORS.USAGE.code, 'frobnicate');
});

test('--format text prints a summary; --format html a self-contained page', () => {
  const t = runCli(['analyze', article, '--format', 'text']);
  assert.equal(t.code, 0, t.stderr);
  assert.match(t.stdout, /voices: author \d+%/);
  assert.ok(!t.stdout.includes('\u001b['), 'no colour when piped');
  const h = runCli(['analyze', article, '--format', 'html']);
  assert.equal(h.code, 0, h.stderr);
  assert.match(h.stdout, /^<!doctype html>/i);
  assert.doesNotMatch(h.stdout, /<(script|link|img)[^>]+(src|href)="https?:/i);
});

test('--format html with several inputs writes one page per document into --output DIR, and needs it', () => {
  const pages = join(dir, 'pages');
  const second = join(dir, 'sub', 'article.txt');
  mkdirSync(join(dir, 'sub'), { recursive: true });
  writeFileSync(second, 'Another article, with the same file name.');
  const r = runCli(['analyze', article, page, second, '--format', 'html', '--output', pages]);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(readdirSync(pages).sort(), ['article-2.html', 'article.html', 'page.html']);
  assert.match(readFileSync(join(pages, 'page.html'), 'utf8'), /^<!doctype html>/i);
  const without = runCli(['analyze', article, page, '--format', 'html']);
  assert.equal(without.code, ERRORS.USAGE.exitCode);
  assertOneLineError(without.stderr, ERRORS.USAGE.code, '--output DIR');
});

test('--output FILE receives the JSON Lines instead of stdout', () => {
  const target = join(dir, 'out.jsonl');
  const r = runCli(['analyze', article, page, '--output', target]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, '');
  assert.equal(readFileSync(target, 'utf8').trim().split('\n').length, 2);
});
