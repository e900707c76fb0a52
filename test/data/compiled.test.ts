import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { compiledPathOf, digestOf, parseYaml, readYamlData } from '../../src/core/data-file.js';
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
