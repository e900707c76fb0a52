import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UnspinError } from '../../src/core/errors.js';
import { runWithTimeout, TimedOut } from '../../src/pipeline/watchdog.js';

test('the watchdog returns what the task returns and passes its errors through', () => {
  assert.equal(runWithTimeout(() => 6 * 7, 10_000), 42);
  const error = new UnspinError('INPUT_EMPTY', 'nothing to read');
  assert.throws(() => runWithTimeout(() => {
    throw error;
  }, 10_000), (thrown) => thrown === error);
});

test('the watchdog stops a loop and a backtracking regular expression on the calling thread', () => {
  const started = performance.now();
  assert.throws(() => runWithTimeout(() => {
    for (;;);
  }, 100), (thrown) => thrown instanceof TimedOut && thrown.timeoutMs === 100);
  // Nested quantifiers over "aaa…b": exponential backtracking, seconds at this length.
  assert.throws(() => runWithTimeout(() => /^(a+)+$/.test(`${'a'.repeat(36)}b`), 100), TimedOut);
  assert.ok(performance.now() - started < 10_000, 'both stopped near their limit');
  // The thread goes on: a later task runs normally.
  assert.equal(runWithTimeout(() => 'still here', 10_000), 'still here');
});
