import { seededRandom, shuffleInPlace } from '../../core/random.js';
import type { WordTable } from '../../text/word-table.js';
import type { FeatureContext } from './features.js';
import { sigmoid } from './linear.js';

/**
 * A small window tagger over word meaning: a one-hidden-layer network (a convolution of
 * width 2r+1 over the sentence) that reads each token's shared word vector (GloVe 100d,
 * models/words.bin) and a few flags (shape, lexicon hit, polarity, quote state) for the
 * token and its r neighbours either side, and gives the probability that the token is
 * inside a propaganda span. Its probability is a feature of the smoothing stage (the
 * second linear tagger), which it helps find phrases the first stage's words miss.
 *
 * Cheap at run time: a word's projection through the first layer is the same wherever it
 * occurs, so it is computed once per word-table row and kept (features by integer id);
 * a token then costs (2r+1) x hidden additions and one tanh per hidden unit.
 */
export interface WindowNet {
  readonly radius: number;
  readonly hidden: number;
  readonly dims: number;
  /** Offsets o in [0, 2r], hidden h, dim d at (o * hidden + h) * dims + d. */
  readonly wv: Float32Array;
  /** Offsets o, hidden h, flag e at (o * hidden + h) * FLAGS + e. */
  readonly we: Float32Array;
  readonly b1: Float32Array;
  readonly w2: Float32Array;
  readonly b2: number;
}

/** Token flags, one bit each. */
export const FLAGS = 13;
const SHAPE_LOWER = 0;
const SHAPE_CAP = 1;
const SHAPE_UPPER = 2;
const SHAPE_DIGIT = 3;
const SHAPE_PUNCT = 4;
const UNKNOWN = 5;
const LEXICON = 6;
const POLARITY = { neg2: 7, neg1: 8, pos1: 9, pos2: 10 } as Record<string, number>;
const QUOTED = 11;
const PAD = 12;

/** What the network reads of a document: each token's word-table row and flags. */
export interface NetInput {
  readonly rows: Int32Array;
  readonly flags: Uint16Array;
  readonly sentence: Int32Array;
}

function shapeFlag(text: string): number {
  const c = text.charCodeAt(0);
  if (c >= 48 && c <= 57) return SHAPE_DIGIT;
  // ASCII letters by char code (no strings built); anything else the general way below.
  if (c >= 97 && c <= 122) return SHAPE_LOWER;
  if (c >= 65 && c <= 90) {
    if (text.length === 1) return SHAPE_CAP;
    let ascii = true;
    for (let k = 1; k < text.length && ascii; k++) {
      const d = text.charCodeAt(k);
      if (d >= 97 && d <= 122) return SHAPE_CAP;
      ascii = d < 128;
    }
    if (ascii) return SHAPE_UPPER;
  }
  const first = text[0] ?? '';
  const lower = first.toLowerCase();
  const upper = first.toUpperCase();
  if (lower === upper) return SHAPE_PUNCT;
  if (first === lower) return SHAPE_LOWER;
  return text.length > 1 && text === text.toUpperCase() ? SHAPE_UPPER : SHAPE_CAP;
}

/** `mask`: only these tokens' flags are needed (the others keep 0). */
export function netInput(ctx: FeatureContext, mask: Uint8Array | null = null): NetInput {
  const n = ctx.tokens.length;
  const flags = new Uint16Array(n);
  const sentence = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const t = ctx.tokens[i]!;
    sentence[i] = t.sentence;
    if (mask && mask[i] === 0) continue;
    let f = 1 << shapeFlag(t.text);
    if (ctx.rows[i]! < 0) f |= 1 << UNKNOWN;
    if (ctx.hitsAt[i]!.length > 0) f |= 1 << LEXICON;
    const pol = ctx.polarity[i];
    if (pol) f |= 1 << POLARITY[pol]!;
    if (ctx.quoted[i]) f |= 1 << QUOTED;
    flags[i] = f;
  }
  return { rows: ctx.rows, flags, sentence };
}

/** A word table's vectors as floats (training reads them for every example). */
export function tableFloats(table: WordTable): Float32Array {
  const out = new Float32Array(table.vectors.length);
  for (let i = 0; i < out.length; i++) out[i] = table.vectors[i]! / 127;
  return out;
}

