import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { dataPath, modelPath } from '../../../src/core/paths.js';
import { featureNamesOf } from '../../../src/detectors/propaganda/linear.js';
import { compiledModelPath, decodeCompiledModel, DEFAULT_MODEL_FILE, digestOfModel, encodeCompiledModel, unpackModel, type PropagandaModel } from '../../../src/detectors/propaganda/model.js';
import { tinyModel, tinyModelFile } from './tiny-model.js';

const BLOCKS = ['sentence', 'tagger', 'stack', 'filter'] as const;

/** Same weights and feature names, and every name found at its id. */
function assertSameModel(a: PropagandaModel, b: PropagandaModel): void {
  for (const block of [...BLOCKS, 'classifier'] as const) {
    assert.deepEqual(b[block].weights, a[block].weights, block);
    const names = featureNamesOf(a[block].index);
    assert.deepEqual(featureNamesOf(b[block].index), names, block);
    names.forEach((name, id) => assert.equal(b[block].index.get(name), id, `${block}: ${name}`));
  }
  assert.deepEqual({ ...b, sentence: 0, tagger: 0, stack: 0, filter: 0, classifier: 0 }, { ...a, sentence: 0, tagger: 0, stack: 0, filter: 0, classifier: 0 });
}

test('the compiled model, when built, is fresh and holds the model of models/propaganda.json', { skip: existsSync(dataPath('compiled')) ? false : 'not built (npm run build:data)' }, () => {
  const path = compiledModelPath(DEFAULT_MODEL_FILE);
  assert.ok(existsSync(path), `${path} missing: run npm run build:data`);
  const source = readFileSync(modelPath(DEFAULT_MODEL_FILE));
  const compiled = decodeCompiledModel(readFileSync(path), path);
  assert.equal(compiled.digest, digestOfModel(source), `${path} is stale: run npm run build:data`);
  assertSameModel(unpackModel(JSON.parse(source.toString('utf8')), 'json'), compiled.model);
});

test('a compiled tiny model reads back as the JSON model, and names not in it are not found', () => {
  const file = tinyModelFile(tinyModel({ words: ['disgraceful', 'so-called', 'a|b='] }));
  const json = unpackModel(JSON.parse(JSON.stringify(file)), 'json');
  const bytes = encodeCompiledModel(file, 'digest-of-source');
  const compiled = decodeCompiledModel(bytes, 'compiled');
  assert.equal(compiled.digest, 'digest-of-source');
  assertSameModel(json, compiled.model);
  assert.equal(compiled.model.tagger.index.get('w=calm'), undefined);
  assert.equal(compiled.model.tagger.index.get('w='), undefined);
  // Copied to an odd offset: the tables are then copied, not viewed in place.
  const shifted = Buffer.alloc(bytes.length + 1);
  bytes.copy(shifted, 1);
  assertSameModel(json, decodeCompiledModel(shifted.subarray(1), 'shifted').model);
  assert.throws(() => decodeCompiledModel(bytes.subarray(0, bytes.length - 8), 'cut'), { code: 'UNSPIN_E_MODEL_INVALID' });
  // The source's stamp, when given, comes back; without one there is none.
  assert.equal(compiled.stamp, undefined);
  const stamped = decodeCompiledModel(encodeCompiledModel(file, 'digest-of-source', '123:456'), 'stamped');
  assert.equal(stamped.stamp, '123:456');
  assertSameModel(json, stamped.model);
});
