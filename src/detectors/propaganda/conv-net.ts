import { seededRandom, shuffleInPlace } from '../../core/random.js';
import type { WordTable } from '../../text/word-table.js';
import { sigmoid } from './linear.js';
import { FLAGS, type NetInput } from './window-net.js';

/**
 * A two-layer convolutional sequence tagger over word meaning. Each token reads its shared
 * word vector (GloVe 100d, models/words.bin), the window network's token flags (shape,
 * unknown word, lexicon hit, polarity, quote state) and its sentence's probability from the
 * sentence model. Layer 1 is a convolution of width 2 r + 1 over those inputs; layer 2 a
 * width-3 convolution with a dilation over layer 1, so a token sees 2 (r + dilation) + 1
 * tokens of its sentence; the output reads both layers. It gives the probability that the
 * token is inside a propaganda span, a feature of the stacked linear tagger.
 *
 * Cheap at run time: a word's layer-1 projection is the same wherever it occurs, so it is
 * computed once per word-table row and kept; a token then costs (2 r + 1) x h1 additions,
 * 3 x h1 x h2 multiply-adds and h1 + h2 tanh.
 */
export interface ConvNet {
  readonly dims: number;
  readonly radius: number;
  readonly dilation: number;
  readonly h1: number;
  readonly h2: number;
  /** Offset o in [0, 2r], unit h, dim d at (o * h1 + h) * dims + d. */
  readonly wv: Float32Array;
  /** Offset o, unit h, flag e at (o * h1 + h) * (FLAGS) + e. */
  readonly we: Float32Array;
  /** Weight of the sentence probability on each layer-1 unit. */
  readonly ws: Float32Array;
  readonly b1: Float32Array;
  /** Tap o in [0, 2], unit k, layer-1 unit h at (o * h2 + k) * h1 + h. */
  readonly w2: Float32Array;
  readonly b2: Float32Array;
  /** Output weights: h2 layer-2 units, then h1 layer-1 units, then the sentence probability. */
  readonly wo: Float32Array;
  readonly bo: number;
}

export interface ConvOptions {
  radius: number;
  dilation: number;
  h1: number;
  h2: number;
  epochs: number;
  learningRate: number;
  /** Sentences per Adam step. */
  batch: number;
  seed: number;
  /** Keep each sentence without any positive token with this probability (weighted back up). */
  negativeRate: number;
  l2: number;
}

const PAD = 12;

/** Layer-1 pre-activations of tokens [sa, sb) given a per-token projection source. */
function layer1(net: ConvNet, input: NetInput, sentenceProb: number, sa: number, sb: number, project: (token: number) => Float32Array | null, pre: Float32Array): void {
  const { radius, h1 } = net;
  const width = 2 * radius + 1;
  for (let t = sa; t < sb; t++) {
    const base = (t - sa) * h1;
    for (let h = 0; h < h1; h++) pre[base + h] = net.b1[h]! + net.ws[h]! * sentenceProb;
    for (let o = 0; o < width; o++) {
      const k = t + o - radius;
      const inside = k >= sa && k < sb;
      const flags = inside ? input.flags[k]! : 1 << PAD;
      if (inside) {
        const proj = project(k);
        if (proj) {
          const at = o * h1;
          for (let h = 0; h < h1; h++) pre[base + h]! += proj[at + h]!;
        }
      }
      for (let e = 0; e < FLAGS; e++) {
        if (!(flags & (1 << e))) continue;
        for (let h = 0; h < h1; h++) pre[base + h]! += net.we[(o * h1 + h) * FLAGS + e]!;
      }
    }
  }
}

/** Layer 2 and the output for n tokens whose layer-1 activations are in a1; writes a2 and returns nothing. */
function layer2(net: ConvNet, a1: Float32Array, n: number, a2: Float32Array): void {
  const { h1, h2, dilation, w2, b2 } = net;
  for (let t = 0; t < n; t++) {
    for (let k = 0; k < h2; k++) {
      let s = b2[k]!;
      for (let o = 0; o < 3; o++) {
        const u = t + (o - 1) * dilation;
        if (u < 0 || u >= n) continue;
        const wb = (o * h2 + k) * h1;
        const ab = u * h1;
        for (let h = 0; h < h1; h++) s += w2[wb + h]! * a1[ab + h]!;
      }
      a2[t * h2 + k] = Math.tanh(s);
    }
  }
}