/** First-layer pre-activations of every token, read the plain way (the training path). */
function hiddenInputs(net: WindowNet, input: NetInput, rowProjection: (row: number) => Float32Array): Float32Array {
  const { radius, hidden } = net;
  const width = 2 * radius + 1;
  const n = input.rows.length;
  const pre = new Float32Array(n * hidden);
  for (let i = 0; i < n; i++) {
    const base = i * hidden;
    for (let h = 0; h < hidden; h++) pre[base + h] = net.b1[h]!;
    for (let o = 0; o < width; o++) {
      const k = i + o - radius;
      const inside = k >= 0 && k < n && input.sentence[k] === input.sentence[i];
      const flags = inside ? input.flags[k]! : 1 << PAD;
      if (inside && input.rows[k]! >= 0) {
        const proj = rowProjection(input.rows[k]!);
        const at = o * hidden;
        for (let h = 0; h < hidden; h++) pre[base + h]! += proj[at + h]!;
      }
      for (let e = 0; e < FLAGS; e++) {
        if (!(flags & (1 << e))) continue;
        for (let h = 0; h < hidden; h++) pre[base + h]! += net.we[(o * hidden + h) * FLAGS + e]!;
      }
    }
  }
  return pre;
}

function forwardAll(net: WindowNet, pre: Float32Array, n: number, mask: Uint8Array | null): Float64Array {
  const out = new Float64Array(n);
  const { hidden } = net;
  for (let i = 0; i < n; i++) {
    if (mask && mask[i] === 0) continue;
    let z = net.b2;
    for (let h = 0; h < hidden; h++) z += net.w2[h]! * Math.tanh(pre[i * hidden + h]!);
    out[i] = sigmoid(z);
  }
  return out;
}

const MAX_CACHED_ROWS = 60_000;

/** Per-row first-layer projections and per-flag-combination ones, computed on first use and kept (a network's weights do not change). */
const projectionCaches = new WeakMap<WindowNet, { rows: Map<number, Float32Array>; flags: Map<number, Float32Array> }>();

/** The first layer's projection of one flag combination at every window offset: the sum of its flags' weights. */
function flagProjection(net: WindowNet, flags: number): Float32Array {
  const { hidden, radius } = net;
  const width = 2 * radius + 1;
  const p = new Float32Array(width * hidden);
  for (let o = 0; o < width; o++) {
    for (let h = 0; h < hidden; h++) {
      let sum = 0;
      for (let e = 0; e < FLAGS; e++) if (flags & (1 << e)) sum += net.we[(o * hidden + h) * FLAGS + e]!;
      p[o * hidden + h] = sum;
    }
  }
  return p;
}

/**
 * Probability that each token is inside a propaganda span, by the window network; 0 for
 * tokens outside `mask`, which are not computed (a mask covers whole sentences, so every
 * window of a computed token lies inside it). Each token's word and flag projections are
 * looked up once, then every window adds 2 x (2r+1) x hidden floats.
 */
