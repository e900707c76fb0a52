import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { assertSpansConsistent, assertVoicesPartition } from '../helpers.js';
import { validateAnalysis } from '../schema.js';
import { analyzeFixture, goldenSlugs, project } from './golden.js';

const slugs = goldenSlugs();

test('there are golden fixtures', () => {
  assert.ok(slugs.length >= 8, `found ${slugs.length}`);
});

for (const slug of slugs) {
  test(`golden: ${slug}`, () => {
    const { analysis, dir } = analyzeFixture(slug);
    assertSpansConsistent(analysis);
    assertVoicesPartition(analysis);
    validateAnalysis(analysis, slug);
    const expectedPath = join(dir, 'expected.json');
    assert.ok(existsSync(expectedPath), `${slug}: no expected.json; review the output and run npm run fixtures:update`);
    const expected: unknown = JSON.parse(readFileSync(expectedPath, 'utf8'));
    assert.deepEqual(JSON.parse(JSON.stringify(project(analysis))), expected);
  });
}
