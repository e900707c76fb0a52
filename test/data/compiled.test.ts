import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { compiledPathOf, digestOf, parseYaml, readYamlData, settledStamp, sourceStamp, unchangedSince } from '../../src/core/data-file.js';
import { dataPath } from '../../src/core/paths.js';

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return d.name === 'compiled' ? [] : yamlFiles(path);
    return d.name.endsWith('.yml') ? [path] : [];
  });
}

test('data/compiled, when built, holds every YAML data file, fresh and equal to its parse', { skip: existsSync(dataPath('compiled')) ? false : 'not built (npm run build:data)' }, () => {
  const files = yamlFiles(dataPath());
  assert.ok(files.length > 20);
  for (const path of files) {
    const source = readFileSync(path, 'utf8');
    const compiledPath = compiledPathOf(path)!;
    assert.ok(existsSync(compiledPath), `${compiledPath} missing: run npm run build:data`);
    const compiled = JSON.parse(readFileSync(compiledPath, 'utf8')) as { digest: string; data: unknown };
    assert.equal(compiled.digest, digestOf(source), `${compiledPath} is stale: run npm run build:data`);
    assert.deepEqual(compiled.data, parseYaml(source), path);
  }
});

test('a compiled file is used while fresh, and a stale one is ignored for the YAML', () => {
  const root = mkdtempSync(join(tmpdir(), 'unspin-data-'));
  mkdirSync(join(root, 'compiled', 'topic'), { recursive: true });
  mkdirSync(join(root, 'topic'));
  const yamlPath = join(root, 'topic', 'list.yml');
  writeFileSync(yamlPath, 'title: From YAML\n');
  const compiledPath = compiledPathOf(yamlPath, root)!;
  assert.equal(compiledPath, join(root, 'compiled', 'topic', 'list.json'));

  writeFileSync(compiledPath, JSON.stringify({ digest: digestOf('title: From YAML\n'), data: { title: 'From JSON' } }));
  assert.deepEqual(readYamlData(yamlPath, root), { title: 'From JSON' });

  writeFileSync(yamlPath, 'title: Edited YAML\n');
  assert.deepEqual(readYamlData(yamlPath, root), { title: 'Edited YAML' });

  writeFileSync(compiledPath, '{ not json');
  assert.deepEqual(readYamlData(yamlPath, root), { title: 'Edited YAML' });
  assert.equal(compiledPathOf(join(tmpdir(), 'elsewhere.yml'), root), null);
});

test('a compiled file whose stamp the YAML still has is used without reading the YAML; any write sends it back to the digest', () => {
  const root = mkdtempSync(join(tmpdir(), 'unspin-data-'));
  mkdirSync(join(root, 'compiled'), { recursive: true });
  const yamlPath = join(root, 'list.yml');
  const compiledPath = compiledPathOf(yamlPath, root)!;
  writeFileSync(yamlPath, 'title: From YAML\n');
  // Written just now: too recent for a stamp (a second write could keep its time and size).
  assert.equal(settledStamp(yamlPath), undefined);
  const past = new Date(Date.now() - 60_000);
  utimesSync(yamlPath, past, past);
  const stamp = settledStamp(yamlPath);
  assert.ok(stamp !== undefined);
  assert.equal(stamp, sourceStamp(yamlPath));
  // The compiled data differs from the YAML and its digest does not match: only the stamp can make it used.
  writeFileSync(compiledPath, JSON.stringify({ digest: 'not the digest', stamp, data: { title: 'From JSON' } }));
  assert.deepEqual(readYamlData(yamlPath, root), { title: 'From JSON' });
  // Same size, new content: the write changes the modification time, and the YAML is parsed.
  writeFileSync(yamlPath, 'title: Edited YM\n');
  assert.equal(readFileSync(yamlPath).length, 'title: From YAML\n'.length);
  assert.notEqual(sourceStamp(yamlPath), stamp);
  assert.deepEqual(readYamlData(yamlPath, root), parseYaml(readFileSync(yamlPath, 'utf8')));
  // A stale stamp with the right digest: the compiled data is still used.
  writeFileSync(compiledPath, JSON.stringify({ digest: digestOf(readFileSync(yamlPath, 'utf8')), stamp, data: { title: 'From JSON' } }));
  assert.deepEqual(readYamlData(yamlPath, root), { title: 'From JSON' });
  assert.equal(sourceStamp(join(root, 'missing.yml')), null);
});

test('unchangedSince: a recorded stamp spares the read, else the digest decides, and an unreadable source gives the caller\'s answer', () => {
  const dir = mkdtempSync(join(tmpdir(), 'unspin-fresh-'));
  try {
    const path = join(dir, 'source.txt');
    writeFileSync(path, 'one');
    const digest = digestOf('one');
    assert.equal(unchangedSince(path, { digest }), true);
    assert.equal(unchangedSince(path, { digest: digestOf('two') }), false);
    // The stamp matches: the (wrong) digest is not consulted.
    assert.equal(unchangedSince(path, { digest: digestOf('two'), stamp: sourceStamp(path)! }), true);
    writeFileSync(path, 'two!');
    assert.equal(unchangedSince(path, { digest, stamp: 'stale' }), false);
    assert.equal(unchangedSince(join(dir, 'absent.txt'), { digest }), false);
    assert.equal(unchangedSince(join(dir, 'absent.txt'), { digest }, true), true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