export function windowProbabilities(net: WindowNet, table: WordTable, input: NetInput, mask: Uint8Array | null = null): Float64Array {
  let cache = projectionCaches.get(net);
  if (!cache) projectionCaches.set(net, (cache = { rows: new Map(), flags: new Map() }));
  const { rows: rowCache, flags: flagCache } = cache;
  const { hidden, dims, radius } = net;
  const width = 2 * radius + 1;
  const project = (row: number): Float32Array => {
    let p = rowCache.get(row);
    if (p) return p;
    p = new Float32Array(width * hidden);
    const vb = row * dims;
    for (let o = 0; o < width; o++) {
      for (let h = 0; h < hidden; h++) {
        const wb = (o * hidden + h) * dims;
        let s = 0;
        for (let d = 0; d < dims; d++) s += net.wv[wb + d]! * table.vectors[vb + d]!;
        p[o * hidden + h] = s / 127;
      }
    }
    if (rowCache.size >= MAX_CACHED_ROWS) rowCache.clear();
    rowCache.set(row, p);
    return p;
  };
  const flagsOf = (flags: number): Float32Array => {
    let p = flagCache.get(flags);
    if (!p) flagCache.set(flags, (p = flagProjection(net, flags)));
    return p;
  };
  const n = input.rows.length;
  const words: (Float32Array | null)[] = new Array<Float32Array | null>(n).fill(null);
  const flags: (Float32Array | null)[] = new Array<Float32Array | null>(n).fill(null);
  for (let k = 0; k < n; k++) {
    if (mask && mask[k] === 0) continue;
    if (input.rows[k]! >= 0) words[k] = project(input.rows[k]!);
    flags[k] = flagsOf(input.flags[k]!);
  }
  const pad = flagsOf(1 << PAD);
  const pre = new Float32Array(n * hidden);
  for (let i = 0; i < n; i++) {
    if (mask && mask[i] === 0) continue;
    const base = i * hidden;
    for (let h = 0; h < hidden; h++) pre[base + h] = net.b1[h]!;
    for (let o = 0; o < width; o++) {
      const k = i + o - radius;
      const at = o * hidden;
      if (k >= 0 && k < n && input.sentence[k] === input.sentence[i]) {
        const w = words[k];
        if (w) for (let h = 0; h < hidden; h++) pre[base + h]! += w[at + h]!;
        const f = flags[k]!;
        for (let h = 0; h < hidden; h++) pre[base + h]! += f[at + h]!;
      } else {
        for (let h = 0; h < hidden; h++) pre[base + h]! += pad[at + h]!;
      }
    }
  }
  return forwardAll(net, pre, n, mask);
}

export interface NetExample {
  input: NetInput;
  labels: ArrayLike<number>;
  weights: ArrayLike<number>;
  /** Log-odds the network's output is added to (a residual on an earlier stage); absent: 0. */
  base?: ArrayLike<number>;
}

export interface NetOptions {
  hidden: number;
  radius: number;
  epochs: number;
  learningRate: number;
  seed: number;
  /** Keep each negative token with this probability (positives always), to cut training time. */
  negativeRate: number;
}

/**
 * Trains the network with plain SGD on weighted log loss, examples in a seeded order:
 * the same data, vectors and seed give byte-identical weights.
 */
export function trainWindowNet(docs: readonly NetExample[], vectors: Float32Array, dims: number, options: NetOptions): WindowNet {
  const { hidden, radius } = options;
  const width = 2 * radius + 1;
  const random = seededRandom(options.seed);
  const init = (n: number, scale: number) => Float32Array.from({ length: n }, () => (random() * 2 - 1) * scale);
  const wv = init(width * hidden * dims, 1 / Math.sqrt(width * 8));
  const we = init(width * hidden * FLAGS, 0.1);
  const b1 = new Float32Array(hidden);
  const w2 = init(hidden, 1 / Math.sqrt(hidden));
  let b2 = -1;
  // Examples: (doc, token) pairs, negatives subsampled once with the seeded generator.
  const pairs: number[] = [];
  docs.forEach((d, j) => {
    for (let i = 0; i < d.labels.length; i++) if (d.labels[i] || random() < options.negativeRate) pairs.push(j, i);
  });
  const count = pairs.length / 2;
  const order = new Int32Array(count);
  const pre = new Float32Array(hidden);
  const act = new Float32Array(hidden);
  const dh = new Float32Array(hidden);
  const negWeight = 1 / options.negativeRate;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = 0; i < count; i++) order[i] = i;
    shuffleInPlace(order, random);
    const lr = options.learningRate / (1 + epoch);
    for (const e of order) {
      const doc = docs[pairs[2 * e]!]!;
      const i = pairs[2 * e + 1]!;
      const { rows, flags, sentence } = doc.input;
      const n = rows.length;
      pre.set(b1);
      for (let o = 0; o < width; o++) {
        const k = i + o - radius;
        const inside = k >= 0 && k < n && sentence[k] === sentence[i];
        const f = inside ? flags[k]! : 1 << PAD;
        if (inside && rows[k]! >= 0) {
          const vb = rows[k]! * dims;
          for (let h = 0; h < hidden; h++) {
            const wb = (o * hidden + h) * dims;
            let s = 0;
            for (let d = 0; d < dims; d++) s += wv[wb + d]! * vectors[vb + d]!;
            pre[h]! += s;
          }
        }
        for (let b = 0; b < FLAGS; b++) if (f & (1 << b)) for (let h = 0; h < hidden; h++) pre[h]! += we[(o * hidden + h) * FLAGS + b]!;
      }
      let z = b2 + (doc.base ? doc.base[i]! : 0);
      for (let h = 0; h < hidden; h++) {
        act[h] = Math.tanh(pre[h]!);
        z += w2[h]! * act[h]!;
      }
      const y = doc.labels[i]! ? 1 : 0;
      const weight = y ? (doc.weights[i] ?? 1) : negWeight;
      const g = (sigmoid(z) - y) * weight * lr;
      for (let h = 0; h < hidden; h++) {
        dh[h] = g * w2[h]! * (1 - act[h]! * act[h]!);
        w2[h]! -= g * act[h]!;
        b1[h]! -= dh[h]!;
      }
      b2 -= g;
      for (let o = 0; o < width; o++) {
        const k = i + o - radius;
        const inside = k >= 0 && k < n && sentence[k] === sentence[i];
        const f = inside ? flags[k]! : 1 << PAD;
        if (inside && rows[k]! >= 0) {
          const vb = rows[k]! * dims;
          for (let h = 0; h < hidden; h++) {
            const wb = (o * hidden + h) * dims;
            const gh = dh[h]!;
            for (let d = 0; d < dims; d++) wv[wb + d]! -= gh * vectors[vb + d]!;
          }
        }
        for (let b = 0; b < FLAGS; b++) if (f & (1 << b)) for (let h = 0; h < hidden; h++) we[(o * hidden + h) * FLAGS + b]! -= dh[h]!;
      }
    }
  }
  return { radius, hidden, dims, wv, we, b1, w2, b2 };
}

