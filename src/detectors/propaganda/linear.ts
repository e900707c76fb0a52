import { strongestFirst } from './explain.js';
import { FeatureNames, FeatureTable, featureKeys } from './feature-table.js';

/**
 * Sparse linear models over string features: a binary logistic model (the span tagger)
 * and a multinomial one (the technique classifier). Weights are stored quantised to
 * 16-bit integers so the committed model stays small.
 */

/**
 * Feature name to id: a map while training (and in tests' tiny models), the hashed
 * table (feature-table.ts) in a model read from a file, so that no map of the 200,000
 * feature names is held at run time.
 */
export type FeatureIndex = ReadonlyMap<string, number> | FeatureTable;

export interface BinaryModel {
  readonly index: FeatureIndex;
  readonly weights: Float32Array;
}

export interface MultiModel {
  readonly labels: readonly string[];
  readonly index: FeatureIndex;
  /** Row-major: feature f, label k at f * labels.length + k. */
  readonly weights: Float32Array;
}

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

export function binaryScore(model: BinaryModel, features: readonly string[]): number {
  let z = 0;
  for (const f of features) {
    const id = model.index.get(f);
    if (id !== undefined) z += model.weights[id]!;
  }
  return z;
}

/** The features that pushed a binary decision most, strongest first. */
export function binaryContributions(model: BinaryModel, features: readonly string[]): [string, number][] {
  const out: [string, number][] = [];
  for (const f of new Set(features)) {
    const id = model.index.get(f);
    if (id !== undefined && f !== 'bias') out.push([f, model.weights[id]!]);
  }
  return out.sort((a, b) => b[1] - a[1]);
}

/** Label probabilities (softmax), in `model.labels` order. */
export function multiProbabilities(model: MultiModel, features: readonly string[]): Float64Array {
  return multiProbabilitiesOfIds(model, featureIdsOf(model.index, features));
}

/** The id of each feature in an index, -1 where it has none, so a caller that both scores and explains looks each up once. */
export function featureIdsOf(index: FeatureIndex, features: readonly string[]): Int32Array {
  const ids = new Int32Array(features.length);
  for (let j = 0; j < features.length; j++) ids[j] = index.get(features[j]!) ?? -1;
  return ids;
}

/** `multiProbabilities` from the features' ids (`featureIdsOf`). */
export function multiProbabilitiesOfIds(model: MultiModel, ids: Int32Array): Float64Array {
  const k = model.labels.length;
  const z = new Float64Array(k);
  for (let j = 0; j < ids.length; j++) {
    const id = ids[j]!;
    if (id < 0) continue;
    for (let c = 0; c < k; c++) z[c]! += model.weights[id * k + c]!;
  }
  return softmaxInPlace(z);
}

export function softmaxInPlace(z: Float64Array): Float64Array {
  let max = -Infinity;
  for (const v of z) max = Math.max(max, v);
  let sum = 0;
  for (let c = 0; c < z.length; c++) {
    z[c] = Math.exp(z[c]! - max);
    sum += z[c]!;
  }
  for (let c = 0; c < z.length; c++) z[c]! /= sum;
  return z;
}

/** The features that favour `label` most in this span. */
export function multiContributions(model: MultiModel, features: readonly string[], label: number): [string, number][] {
  return multiContributionsOfIds(model, features, featureIdsOf(model.index, features), label);
}

/** `multiContributions` with the features' ids (`featureIdsOf`). */
export function multiContributionsOfIds(model: MultiModel, features: readonly string[], ids: Int32Array, label: number): [string, number][] {
  const { names, weights } = labelContributions(model, features, ids, label);
  return names.map((f, j): [string, number] => [f, weights[j]!]).sort((a, b) => b[1] - a[1]);
}

/** The ids of `multiContributionsOfIds`' features read lazily, strongest first (`strongestFirst`), for a reader that names only the first few. */
export function strongestMultiContributionIds(model: MultiModel, features: readonly string[], ids: Int32Array, label: number): Iterable<readonly [number, number]> {
  const { ids: kept, weights } = labelContributions(model, features, ids, label);
  return strongestFirst(kept, weights);
}

