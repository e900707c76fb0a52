import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { countInputs } from '../../src/batch/count-inputs.js';
import { documentId, documentRecord } from '../../src/batch/document-record.js';
import { jobIdOf } from '../../src/batch/queue.js';
import { byteSize } from '../../src/interfaces/batch/cli-options.js';
import { expandInputs, readSources, type SourceItem } from '../../src/input/sources.js';

async function collect(paths: string[], maxBytes?: number): Promise<SourceItem[]> {
  const items: SourceItem[] = [];
  for await (const item of readSources(paths, { maxBytes })) items.push(item);
  return items;
}

test('inputs: globs expand to sorted matches; counts match what is read', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'unspin-inputs-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'b'));
  writeFileSync(join(dir, 'b', 'two.txt'), 'Second article.');
  writeFileSync(join(dir, 'one.txt'), 'First article.');
  writeFileSync(join(dir, 'skip.md'), 'not an article');
  writeFileSync(join(dir, 'c.jsonl'), '{"id":"r1","text":"One."}\n\n{"id":"r2","text":"Two."}\n{"id":"r3","te\n');

  const entries = await expandInputs([join(dir, '**/*')]);
  assert.deepEqual(entries.map((e) => (e.ok ? `${e.kind}:${e.path.slice(dir.length + 1)}` : 'error')), ['document:b/two.txt', 'jsonl:c.jsonl', 'document:one.txt']);
  const items = await collect([join(dir, '**/*')]);
  assert.equal(items.length, 5);
  assert.equal(await countInputs([join(dir, '**/*')]), 5);
  assert.deepEqual(items.filter((i) => !i.ok).map((i) => (i.ok ? '' : i.error.code)), ['UNSPIN_E_JSONL_MALFORMED']);

  const none = await expandInputs([join(dir, '*.pdf')]);
  assert.equal(none.length, 1);
  assert.equal(none[0]!.ok ? '' : none[0]!.error.code, 'UNSPIN_E_NO_INPUT');
});

test('inputs: a JSON Lines record over the size limit is an error, the next one is read', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'unspin-inputs-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'c.jsonl');
  writeFileSync(file, `{"id":"big","text":"${'a'.repeat(5000)}"}\n{"id":"small","text":"ok"}\n`);
  const items = await collect([file], 1000);
  assert.equal(items[0]!.ok ? '' : items[0]!.error.code, 'UNSPIN_E_INPUT_TOO_LARGE');
  assert.equal(items[0]!.source, `${file}:1`);
  assert.equal(items[1]!.ok && items[1]!.source, 'small');
});

test('document ids and hashes: stable, content-sensitive; job ids are one-to-one and BullMQ-safe', () => {
  assert.equal(documentId('./news/a.txt'), 'news/a.txt');
  // `batch corpus` and `batch /abs/corpus` from the same directory name each document once.
  assert.equal(documentId(join(process.cwd(), 'corpus', 'a.txt')), documentId('corpus/a.txt'));
  assert.equal(documentId('/srv/news/a.txt', '/home/me'), '/srv/news/a.txt');
  const a = documentRecord('a.txt', { text: 'Hello.' });
  assert.equal(a.contentHash, documentRecord('a.txt', { text: 'Hello.' }).contentHash);
  assert.notEqual(a.contentHash, documentRecord('a.txt', { text: 'Hello!' }).contentHash);
  assert.notEqual(a.contentHash, documentRecord('a.txt', { html: 'Hello.' }).contentHash);
  assert.equal(a.bytes, 6);
  assert.equal(jobIdOf('news/a.txt'), 'news/a.txt');
  const ids = ['a:b', 'a%3Ab', '123', '%i123', '12ab', '-7'].map(jobIdOf);
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ids) {
    assert.ok(!id.includes(':'), id);
    assert.notEqual(`${parseInt(id, 10)}`, id);
  }
});

test('sizes: 10MB, 512k and plain bytes; nonsense is a usage error', () => {
  assert.equal(byteSize('max-size', '10MB', 1), 10 * 1024 * 1024);
  assert.equal(byteSize('max-size', '512k', 1), 512 * 1024);
  assert.equal(byteSize('max-size', '2048', 1), 2048);
  assert.equal(byteSize('max-size', undefined, 7), 7);
  assert.throws(() => byteSize('max-size', 'lots', 1), { code: 'UNSPIN_E_USAGE' });
});