/** Probabilities while training (vectors as floats, no cache). */
export function windowProbabilitiesFloat(net: WindowNet, vectors: Float32Array, input: NetInput): Float64Array {
  const { hidden, dims, radius } = net;
  const width = 2 * radius + 1;
  const project = (row: number): Float32Array => {
    const p = new Float32Array(width * hidden);
    const vb = row * dims;
    for (let o = 0; o < width; o++) {
      for (let h = 0; h < hidden; h++) {
        const wb = (o * hidden + h) * dims;
        let s = 0;
        for (let d = 0; d < dims; d++) s += net.wv[wb + d]! * vectors[vb + d]!;
        p[o * hidden + h] = s;
      }
    }
    return p;
  };
  return forwardAll(net, hiddenInputs(net, input, project), input.rows.length, null);
}

/** JSON form: shapes and base64 float32 arrays. */
export interface PackedWindowNet {
  radius: number;
  hidden: number;
  dims: number;
  wv: string;
  we: string;
  b1: string;
  w2: string;
  b2: number;
}

/** A float32 array as base64, the form the nets' weights take in a model's JSON. */
export function packFloats(a: Float32Array): string {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
}

/** The float32 array that `packFloats` wrote, checked to hold `n` weights (`what` names it in the error). */
export function unpackFloats(s: string, n: number, what: string): Float32Array {
  const bytes = Buffer.from(s, 'base64');
  if (bytes.length !== n * 4) throw new Error(`${what} has ${bytes.length / 4} weights, expected ${n}`);
  return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
}

export function packWindowNet(net: WindowNet): PackedWindowNet {
  return { radius: net.radius, hidden: net.hidden, dims: net.dims, wv: packFloats(net.wv), we: packFloats(net.we), b1: packFloats(net.b1), w2: packFloats(net.w2), b2: net.b2 };
}

export function unpackWindowNet(p: PackedWindowNet): WindowNet {
  const { radius, hidden, dims } = p;
  if (![radius, hidden, dims].every((x) => Number.isInteger(x) && x >= 0) || hidden === 0 || dims === 0) throw new Error('window net: bad shape');
  const width = 2 * radius + 1;
  return {
    radius,
    hidden,
    dims,
    wv: unpackFloats(p.wv, width * hidden * dims, 'window net: wv'),
    we: unpackFloats(p.we, width * hidden * FLAGS, 'window net: we'),
    b1: unpackFloats(p.b1, hidden, 'window net: b1'),
    w2: unpackFloats(p.w2, hidden, 'window net: w2'),
    b2: Number(p.b2),
  };
}
