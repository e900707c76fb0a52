import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { readCoreModel, winkModel } from '../../src/text/wink-model.js';

const require = createRequire(import.meta.url);

test("readCoreModel builds the same core model as the package's own core(), fresh on each call", () => {
  const shipped = require('wink-eng-lite-web-model') as { core: () => unknown };
  const ours = readCoreModel() as { lexicon: Uint32Array; features: { lexeme: { hash: Record<string, number> } } };
  assert.deepStrictEqual(ours, shipped.core());
  assert.ok(ours.lexicon.length > 100_000);
  // Each engine grows its own lexicon: a second call shares nothing with the first.
  const again = readCoreModel() as typeof ours;
  assert.notEqual(again.lexicon, ours.lexicon);
  ours.features.lexeme.hash['zzqx-learnt'] = 1;
  assert.equal(again.features.lexeme.hash['zzqx-learnt'], undefined);
});

test("the assembled model has the package's parts, with sentiment an empty machine", () => {
  const shipped = require('wink-eng-lite-web-model') as Record<string, unknown> & { addons: Record<string, unknown>; sa: () => { machines: string[] } };
  const ours = winkModel() as unknown as Record<string, unknown> & { addons: Record<string, unknown>; sa: () => { machines: string[] } };
  assert.deepEqual(Object.keys(ours).sort(), Object.keys(shipped).sort());
  assert.deepEqual(Object.keys(ours.addons).sort(), Object.keys(shipped.addons).sort());
  for (const part of ['sbd', 'pos', 'ner', 'negation', 'metaCER', 'featureFn']) assert.equal(ours[part], shipped[part], part);
  for (const addon of ['stem', 'lemmatize', 'readabilityStats', 'wordVectors']) assert.equal(ours.addons[addon], shipped.addons[addon], addon);
  assert.equal(ours['core'], readCoreModel);
  assert.equal(ours.sa().machines.length, 1);
  assert.ok(shipped.sa().machines[0]!.length > 100_000);
});