function output(net: ConvNet, a1: Float32Array, a2: Float32Array, t: number, sentenceProb: number): number {
  const { h1, h2, wo } = net;
  let z = net.bo + wo[h2 + h1]! * sentenceProb;
  for (let k = 0; k < h2; k++) z += wo[k]! * a2[t * h2 + k]!;
  for (let h = 0; h < h1; h++) z += wo[h2 + h]! * a1[t * h1 + h]!;
  return z;
}

/** Token probabilities of a document, sentence by sentence, with `project(token)` giving layer-1 word projections. */
function probabilities(net: ConvNet, input: NetInput, sentenceProbs: ArrayLike<number>, project: (token: number) => Float32Array | null): Float64Array {
  const n = input.rows.length;
  const out = new Float64Array(n);
  let sa = 0;
  while (sa < n) {
    let sb = sa + 1;
    while (sb < n && input.sentence[sb] === input.sentence[sa]) sb++;
    const len = sb - sa;
    const sp = sentenceProbs[input.sentence[sa]!] ?? 0;
    const a1 = new Float32Array(len * net.h1);
    layer1(net, input, sp, sa, sb, project, a1);
    for (let i = 0; i < a1.length; i++) a1[i] = Math.tanh(a1[i]!);
    const a2 = new Float32Array(len * net.h2);
    layer2(net, a1, len, a2);
    for (let t = 0; t < len; t++) out[sa + t] = sigmoid(output(net, a1, a2, t, sp));
    sa = sb;
  }
  return out;
}

interface RunCache {
  /** Layer-1 projection of each word-table row, all offsets. */
  rows: Map<number, Float32Array>;
  /** Layer-1 projection of each flag combination, all offsets. */
  flags: Map<number, Float32Array>;
}
const runCaches = new WeakMap<ConvNet, RunCache>();
const MAX_CACHED_ROWS = 60_000;

/**
 * Probability that each token is inside a propaganda span, by the network. A word's and a
 * flag combination's layer-1 projections are computed once and kept, so layer 1 costs a
 * token (2 r + 1) x h1 additions for its word and flags together.
 */
export function convProbabilities(net: ConvNet, table: WordTable, input: NetInput, sentenceProbs: ArrayLike<number>): Float64Array {
  let cache = runCaches.get(net);
  if (!cache) runCaches.set(net, (cache = { rows: new Map(), flags: new Map() }));
  const { rows, flags } = cache;
  const { h1, h2, dims, radius, b1, ws } = net;
  const width = 2 * radius + 1;
  const span = width * h1;
  const rowProjection = (row: number): Float32Array => {
    let p = rows.get(row);
    if (p) return p;
    p = new Float32Array(span);
    const vb = row * dims;
    for (let j = 0; j < span; j++) {
      const wb = j * dims;
      let s = 0;
      for (let d = 0; d < dims; d++) s += net.wv[wb + d]! * table.vectors[vb + d]!;
      p[j] = s / 127;
    }
    if (rows.size >= MAX_CACHED_ROWS) rows.clear();
    rows.set(row, p);
    return p;
  };
  const flagProjection = (value: number): Float32Array => {
    let p = flags.get(value);
    if (p) return p;
    p = new Float32Array(span);
    for (let o = 0; o < width; o++) {
      for (let e = 0; e < FLAGS; e++) {
        if (!(value & (1 << e))) continue;
        for (let h = 0; h < h1; h++) p[o * h1 + h]! += net.we[(o * h1 + h) * FLAGS + e]!;
      }
    }
    flags.set(value, p);
    return p;
  };
  const pad = flagProjection(1 << PAD);
  const n = input.rows.length;
  // Each token's layer-1 projection for every offset: its word's plus its flags'.
  const tokenProj = new Float32Array(n * span);
  for (let k = 0; k < n; k++) {
    const base = k * span;
    tokenProj.set(flagProjection(input.flags[k]!), base);
    const row = input.rows[k]!;
    if (row < 0) continue;
    const p = rowProjection(row);
    for (let j = 0; j < span; j++) tokenProj[base + j]! += p[j]!;
  }
  const out = new Float64Array(n);
  let a1 = new Float32Array(64 * h1);
  let a2 = new Float32Array(64 * h2);
  let sa = 0;
  while (sa < n) {
    let sb = sa + 1;
    while (sb < n && input.sentence[sb] === input.sentence[sa]) sb++;
    const len = sb - sa;
    const sp = sentenceProbs[input.sentence[sa]!] ?? 0;
    if (a1.length < len * h1) {
      a1 = new Float32Array(len * h1);
      a2 = new Float32Array(len * h2);
    }
    for (let t = 0; t < len; t++) {
      const base = t * h1;
      for (let h = 0; h < h1; h++) a1[base + h] = b1[h]! + ws[h]! * sp;
      for (let o = 0; o < width; o++) {
        const k = sa + t + o - radius;
        const src = k >= sa && k < sb ? tokenProj : pad;
        const at = (k >= sa && k < sb ? k * span : 0) + o * h1;
        for (let h = 0; h < h1; h++) a1[base + h]! += src[at + h]!;
      }
      for (let h = 0; h < h1; h++) a1[base + h] = Math.tanh(a1[base + h]!);
    }
    layer2(net, a1, len, a2);
    for (let t = 0; t < len; t++) out[sa + t] = sigmoid(output(net, a1, a2, t, sp));
    sa = sb;
  }
  return out;
}

