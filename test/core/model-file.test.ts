import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { UnspinError } from '../../src/core/errors.js';
import { readModelJson } from '../../src/core/model-file.js';

test('a model file that is missing or not JSON is a MODEL_INVALID error naming the file and how to rebuild it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'unspin-model-'));
  try {
    const good = join(dir, 'good.json');
    writeFileSync(good, '{"format":"x","n":1}');
    assert.deepEqual(readModelJson(good, 'test model', 'run npm run train:x'), { json: { format: 'x', n: 1 }, path: good });
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"format":');
    for (const [path, words] of [
      [join(dir, 'absent.json'), 'test model missing'],
      [broken, 'test model is not valid JSON'],
    ] as const) {
      assert.throws(
        () => readModelJson(path, 'test model', 'run npm run train:x'),
        (e: unknown) => e instanceof UnspinError && e.code === 'UNSPIN_E_MODEL_INVALID' && e.message.includes(path) && e.message.includes(words) && e.message.includes('npm run train:x'),
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
