import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeNet, embeddingAt, defaultHateNet, encodeNet, forward, NetFeaturizer, netState, type HateNet } from '../../../src/detectors/hate/net.js';
import { encodeWordTable, decodeWordTable } from '../../../src/text/word-table.js';

function tinyNet(): HateNet {
  const config = { bits: 4, embed: 2, hidden: 3, charMin: 3, charMax: 5 };
  const D = 2 * 2 + 2;
  const fill = (n: number, f: (i: number) => number) => Float32Array.from({ length: n }, (_, i) => f(i));
  return { name: 'tiny', version: '1', classes: ['normal', 'offensive', 'hatespeech'], config, glove: 2, embeddings: fill(16 * 2, (i) => ((i % 7) - 3) / 10), w1: fill(3 * D, (i) => ((i % 5) - 2) / 4), b1: fill(3, () => 0.1), w2: fill(9, (i) => ((i % 4) - 1.5) / 2), b2: fill(3, () => 0) };
}

test('hate network: int8 round trip keeps the dense layers and the embeddings within a quantisation step', () => {
  const net = tinyNet();
  const back = decodeNet(encodeNet(net), 'mem');
  assert.deepEqual([...back.w1], [...net.w1]);
  assert.ok(!(back.embeddings instanceof Float32Array), 'decoded embeddings stay int8');
  for (let r = 0; r < 16; r++) for (let e = 0; e < 2; e++) assert.ok(Math.abs(embeddingAt(back, r, e) - embeddingAt(net, r, e)) <= 0.3 / 127 + 1e-7);
  assert.deepEqual(encodeNet(back), encodeNet(net), 'int8 rows are written back as read');
  assert.throws(() => decodeNet(encodeNet(net).subarray(0, 40), 'cut.bin'), /cut\.bin/);
});

test('hate network: placeholders, not group names, reach the features; probabilities sum to one', () => {
  const table = decodeWordTable(encodeWordTable(['are', 'vermin'], new Int8Array([127, 0, 0, 127]), 2, 'test'), 'mem');
  const net = tinyNet();
  const featurizer = new NetFeaturizer(net.config, table);
  const input = featurizer.read(['GRP', 'are', 'vermin']);
  assert.deepEqual([...input.glove], [0.5, 0.5, 1, 1]);
  const p = forward(net, input, netState(net));
  assert.ok(Math.abs(p[0]! + p[1]! + p[2]! - 1) < 1e-9);
  const again = forward(net, featurizer.read(['GRP', 'are', 'vermin']), netState(net));
  assert.deepEqual([...again], [...p]);
  // The int8 network scores exactly as its float32 expansion does.
  const q = decodeNet(encodeNet(net), 'mem');
  const expanded: HateNet = { ...q, embeddings: Float32Array.from({ length: 16 * 2 }, (_, i) => embeddingAt(q, i >> 1, i & 1)) };
  const words = ['GRP', 'are', 'vermin', 'xyzzy'];
  assert.deepEqual([...forward(q, featurizer.read(words), netState(q))], [...forward(expanded, featurizer.read(words), netState(expanded))]);
});

test('the shipped network reads the shared word table and separates a placeholder attack from a neutral mention', () => {
  const { net, featurizer } = defaultHateNet();
  const state = netState(net);
  const hate = forward(net, featurizer.read(['GRP', 'make', 'me', 'sick']), state)[2]!;
  const neutral = forward(net, featurizer.read(['GRP', 'held', 'a', 'meeting', 'at', 'the', 'town', 'hall']), state)[2]!;
  assert.ok(hate > 0.7 && neutral < 0.3, `hate ${hate}, neutral ${neutral}`);
});