/** Probabilities while training: vectors as floats, no cache. */
export function convProbabilitiesFloat(net: ConvNet, vectors: Float32Array, input: NetInput, sentenceProbs: ArrayLike<number>): Float64Array {
  const { h1, dims, radius } = net;
  const width = 2 * radius + 1;
  const p = new Float32Array(width * h1);
  return probabilities(net, input, sentenceProbs, (token) => {
    const row = input.rows[token]!;
    if (row < 0) return null;
    const vb = row * dims;
    for (let j = 0; j < width * h1; j++) {
      const wb = j * dims;
      let s = 0;
      for (let d = 0; d < dims; d++) s += net.wv[wb + d]! * vectors[vb + d]!;
      p[j] = s;
    }
    return p;
  });
}

export interface ConvExample {
  input: NetInput;
  labels: ArrayLike<number>;
  weights: ArrayLike<number>;
  sentenceProbs: ArrayLike<number>;
}

/**
 * Trains the network with Adam on weighted log loss over whole sentences, in minibatches of
 * sentences taken in a seeded order: the same data, vectors and seed give byte-identical weights.
 */
export function trainConvNet(docs: readonly ConvExample[], vectors: Float32Array, dims: number, options: ConvOptions): ConvNet {
  const { radius, dilation, h1, h2 } = options;
  const width = 2 * radius + 1;
  const random = seededRandom(options.seed);
  const init = (n: number, scale: number) => Float32Array.from({ length: n }, () => (random() * 2 - 1) * scale);
  const net = {
    dims,
    radius,
    dilation,
    h1,
    h2,
    wv: init(width * h1 * dims, Math.sqrt(3 / (width * 40))),
    we: init(width * h1 * FLAGS, 0.1),
    ws: init(h1, 0.5),
    b1: new Float32Array(h1),
    w2: init(3 * h2 * h1, Math.sqrt(3 / (3 * h1))),
    b2: new Float32Array(h2),
    wo: init(h2 + h1 + 1, Math.sqrt(3 / (h1 + h2))),
    bo: -1,
  };
  const params = [net.wv, net.we, net.ws, net.b1, net.w2, net.b2, net.wo];
  const grads = params.map((p) => new Float32Array(p.length));
  const [gv, ge, gs, gb1, gw2, gb2, gwo] = grads as [Float32Array, Float32Array, Float32Array, Float32Array, Float32Array, Float32Array, Float32Array];
  let gbo: number;
  const m = params.map((p) => new Float32Array(p.length));
  const v = params.map((p) => new Float32Array(p.length));
  let mbo = 0;
  let vbo = 0;
  // Sentences: (doc, first, last); sentences with no positive token kept at negativeRate.
  const sents: number[] = [];
  docs.forEach((d, j) => {
    const n = d.labels.length;
    let sa = 0;
    while (sa < n) {
      let sb = sa + 1;
      while (sb < n && d.input.sentence[sb] === d.input.sentence[sa]) sb++;
      let positive = false;
      for (let t = sa; t < sb; t++) if (d.labels[t]) positive = true;
      if (positive || random() < options.negativeRate) sents.push(j, sa, sb, positive ? 1 : 0);
      sa = sb;
    }
  });
  const count = sents.length / 4;
  const order = new Int32Array(count);
  const negWeight = 1 / options.negativeRate;
  let maxLen = 1;
  for (let s = 0; s < count; s++) maxLen = Math.max(maxLen, sents[4 * s + 2]! - sents[4 * s + 1]!);
  const proj = new Float32Array(maxLen * width * h1);
  const a1 = new Float32Array(maxLen * h1);
  const a2 = new Float32Array(maxLen * h2);
  const d1 = new Float32Array(maxLen * h1);
  const d2 = new Float32Array(maxLen * h2);
  const beta1 = 0.9;
  const beta2 = 0.999;
  let step = 0;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = 0; i < count; i++) order[i] = i;
    shuffleInPlace(order, random);
    const lr = options.learningRate / (1 + 0.5 * epoch);
    for (let startAt = 0; startAt < count; startAt += options.batch) {
      for (const g of grads) g.fill(0);
      gbo = 0;
      const stop = Math.min(count, startAt + options.batch);
      for (let b = startAt; b < stop; b++) {
        const s = order[b]!;
        const doc = docs[sents[4 * s]!]!;
        const sa = sents[4 * s + 1]!;
        const sb = sents[4 * s + 2]!;
        const positive = sents[4 * s + 3]! === 1;
        const len = sb - sa;
        const { rows } = doc.input;
        const sp = doc.sentenceProbs[doc.input.sentence[sa]!] ?? 0;
        // Word projections of every token of the sentence.
        for (let t = 0; t < len; t++) {
          const row = rows[sa + t]!;
          const pb = t * width * h1;
          if (row < 0) {
            proj.fill(0, pb, pb + width * h1);
            continue;
          }
          const vb = row * dims;
          for (let j = 0; j < width * h1; j++) {
            const wb = j * dims;
            let acc = 0;
            for (let d = 0; d < dims; d++) acc += net.wv[wb + d]! * vectors[vb + d]!;
            proj[pb + j] = acc;
          }
        }
        layer1(net, doc.input, sp, sa, sb, (k) => proj.subarray((k - sa) * width * h1, (k - sa + 1) * width * h1), a1);
        for (let i = 0; i < len * h1; i++) a1[i] = Math.tanh(a1[i]!);
        layer2(net, a1, len, a2);
        d1.fill(0, 0, len * h1);
        for (let t = 0; t < len; t++) {
          const y = doc.labels[sa + t] ? 1 : 0;
          const weight = y ? (doc.weights[sa + t] ?? 1) : positive ? 1 : negWeight;
          const g = (sigmoid(output(net, a1, a2, t, sp)) - y) * weight;
          gbo += g;
          gwo[h2 + h1]! += g * sp;
          for (let k = 0; k < h2; k++) {
            const a = a2[t * h2 + k]!;
            gwo[k]! += g * a;
            d2[t * h2 + k] = g * net.wo[k]! * (1 - a * a);
          }
          for (let h = 0; h < h1; h++) {
            gwo[h2 + h]! += g * a1[t * h1 + h]!;
            d1[t * h1 + h]! += g * net.wo[h2 + h]!;
          }
        }
        // Layer 2 backward.
        for (let t = 0; t < len; t++) {
          for (let k = 0; k < h2; k++) {
            const dk = d2[t * h2 + k]!;
            if (dk === 0) continue;
            gb2[k]! += dk;
            for (let o = 0; o < 3; o++) {
              const u = t + (o - 1) * dilation;
              if (u < 0 || u >= len) continue;
              const wb = (o * h2 + k) * h1;
              const ab = u * h1;
              for (let h = 0; h < h1; h++) {
                gw2[wb + h]! += dk * a1[ab + h]!;
                d1[ab + h]! += dk * net.w2[wb + h]!;
              }
            }
          }
        }
        // Layer 1 backward.
        for (let t = 0; t < len; t++) {
          for (let h = 0; h < h1; h++) {
            const a = a1[t * h1 + h]!;
            const dh = d1[t * h1 + h]! * (1 - a * a);
            d1[t * h1 + h] = dh;
            gb1[h]! += dh;
            gs[h]! += dh * sp;
          }
          for (let o = 0; o < width; o++) {
            const k = t + o - radius;
            const inside = k >= 0 && k < len;
            const flags = inside ? doc.input.flags[sa + k]! : 1 << PAD;
            for (let e = 0; e < FLAGS; e++) {
              if (!(flags & (1 << e))) continue;
              for (let h = 0; h < h1; h++) ge[(o * h1 + h) * FLAGS + e]! += d1[t * h1 + h]!;
            }
            if (!inside || rows[sa + k]! < 0) continue;
            const vb = rows[sa + k]! * dims;
            for (let h = 0; h < h1; h++) {
              const dh = d1[t * h1 + h]!;
              const wb = (o * h1 + h) * dims;
              for (let d = 0; d < dims; d++) gv[wb + d]! += dh * vectors[vb + d]!;
            }
          }
        }
      }
      // Adam step.
      step++;
      const c1 = 1 - beta1 ** step;
      const c2 = 1 - beta2 ** step;
      for (let p = 0; p < params.length; p++) {
        const w = params[p]!;
        const g = grads[p]!;
        const mp = m[p]!;
        const vp = v[p]!;
        for (let i = 0; i < w.length; i++) {
          const gi = g[i]! + options.l2 * w[i]!;
          mp[i] = beta1 * mp[i]! + (1 - beta1) * gi;
          vp[i] = beta2 * vp[i]! + (1 - beta2) * gi * gi;
          w[i]! -= (lr * (mp[i]! / c1)) / (Math.sqrt(vp[i]! / c2) + 1e-8);
        }
      }
      mbo = beta1 * mbo + (1 - beta1) * gbo;
      vbo = beta2 * vbo + (1 - beta2) * gbo * gbo;
      net.bo -= Math.fround((lr * (mbo / c1)) / (Math.sqrt(vbo / c2) + 1e-8));
    }
  }
  return net;
}