/** Each feature's weight for `label` relative to its mean over the labels, each feature once (at its first occurrence), bias aside. */
function labelContributions(model: MultiModel, features: readonly string[], ids: Int32Array, label: number): { names: string[]; ids: number[]; weights: number[] } {
  const k = model.labels.length;
  const names: string[] = [];
  const kept: number[] = [];
  const weights: number[] = [];
  // Each feature once, at its first occurrence (equal names have equal ids).
  const seen = new Set<number>();
  for (let j = 0; j < features.length; j++) {
    const id = ids[j]!;
    const f = features[j]!;
    if (id < 0 || f === 'bias' || seen.has(id)) continue;
    seen.add(id);
    // Relative to the mean over labels: what makes this label win, not what is large everywhere.
    let mean = 0;
    for (let c = 0; c < k; c++) mean += model.weights[id * k + c]!;
    mean /= k;
    names.push(f);
    kept.push(id);
    weights.push(model.weights[id * k + label]! - mean);
  }
  return { names, ids: kept, weights };
}

/** JSON form: feature names joined by newlines, weights as base64 int16 with one scale. */
export interface PackedWeights {
  features: string;
  scale: number;
  weights: string;
}

export function packWeights(names: readonly string[], weights: Float32Array): PackedWeights {
  let max = 0;
  for (const w of weights) max = Math.max(max, Math.abs(w));
  const scale = max > 0 ? max / 32767 : 1;
  const q = new Int16Array(weights.length);
  for (let i = 0; i < weights.length; i++) q[i] = Math.round(weights[i]! / scale);
  return { features: names.join('\n'), scale, weights: Buffer.from(q.buffer, q.byteOffset, q.byteLength).toString('base64') };
}

/** The feature names of an index, by id. */
export function featureNamesOf(index: FeatureIndex): string[] {
  if (index instanceof FeatureTable) return Array.from({ length: index.size }, (_, id) => index.names.name(id));
  const names: string[] = [];
  for (const [name, id] of index) names[id] = name;
  return names;
}

/** The name of feature `id` (for explanations), without listing them all for a table. */
export function featureNameOf(index: FeatureIndex, id: number): string {
  if (index instanceof FeatureTable) return index.names.name(id);
  return namesOfMap(index)[id]!;
}

const mapNames = new WeakMap<ReadonlyMap<string, number>, string[]>();

function namesOfMap(index: ReadonlyMap<string, number>): string[] {
  let names = mapNames.get(index);
  if (!names || names.length !== index.size) mapNames.set(index, (names = featureNamesOf(index)));
  return names;
}

/**
 * The hashed table of a model's features; `splits` for a model scored through a sink
 * (see feature-table.ts). A model read from a file holds it already; one built in
 * memory (training, tests) gets it on first use.
 */
export function featureTableOf(model: BinaryModel, splits: boolean): FeatureTable {
  if (model.index instanceof FeatureTable && (model.index.splits || !splits)) return model.index;
  let table = tables.get(model);
  if (!table || (splits && !table.splits)) {
    const names = featureNamesOf(model.index);
    table = FeatureTable.of(featureKeys(names, splits), FeatureNames.of(names), splits);
    tables.set(model, table);
  }
  return table;
}

const tables = new WeakMap<BinaryModel, FeatureTable>();

/** `unpackWeights` with the hashed table as the index (what a model read from a file uses). */
export function unpackTable(packed: PackedWeights, width: number, splits: boolean): { index: FeatureTable; weights: Float32Array } {
  const names = packed.features === '' ? [] : packed.features.split('\n');
  return { index: FeatureTable.of(featureKeys(names, splits), new FeatureNames(packed.features, names.length), splits), weights: dequantize(packed, names.length * width) };
}

/** Int16 weights (base64) times the scale. */
function dequantize(packed: PackedWeights, count: number): Float32Array {
  const bytes = Buffer.from(packed.weights, 'base64');
  if (bytes.length !== count * 2) throw new Error(`expected ${count} weights, found ${bytes.length / 2}`);
  return int16Weights(bytes, packed.scale);
}

/** Little-endian int16 bytes times the scale, as Float32. */
export function int16Weights(bytes: Uint8Array, scale: number): Float32Array {
  const q = new Int16Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const weights = new Float32Array(q.length);
  for (let i = 0; i < q.length; i++) weights[i] = q[i]! * scale;
  return weights;
}

export function unpackWeights(packed: PackedWeights, width: number): { index: Map<string, number>; weights: Float32Array } {
  const names = packed.features === '' ? [] : packed.features.split('\n');
  const weights = dequantize(packed, names.length * width);
  const index = new Map<string, number>();
  names.forEach((n, i) => index.set(n, i));
  return { index, weights };
}
