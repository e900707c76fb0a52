/**
 * Experiment (issue 16): a small 1-D CNN over the shared word table's vectors, stacked on the
 * linear claim model's score. Not shipped; see the note in scripts/train-claims.ts.
 *
 *   npm run train:claims -- --data DATASETS --context --no-write --dump-scores /tmp/scores.json
 *   node --import tsx scripts/train-claims-cnn.ts --data DATASETS --scores /tmp/scores.json [--filters 64 --width 3 --epochs 8]
 *
 * The CNN: each token is its GloVe row (models/words.bin, int8 / 127, fixed) plus three flags
 * (unknown word, has a digit, capitalised); F filters of width W (zero padding), ReLU, max over
 * time, one logistic output. Adam, mini-batches of 32, seeded init and order (mulberry32), so a
 * rerun gives the same figures. ClaimBuster 4-fold cross-validation uses the linear model's folds
 * (sentence_id % 5 in 1..4): the CNN trained without a fold scores that fold, and the stacked
 * score sigmoid(a * logit(p_linear) + (1 - a) * z_cnn) is thresholded at the best F1 over the
 * pooled out-of-fold scores, the same figure train-claims prints ("F1 ... there").
 * A sentence the detector rules out (linear score 0) stays 0.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { seededRandom, shuffleInPlace } from '../src/core/random.js';
import { modelPath } from '../src/core/paths.js';
import { readClaimBuster, readClef, type LabelledSentence } from '../src/eval/claims/data.js';
import { textKey } from '../src/eval/claims/train.js';
import { binaryScores } from '../src/eval/claims/metrics.js';
import { decodeWordTable, WORD_TABLE_FILE } from '../src/text/word-table.js';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    scores: { type: 'string' },
    filters: { type: 'string', default: '64' },
    width: { type: 'string', default: '3' },
    epochs: { type: 'string', default: '8' },
    lr: { type: 'string', default: '0.002' },
    l2: { type: 'string', default: '0.0001' },
    seed: { type: 'string', default: '20191' },
    dev: { type: 'boolean', default: false },
  },
});
if (!values.data || !values.scores) {
  console.error('usage: train-claims-cnn --data DATASETS_DIR --scores SCORES.json (from train-claims --dump-scores)');
  process.exit(2);
}
const F = Number(values.filters);
const W = Number(values.width);
const EPOCHS = Number(values.epochs);
const LR = Number(values.lr);
const L2 = Number(values.l2);
const SEED = Number(values.seed);

function load() {
  try {
    const table = decodeWordTable(readFileSync(modelPath(WORD_TABLE_FILE)), WORD_TABLE_FILE);
    const cbPath = join(values.data!, 'claimbuster-2.5xncs', 'train.jsonl');
    const cbTrain = readClaimBuster(cbPath, 'train');
    const cbDev = readClaimBuster(cbPath, 'dev');
    const clefDev = readClef(join(values.data!, 'clef2019-checkthat-task1', 'training'), 'dev');
    const dump = JSON.parse(readFileSync(values.scores!, 'utf8')) as { threshold: number; heldOut: { id: string; label: 0 | 1; score: number }[]; dev: { id: string; label: 0 | 1; score: number }[] };
    if (!Array.isArray(dump.heldOut) || !Array.isArray(dump.dev)) throw new Error(`${values.scores}: not a train-claims --dump-scores file`);
    // Scores dumped from other data would stack as NaN: refuse them by name instead.
    const trainIds = new Set(cbTrain.map((s) => s.id));
    const dumpedDev = new Set(dump.dev.map((d) => d.id));
    const stray = dump.heldOut.find((h) => !trainIds.has(h.id)) ?? cbDev.find((s) => !dumpedDev.has(s.id));
    if (stray) throw new Error(`${values.scores}: sentence ${stray.id} does not match ${cbPath}; dump the scores again from the same data`);
    return { table, cbTrain, cbDev, clefDev, dump };
  } catch (error) {
    // Missing or malformed data is the user's to fix: one line naming the input, no stack.
    console.error(`train-claims-cnn: ${(error as Error).message}`);
    process.exit(2);
  }
}
const { table, cbTrain, cbDev, clefDev, dump } = load();
const D0 = table.dims;
const D = D0 + 3;
const devKeys = new Set([...cbDev, ...clefDev.flatMap((f) => f.sentences)].map((s) => textKey(s.text)));

/** A sentence as a (tokens x D) matrix. */
function encode(text: string): Float32Array {
  const tokens = text.match(/[A-Za-z]+(?:['\u2019][A-Za-z]+)?|\d+(?:[.,]\d+)*%?|[^\sA-Za-z\d]/g) ?? [];
  const x = new Float32Array(Math.max(1, tokens.length) * D);
  tokens.forEach((tok, t) => {
    const key = tok.toLowerCase().replace(/\u2019/g, "'");
    let id = table.id(key);
    if (id < 0 && key.includes("'")) id = table.id(key.slice(0, key.indexOf("'")));
    const base = t * D;
    if (id >= 0) for (let d = 0; d < D0; d++) x[base + d] = table.vectors[id * D0 + d]! / 127;
    else x[base + D0] = 1;
    if (/\d/.test(tok)) x[base + D0 + 1] = 1;
    if (t > 0 && /^[A-Z]/.test(tok)) x[base + D0 + 2] = 1;
  });
  return x;
}

interface Net {
  conv: Float32Array; // F x W x D
  convB: Float32Array; // F
  out: Float32Array; // F
  outB: Float32Array; // 1
}

const PAD = (W - 1) >> 1;

/** Forward: the logit, and per filter the pooled value and the window start (-1 when inactive). */
function forward(net: Net, x: Float32Array, pooled: Float32Array, argmax: Int32Array): number {
  const L = x.length / D;
  for (let f = 0; f < F; f++) {
    let best = 0;
    let at = -1;
    for (let t = 0; t < L; t++) {
      let s = net.convB[f]!;
      for (let k = 0; k < W; k++) {
        const row = t + k - PAD;
        if (row < 0 || row >= L) continue;
        const xb = row * D;
        const wb = (f * W + k) * D;
        for (let d = 0; d < D; d++) s += net.conv[wb + d]! * x[xb + d]!;
      }
      if (s > best) {
        best = s;
        at = t;
      }
    }
    pooled[f] = best;
    argmax[f] = at;
  }
  let z = net.outB[0]!;
  for (let f = 0; f < F; f++) z += net.out[f]! * pooled[f]!;
  return z;
}

function train(xs: Float32Array[], ys: (0 | 1)[], seed: number): Net {
  const random = seededRandom(seed);
  const gauss = () => random() + random() + random() - 1.5; // variance 0.25
  const convScale = Math.sqrt(2 / (W * D)) * 2;
  const net: Net = {
    conv: Float32Array.from({ length: F * W * D }, () => gauss() * convScale),
    convB: new Float32Array(F),
    out: Float32Array.from({ length: F }, () => gauss() * Math.sqrt(1 / F) * 2),
    outB: new Float32Array(1),
  };
  const params = [net.conv, net.convB, net.out, net.outB];
  const grads = params.map((p) => new Float32Array(p.length));
  const m = params.map((p) => new Float32Array(p.length));
  const v = params.map((p) => new Float32Array(p.length));
  const order = Int32Array.from({ length: xs.length }, (_, i) => i);
  const pooled = new Float32Array(F);
  const argmax = new Int32Array(F);
  const B = 32;
  let step = 0;
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    shuffleInPlace(order, random);
    for (let start = 0; start < order.length; start += B) {
      for (const g of grads) g.fill(0);
      const end = Math.min(order.length, start + B);
      for (let b = start; b < end; b++) {
        const i = order[b]!;
        const x = xs[i]!;
        const z = forward(net, x, pooled, argmax);
        const p = 1 / (1 + Math.exp(-z));
        const g = (p - ys[i]!) / (end - start);
        grads[3]![0]! += g;
        for (let f = 0; f < F; f++) {
          grads[2]![f]! += g * pooled[f]!;
          const at = argmax[f]!;
          if (at < 0) continue;
          const gf = g * net.out[f]!;
          grads[1]![f]! += gf;
          const L = x.length / D;
          for (let k = 0; k < W; k++) {
            const row = at + k - PAD;
            if (row < 0 || row >= L) continue;
            const xb = row * D;
            const wb = (f * W + k) * D;
            for (let d = 0; d < D; d++) grads[0]![wb + d]! += gf * x[xb + d]!;
          }
        }
      }
      step++;
      const c1 = 1 - 0.9 ** step;
      const c2 = 1 - 0.999 ** step;
      params.forEach((p, j) => {
        const g = grads[j]!;
        const mj = m[j]!;
        const vj = v[j]!;
        for (let q = 0; q < p.length; q++) {
          const gq = g[q]! + L2 * p[q]!;
          mj[q] = 0.9 * mj[q]! + 0.1 * gq;
          vj[q] = 0.999 * vj[q]! + 0.001 * gq * gq;
          p[q]! -= (LR * (mj[q]! / c1)) / (Math.sqrt(vj[q]! / c2) + 1e-8);
        }
      });
    }
  }
  return net;
}

function logits(net: Net, xs: Float32Array[]): number[] {
  const pooled = new Float32Array(F);
  const argmax = new Int32Array(F);
  return xs.map((x) => forward(net, x, pooled, argmax));
}

const logit = (p: number) => Math.log(Math.max(1e-6, p) / Math.max(1e-6, 1 - p));
function bestF1(labels: (0 | 1)[], scores: number[]): { f1: number; threshold: number } {
  let best = { f1: 0, threshold: 0.5 };
  for (let t = 10; t <= 80; t++) {
    const f1 = binaryScores(labels, scores.map((p) => p >= t / 100)).f1;
    if (f1 > best.f1) best = { f1, threshold: t / 100 };
  }
  return best;
}
const stack = (p: number, z: number, a: number) => (p <= 0 ? 0 : 1 / (1 + Math.exp(-(a * logit(p) + (1 - a) * z))));
const ALPHAS = [1, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0];

const started = performance.now();
const kept = cbTrain.filter((s) => !devKeys.has(textKey(s.text)));
const encoded = new Map<string, Float32Array>(kept.map((s) => [s.id, encode(s.text)]));
const foldOf = (s: LabelledSentence) => Number(s.id) % 5;
const oof = new Map<string, number>();
for (const fold of [1, 2, 3, 4]) {
  const tr = kept.filter((s) => foldOf(s) !== fold);
  const te = kept.filter((s) => foldOf(s) === fold);
  const net = train(tr.map((s) => encoded.get(s.id)!), tr.map((s) => s.label), SEED + fold);
  logits(net, te.map((s) => encoded.get(s.id)!)).forEach((z, i) => oof.set(te[i]!.id, z));
  console.log(`fold ${fold}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
const labels = dump.heldOut.map((h) => h.label);
const cnnOnly = bestF1(labels, dump.heldOut.map((h) => 1 / (1 + Math.exp(-oof.get(h.id)!))));
console.log(`options: filters ${F} width ${W} epochs ${EPOCHS} lr ${LR} l2 ${L2} seed ${SEED}`);
console.log(`CNN alone, 4-fold CV F1 ${cnnOnly.f1.toFixed(4)} at ${cnnOnly.threshold}`);
let chosen = { a: 1, f1: 0, threshold: 0.5 };
for (const a of ALPHAS) {
  const r = bestF1(labels, dump.heldOut.map((h) => stack(h.score, oof.get(h.id)!, a)));
  console.log(`stacked a=${a}: 4-fold CV F1 ${r.f1.toFixed(4)} at ${r.threshold}`);
  if (r.f1 > chosen.f1) chosen = { a, ...r };
}
console.log(`selected a=${chosen.a} (CV F1 ${chosen.f1.toFixed(4)}, threshold ${chosen.threshold})`);
if (values.dev) {
  const net = train(kept.map((s) => encoded.get(s.id)!), kept.map((s) => s.label), SEED);
  const devZ = logits(net, cbDev.map((s) => encode(s.text)));
  const byId = new Map(dump.dev.map((d) => [d.id, d.score]));
  const scores = cbDev.map((s, i) => stack(byId.get(s.id)!, devZ[i]!, chosen.a));
  const f1 = binaryScores(cbDev.map((s) => s.label), scores.map((p) => p >= chosen.threshold)).f1;
  console.log(`ClaimBuster dev F1 ${f1.toFixed(4)} at ${chosen.threshold} (linear alone: ${binaryScores(dump.dev.map((d) => d.label), dump.dev.map((d) => d.score >= dump.threshold)).f1.toFixed(4)} at ${dump.threshold})`);
}
console.log(`time: ${((performance.now() - started) / 1000).toFixed(1)} s`);
