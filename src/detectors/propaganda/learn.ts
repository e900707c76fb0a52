/**
 * Deterministic learners for the sparse linear models: AdaGrad SGD with L2, examples
 * visited in an order drawn from a seeded generator, so the same data and seed give
 * the same weights.
 */

import { seededRandom, shuffleInPlace } from '../../core/random.js';

/** Examples with integer feature ids, stored flat: ids[offsets[i]..offsets[i+1]). */
export interface EncodedSet {
  offsets: Int32Array;
  ids: Int32Array;
  labels: Int32Array;
  /** Per-example weight (class balancing), 1 when absent. */
  weights?: Float32Array;
}

export interface LearnOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
}

function shuffled(n: number, random: () => number): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  shuffleInPlace(order, random);
  return order;
}

/** Binary logistic regression; labels are 0 or 1. */
export function trainBinary(data: EncodedSet, featureCount: number, options: LearnOptions): Float32Array {
  const w = new Float32Array(featureCount);
  const g2 = new Float32Array(featureCount).fill(1e-6);
  const random = seededRandom(options.seed);
  const n = data.labels.length;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    const order = shuffled(n, random);
    for (const e of order) {
      const a = data.offsets[e]!;
      const b = data.offsets[e + 1]!;
      let z = 0;
      for (let k = a; k < b; k++) z += w[data.ids[k]!]!;
      const p = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
      const g = (p - data.labels[e]!) * (data.weights?.[e] ?? 1);
      for (let k = a; k < b; k++) {
        const f = data.ids[k]!;
        const grad = g + options.l2 * w[f]!;
        g2[f]! += grad * grad;
        w[f]! -= (options.learningRate * grad) / Math.sqrt(g2[f]!);
      }
    }
  }
  return w;
}

/** Multinomial logistic regression over `classes` labels (0..classes-1). */
export function trainMulti(data: EncodedSet, featureCount: number, classes: number, options: LearnOptions): Float32Array {
  const w = new Float32Array(featureCount * classes);
  const g2 = new Float32Array(featureCount * classes).fill(1e-6);
  const random = seededRandom(options.seed);
  const n = data.labels.length;
  const z = new Float64Array(classes);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    const order = shuffled(n, random);
    for (const e of order) {
      const a = data.offsets[e]!;
      const b = data.offsets[e + 1]!;
      z.fill(0);
      for (let k = a; k < b; k++) {
        const base = data.ids[k]! * classes;
        for (let c = 0; c < classes; c++) z[c]! += w[base + c]!;
      }
      let max = -Infinity;
      for (const v of z) max = Math.max(max, v);
      let sum = 0;
      for (let c = 0; c < classes; c++) {
        z[c] = Math.exp(z[c]! - max);
        sum += z[c]!;
      }
      const y = data.labels[e]!;
      const scale = data.weights?.[e] ?? 1;
      for (let k = a; k < b; k++) {
        const base = data.ids[k]! * classes;
        for (let c = 0; c < classes; c++) {
          const i = base + c;
          const grad = (z[c]! / sum - (c === y ? 1 : 0)) * scale + options.l2 * w[i]!;
          g2[i]! += grad * grad;
          w[i]! -= (options.learningRate * grad) / Math.sqrt(g2[i]!);
        }
      }
    }
  }
  return w;
}

/** Assigns ids to feature strings, counting how often each occurs (for pruning). */
export class FeatureDictionary {
  readonly counts = new Map<string, number>();

  count(features: readonly string[]): void {
    for (const f of new Set(features)) this.counts.set(f, (this.counts.get(f) ?? 0) + 1);
  }

  /** Features seen at least `minCount` times, sorted so the id order is deterministic. */
  freeze(minCount: number): { names: string[]; index: Map<string, number> } {
    const names = [...this.counts].filter(([, c]) => c >= minCount).map(([f]) => f).sort();
    const index = new Map<string, number>();
    names.forEach((n, i) => index.set(n, i));
    return { names, index };
  }
}

/** Builds an EncodedSet from feature lists, dropping features not in `index`. */
export class EncodedBuilder {
  private readonly ids: number[] = [];
  private readonly offsets: number[] = [0];
  private readonly labels: number[] = [];
  private readonly weights: number[] = [];

  constructor(private readonly index: ReadonlyMap<string, number>) {}

  add(features: readonly string[], label: number, weight = 1): void {
    // Repeated features count once per occurrence, as the run-time scorers sum them.
    for (const f of features) {
      const id = this.index.get(f);
      if (id !== undefined) this.ids.push(id);
    }
    this.offsets.push(this.ids.length);
    this.labels.push(label);
    this.weights.push(weight);
  }

  build(): EncodedSet {
    return { offsets: Int32Array.from(this.offsets), ids: Int32Array.from(this.ids), labels: Int32Array.from(this.labels), weights: Float32Array.from(this.weights) };
  }
}

/** Concatenates encoded sets (for training on a subset of articles). */
export function concatSets(sets: readonly EncodedSet[]): EncodedSet {
  let rows = 0;
  let ids = 0;
  for (const s of sets) {
    rows += s.labels.length;
    ids += s.ids.length;
  }
  const out: EncodedSet = { offsets: new Int32Array(rows + 1), ids: new Int32Array(ids), labels: new Int32Array(rows), weights: new Float32Array(rows) };
  let r = 0;
  let k = 0;
  for (const s of sets) {
    out.ids.set(s.ids, k);
    out.labels.set(s.labels, r);
    if (s.weights) out.weights!.set(s.weights, r);
    else out.weights!.fill(1, r, r + s.labels.length);
    for (let i = 0; i < s.labels.length; i++) out.offsets[r + i + 1] = k + s.offsets[i + 1]!;
    r += s.labels.length;
    k += s.ids.length;
  }
  return out;
}

/** Binary-model probabilities for every row of an encoded set. */
export function predictSet(weights: Float32Array, set: EncodedSet): Float64Array {
  const out = new Float64Array(set.labels.length);
  for (let e = 0; e < out.length; e++) {
    let z = 0;
    for (let k = set.offsets[e]!; k < set.offsets[e + 1]!; k++) z += weights[set.ids[k]!]!;
    out[e] = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
  }
  return out;
}
