import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../src/pipeline/analyze.js';
import { buildTextModel } from '../../src/text/model.js';
import { assertSpansConsistent, assertVoicesPartition } from '../helpers.js';

test('two full stops between words with no space ("Wait..Really") give no empty token and no crash', () => {
  assert.ok(buildTextModel('Wait..Really').tokens.every((t) => t.text !== ''));
  const analysis = analyze('Wait..Really. He said "Wait..Really" and left.');
  assertSpansConsistent(analysis);
  assertVoicesPartition(analysis);
});
