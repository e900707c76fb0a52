import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { dataPath } from '../../src/core/paths.js';
import { compiledOutletsPath, compileOutlets, createOutletFinder, loadOutletEntries, readCompiledOutlets, shippedOutlets, type CompiledOutlets } from '../../src/provenance/outlets.js';

test('the compiled outlet list, when built, is what build:data writes today from data/outlets/outlets.json', { skip: existsSync(compiledOutletsPath()) ? false : 'not built (npm run build:data)' }, () => {
  const built = JSON.parse(readFileSync(compiledOutletsPath(), 'utf8')) as CompiledOutlets;
  const today = compileOutlets();
  assert.equal(built.digest, today.digest, `${compiledOutletsPath()} is stale: run npm run build:data`);
  assert.deepEqual([built.fields, built.outlets], [today.fields, today.outlets], `${compiledOutletsPath()} is stale: run npm run build:data`);
});

test('the finder reads the same from the compiled fields as from the whole entries', () => {
  const entries = loadOutletEntries().entries;
  const full = createOutletFinder(entries);
  const slim = createOutletFinder(shippedOutlets(entries));
  const text = 'MOSCOW (REUTERS) - RT and Sputnik said, as Russia Today told the BBC and ABC in Australia, that the Global Times and CGTN agreed. Fars News and NTV in Moscow too.';
  assert.ok(full(text).length >= 5);
  assert.deepEqual(slim(text), full(text));
  for (const [i, e] of shippedOutlets(entries).entries()) assert.equal(e.type ?? null, entries[i]!.type ?? null);
});

test('a compiled outlet list is used while the list keeps its stamp or digest, and not after an edit', () => {
  const dir = mkdtempSync(join(tmpdir(), 'unspin-outlets-'));
  const source = join(dir, 'outlets.json');
  const list = readFileSync(dataPath('outlets', 'outlets.json'), 'utf8');
  writeFileSync(source, list);
  const past = new Date(Date.now() - 60_000);
  utimesSync(source, past, past);
  const compiled = compileOutlets(source);
  assert.ok(compiled.stamp !== undefined);
  const path = join(dir, 'outlet-specs.json');
  writeFileSync(path, JSON.stringify(compiled));
  assert.equal(readCompiledOutlets(path, source)?.length, compiled.outlets.length);
  writeFileSync(source, list);
  assert.equal(readCompiledOutlets(path, source)?.length, compiled.outlets.length, 'same bytes, new stamp: the digest decides');
  writeFileSync(path, JSON.stringify({ ...compiled, fields: compiled.fields.slice(1) }));
  assert.equal(readCompiledOutlets(path, source), null, 'other fields');
  writeFileSync(path, JSON.stringify(compiled));
  writeFileSync(source, list.replace('"Russia Today"', '"Russia Tomorrow"'));
  assert.equal(readCompiledOutlets(path, source), null);
  assert.equal(readCompiledOutlets(join(dir, 'missing.json'), source), null);
});
