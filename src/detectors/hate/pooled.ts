import type { WordTable } from '../../text/word-table.js';

/**
 * A small network over a post's pooled word vectors (the shared word table, GloVe 100d):
 * the mean and the component-wise maximum of the vectors of the words the table knows,
 * standardised, one ReLU layer, softmax over the hate classes. The linear model reads
 * spellings; this reads meaning, so "scum" and "filth" or "muzzies" and "moslems" weigh
 * alike. Post mode blends its log-probabilities with the linear model's.
 */
export interface PooledNet {
  /** Input length: twice the word table's dimensions (mean, then maximum). */
  dims: number;
  hidden: number;
  classes: number;
  /** Standardisation: x' = (x - shift) * scale, from the training posts. */
  shift: Float32Array;
  scale: Float32Array;
  /** hidden × dims, row per unit. */
  w1: Float32Array;
  b1: Float32Array;
  /** classes × hidden. */
  w2: Float32Array;
  b2: Float32Array;
}

/**
 * Writes the mean and maximum of the known words' vectors into `out` (2 × table.dims,
 * standardised with the net's shift and scale when `net` is given); returns how many
 * words the table knew. A post with none reads as all zeros before standardisation.
 */
export function pooledInput(table: WordTable, words: readonly string[], out: Float32Array, net?: PooledNet): number {
  const dims = table.dims;
  const { vectors } = table;
  out.fill(0, 0, 2 * dims);
  let found = 0;
  for (const word of words) {
    const id = table.id(word);
    if (id < 0) continue;
    const base = id * dims;
    for (let d = 0; d < dims; d++) {
      const v = vectors[base + d]!;
      out[d]! += v;
      if (found === 0 || v > out[dims + d]!) out[dims + d] = v;
    }
    found++;
  }
  // Rows are unit vectors times 127.
  const k = found > 0 ? 1 / (127 * found) : 0;
  for (let d = 0; d < dims; d++) {
    out[d]! *= k;
    out[dims + d]! /= 127;
  }
  if (net) for (let d = 0; d < 2 * dims; d++) out[d] = (out[d]! - net.shift[d]!) * net.scale[d]!;
  return found;
}

/**
 * Log-probabilities of the classes for a standardised input. `hiddenOut`, when given
 * (length `hidden`), receives the units' activations, which training needs.
 */
export function pooledLogProbabilities(net: PooledNet, x: Float32Array, out: Float64Array, hiddenOut?: Float32Array): Float64Array {
  const { dims, hidden, classes, w1, b1, w2, b2 } = net;
  const h = hiddenOut ?? scratchOf(hidden);
  for (let u = 0; u < hidden; u++) {
    let a = b1[u]!;
    const row = u * dims;
    for (let d = 0; d < dims; d++) a += w1[row + d]! * x[d]!;
    h[u] = a > 0 ? a : 0;
  }
  let max = -Infinity;
  for (let c = 0; c < classes; c++) {
    let s = b2[c]!;
    const row = c * hidden;
    for (let u = 0; u < hidden; u++) s += w2[row + u]! * h[u]!;
    out[c] = s;
    if (s > max) max = s;
  }
  let sum = 0;
  for (let c = 0; c < classes; c++) sum += Math.exp(out[c]! - max);
  const log = max + Math.log(sum);
  for (let c = 0; c < classes; c++) out[c] = out[c]! - log;
  return out;
}

let scratch = new Float32Array(64);
function scratchOf(n: number): Float32Array {
  if (scratch.length < n) scratch = new Float32Array(n);
  return scratch;
}

/** Every weight in one flat array (shift, scale, w1, b1, w2, b2): the order on disk. */
export function pooledWeights(net: PooledNet): Float32Array {
  const parts = [net.shift, net.scale, net.w1, net.b1, net.w2, net.b2];
  const all = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return all;
}

/** The net back from `pooledWeights`' flat order. */
export function pooledNetOf(dims: number, hidden: number, classes: number, all: Float32Array): PooledNet {
  const sizes = [dims, dims, hidden * dims, hidden, classes * hidden, classes];
  const total = sizes.reduce((a, b) => a + b, 0);
  if (all.length !== total) throw new RangeError(`${all.length} weights for a pooled net of ${hidden} units over ${dims} inputs (expected ${total})`);
  const parts: Float32Array[] = [];
  let at = 0;
  for (const size of sizes) {
    parts.push(all.slice(at, at + size));
    at += size;
  }
  const [shift, scale, w1, b1, w2, b2] = parts as [Float32Array, Float32Array, Float32Array, Float32Array, Float32Array, Float32Array];
  return { dims, hidden, classes, shift, scale, w1, b1, w2, b2 };
}