/** JSON form: shapes and base64 float32 arrays. */
export interface PackedConvNet {
  dims: number;
  radius: number;
  dilation: number;
  h1: number;
  h2: number;
  wv: string;
  we: string;
  ws: string;
  b1: string;
  w2: string;
  b2: string;
  wo: string;
  bo: number;
}

const b64 = (a: Float32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
function floats(s: unknown, n: number, what: string): Float32Array {
  if (typeof s !== 'string') throw new Error(`conv net: ${what} is missing`);
  const bytes = Buffer.from(s, 'base64');
  if (bytes.length !== n * 4) throw new Error(`conv net: ${what} has ${bytes.length / 4} weights, expected ${n}`);
  return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
}

export function packConvNet(net: ConvNet): PackedConvNet {
  return {
    dims: net.dims,
    radius: net.radius,
    dilation: net.dilation,
    h1: net.h1,
    h2: net.h2,
    wv: b64(net.wv),
    we: b64(net.we),
    ws: b64(net.ws),
    b1: b64(net.b1),
    w2: b64(net.w2),
    b2: b64(net.b2),
    wo: b64(net.wo),
    bo: net.bo,
  };
}

export function unpackConvNet(p: PackedConvNet): ConvNet {
  const { dims, radius, dilation, h1, h2 } = p;
  if (![dims, radius, dilation, h1, h2].every((x) => Number.isInteger(x) && x >= 0) || !dims || !h1 || !h2 || !dilation) throw new Error('conv net: bad shape');
  const width = 2 * radius + 1;
  return {
    dims,
    radius,
    dilation,
    h1,
    h2,
    wv: floats(p.wv, width * h1 * dims, 'wv'),
    we: floats(p.we, width * h1 * FLAGS, 'we'),
    ws: floats(p.ws, h1, 'ws'),
    b1: floats(p.b1, h1, 'b1'),
    w2: floats(p.w2, 3 * h2 * h1, 'w2'),
    b2: floats(p.b2, h2, 'b2'),
    wo: floats(p.wo, h2 + h1 + 1, 'wo'),
    bo: Number(p.bo),
  };
}
