import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeNet, embeddingAt, defaultHateNet, encodeNet, forward, logOdds, NetFeaturizer, netState, type HateNet } from '../../../src/detectors/hate/net.js';
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

test('hate network: words in a negation scope feed a third GloVe block; occlusion reads what the shorter unit reads', () => {
  const table = decodeWordTable(encodeWordTable(['are', 'not', 'thieves', 'kind', 'but'], new Int8Array([127, 0, 0, 0, 0, 127, 127, 127, 0, 0]), 2, 'test'), 'mem');
  const net = { ...tinyNet(), config: { ...tinyNet().config, negation: 3 } };
  net.w1 = Float32Array.from({ length: 3 * (3 * 2 + 2) }, (_, i) => ((i % 5) - 2) / 4);
  const featurizer = new NetFeaturizer(net.config, table);
  // "not" opens the scope: "thieves" (GloVe [0, 1]) is negated; "but" closes it before "kind".
  assert.deepEqual([...featurizer.read(['GRP', 'are', 'not', 'thieves', 'but', 'kind']).glove].slice(4), [0, 1]);
  assert.deepEqual([...featurizer.read(['GRP', 'are', 'thieves']).glove].slice(4), [0, 0], 'no cue, no negated block');
  // "no GRP person ...": the cue's own group does not close the scope.
  assert.deepEqual([...featurizer.read(['no', 'GRP', 'thieves']).glove].slice(4), [0, 1]);
  const negated = forward(net, featurizer.read(['GRP', 'are', 'not', 'thieves']), netState(net));
  const plain = forward(net, featurizer.read(['GRP', 'are', 'thieves']), netState(net));
  assert.notDeepEqual([...negated], [...plain]);
  const words = ['GRP', 'are', 'not', 'thieves', 'but', 'kind'];
  const cache = featurizer.prepare(words);
  for (let skip = 0; skip < words.length; skip++) {
    const shorter = words.filter((_, i) => i !== skip);
    const a = featurizer.readPrepared(cache, skip);
    const pa = [...forward(net, a, netState(net))];
    const b = featurizer.read(shorter);
    assert.deepEqual(pa, [...forward(net, b, netState(net))], `skip ${skip}`);
  }
  // An older network without the field reads two blocks, as before.
  assert.equal(new NetFeaturizer(tinyNet().config, table).read(words).glove.length, 4);
});

test('hate network: log-odds come from the output scores, so saturated decisions still compare', () => {
  const net = tinyNet();
  const table = decodeWordTable(encodeWordTable(['are', 'vermin'], new Int8Array([127, 0, 0, 127]), 2, 'test'), 'mem');
  const featurizer = new NetFeaturizer(net.config, table);
  const state = netState(net);
  const p = forward(net, featurizer.read(['GRP', 'are', 'vermin']), state)[2]!;
  assert.ok(Math.abs(logOdds(net, state, 2) - Math.log(p / (1 - p))) < 1e-9);
  // Scale the output layer until p rounds to 1: the probability no longer tells two inputs apart, the log-odds do.
  const sharp: HateNet = { ...net, b2: Float32Array.from([0, 0, 200]) };
  const s = netState(sharp);
  const a = forward(sharp, featurizer.read(['GRP', 'are', 'vermin']), s)[2]!;
  const la = logOdds(sharp, s, 2);
  const b = forward(sharp, featurizer.read(['GRP', 'are']), s)[2]!;
  const lb = logOdds(sharp, s, 2);
  assert.equal(a, 1);
  assert.equal(b, 1);
  assert.ok(Number.isFinite(la) && Number.isFinite(lb) && la !== lb, `${la} ${lb}`);
});

test('hate network: with config.content the GloVe blocks pool content words only; function words keep their hashed rows', () => {
  // "are" (a function word) points one way, "vermin" the other.
  const table = decodeWordTable(encodeWordTable(['are', 'not', 'vermin'], new Int8Array([127, 0, 0, 0, 0, 127]), 2, 'test'), 'mem');
  const content = new NetFeaturizer({ ...tinyNet().config, negation: 3, content: true }, table);
  const every = new NetFeaturizer({ ...tinyNet().config, negation: 3 }, table);
  assert.deepEqual([...content.read(['GRP', 'are', 'vermin']).glove], [0, 1, 0, 1, 0, 0]);
  assert.deepEqual([...every.read(['GRP', 'are', 'vermin']).glove], [0.5, 0.5, 1, 1, 0, 0]);
  // The hashed rows are the same either way: "are" still reaches the network through them.
  const a = content.read(['GRP', 'are', 'vermin']);
  const rowsA = [...a.rows.slice(0, a.length)];
  const b = every.read(['GRP', 'are', 'vermin']);
  assert.deepEqual(rowsA, [...b.rows.slice(0, b.length)]);
  // A unit of only placeholders and function words has empty GloVe blocks.
  assert.deepEqual([...content.read(['GRP', 'are']).glove], [0, 0, 0, 0, 0, 0]);
  // Negated content words still fill the third block; occlusion reads what the shorter unit reads.
  assert.deepEqual([...content.read(['GRP', 'are', 'not', 'vermin']).glove].slice(4), [0, 1]);
  const words = ['GRP', 'are', 'not', 'vermin'];
  const cache = content.prepare(words);
  for (let skip = -1; skip < words.length; skip++) {
    const x = content.readPrepared(cache, skip);
    const glove = [...x.glove];
    const rows = [...x.rows.slice(0, x.length)];
    const y = content.read(words.filter((_, i) => i !== skip));
    assert.deepEqual([glove, rows], [[...y.glove], [...y.rows.slice(0, y.length)]], `skip ${skip}`);
  }
});
