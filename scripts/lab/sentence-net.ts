import { seededRandom, shuffleInPlace } from '../../src/core/random.js';
import { packFloats, unpackFloats } from '../../src/detectors/propaganda/window-net.js';
import type { WordTable } from '../../src/text/word-table.js';

/**
 * Word meaning pooled over a sentence: a one-hidden-layer network over the mean and the
 * element-wise maximum of the sentence's word vectors (the shared table, GloVe 100d), whose
 * output is added to the linear sentence model's log-odds (a residual: it only has to learn
 * what the words' identities miss, such as a rare word close in meaning to a loaded one).
 *
 * Lab only (scripts/lab-propaganda-sentence.ts): out-of-fold over the 294 PTC train
 * articles it did not move the sentence model (log loss 0.5140 -> 0.5147 to 0.5169, AUC
 * 0.766 -> 0.765 to 0.770, best F1 0.568 -> 0.566 to 0.569 over five settings), so it is
 * not part of the detector.
 */
export interface SentenceNet {
  readonly inputs: number;
  readonly hidden: number;
  /** Hidden h, input d at h * inputs + d. */
  readonly w1: Float32Array;
  readonly b1: Float32Array;
  readonly w2: Float32Array;
  readonly b2: number;
}

/** Inputs per sentence: the mean and the maximum of 100-d vectors. */
export const SENTENCE_NET_DIMS = 100;
export const SENTENCE_NET_INPUTS = 2 * SENTENCE_NET_DIMS;

/**
 * Each sentence's pooled vectors (`SENTENCE_NET_INPUTS` floats per sentence): the mean and
 * the maximum over its tokens that have a row; zeros for a sentence without one.
 */
export function poolSentences(table: WordTable, rows: ArrayLike<number>, sentenceOf: ArrayLike<number>, sentences: number): Float32Array {
  const dims = table.dims;
  if (dims !== SENTENCE_NET_DIMS) throw new Error(`sentence net: word table has ${dims} dimensions, expected ${SENTENCE_NET_DIMS}`);
  const out = new Float32Array(sentences * SENTENCE_NET_INPUTS);
  const counts = new Int32Array(sentences);
  const max = new Int16Array(sentences * dims).fill(-128);
  const v = table.vectors;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (row < 0) continue;
    const s = sentenceOf[i]!;
    counts[s]!++;
    const base = s * SENTENCE_NET_INPUTS;
    const vb = row * dims;
    const mb = s * dims;
    for (let d = 0; d < dims; d++) {
      const x = v[vb + d]!;
      out[base + d]! += x;
      if (x > max[mb + d]!) max[mb + d] = x;
    }
  }
  for (let s = 0; s < sentences; s++) {
    const n = counts[s]!;
    if (n === 0) continue;
    const base = s * SENTENCE_NET_INPUTS;
    const k = 1 / (127 * n);
    for (let d = 0; d < dims; d++) {
      out[base + d]! *= k;
      out[base + dims + d] = max[s * dims + d]! / 127;
    }
  }
  return out;
}

/** The network's log-odds for one sentence's pooled inputs. */
export function sentenceNetLogits(net: SentenceNet, x: ArrayLike<number>): number {
  const { inputs, hidden } = net;
  let z = net.b2;
  for (let h = 0; h < hidden; h++) {
    let a = net.b1[h]!;
    const wb = h * inputs;
    for (let d = 0; d < inputs; d++) a += net.w1[wb + d]! * x[d]!;
    z += net.w2[h]! * Math.tanh(a);
  }
  return z;
}

export interface SentenceNetExample {
  x: ArrayLike<number>;
  /** The linear sentence model's log-odds (out-of-fold), to which the network adds. */
  base: number;
  y: number;
}

export interface SentenceNetOptions {
  hidden: number;
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
}

/** Plain SGD on log loss, examples in a seeded order: the same data and seed give byte-identical weights. */
export function trainSentenceNet(examples: readonly SentenceNetExample[], options: SentenceNetOptions): SentenceNet {
  const inputs = SENTENCE_NET_INPUTS;
  const { hidden, l2 } = options;
  const random = seededRandom(options.seed);
  const init = (n: number, scale: number) => Float32Array.from({ length: n }, () => (random() * 2 - 1) * scale);
  const w1 = init(hidden * inputs, 1 / Math.sqrt(inputs / 8));
  const b1 = new Float32Array(hidden);
  const w2 = init(hidden, 0.01);
  let b2 = 0;
  const act = new Float32Array(hidden);
  const order = Int32Array.from(examples.keys());
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffleInPlace(order, random);
    const lr = options.learningRate / (1 + epoch);
    for (const e of order) {
      const { x, base, y } = examples[e]!;
      let z = base + b2;
      for (let h = 0; h < hidden; h++) {
        let a = b1[h]!;
        const wb = h * inputs;
        for (let d = 0; d < inputs; d++) a += w1[wb + d]! * x[d]!;
        act[h] = Math.tanh(a);
        z += w2[h]! * act[h]!;
      }
      const p = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
      const g = (p - y) * lr;
      for (let h = 0; h < hidden; h++) {
        const dh = g * w2[h]! * (1 - act[h]! * act[h]!);
        w2[h]! -= g * act[h]! + lr * l2 * w2[h]!;
        b1[h]! -= dh;
        const wb = h * inputs;
        for (let d = 0; d < inputs; d++) w1[wb + d]! -= dh * x[d]! + lr * l2 * w1[wb + d]!;
      }
      b2 -= g;
    }
  }
  return { inputs, hidden, w1, b1, w2, b2 };
}

/** The sentence network's log-odds for every sentence of a document, from its tokens' word-table rows. */
export function sentenceNetLogitsOf(net: SentenceNet, table: WordTable, rows: ArrayLike<number>, sentenceOf: ArrayLike<number>, sentences: number): Float64Array {
  const pooled = poolSentences(table, rows, sentenceOf, sentences);
  const out = new Float64Array(sentences);
  for (let s = 0; s < sentences; s++) out[s] = sentenceNetLogits(net, pooled.subarray(s * SENTENCE_NET_INPUTS, (s + 1) * SENTENCE_NET_INPUTS));
  return out;
}

/** JSON form: shapes and base64 float32 arrays. */
export interface PackedSentenceNet {
  inputs: number;
  hidden: number;
  w1: string;
  b1: string;
  w2: string;
  b2: number;
}


export function packSentenceNet(net: SentenceNet): PackedSentenceNet {
  return { inputs: net.inputs, hidden: net.hidden, w1: packFloats(net.w1), b1: packFloats(net.b1), w2: packFloats(net.w2), b2: net.b2 };
}

export function unpackSentenceNet(p: PackedSentenceNet): SentenceNet {
  const { inputs, hidden } = p;
  if (inputs !== SENTENCE_NET_INPUTS || !Number.isInteger(hidden) || hidden <= 0) throw new Error('sentence net: bad shape');
  return { inputs, hidden, w1: unpackFloats(p.w1, inputs * hidden, 'sentence net: w1'), b1: unpackFloats(p.b1, hidden, 'sentence net: b1'), w2: unpackFloats(p.w2, hidden, 'sentence net: w2'), b2: Number(p.b2) };
}
