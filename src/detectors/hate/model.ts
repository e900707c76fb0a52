import { UnspinError } from '../../core/errors.js';
import { readModelJson } from '../../core/model-file.js';
import { modelPath } from '../../core/paths.js';
import { defaultWordTable } from '../../text/word-table.js';
import { DEFAULT_FEATURES, FeatureExtractor, type FeatureConfig, type FeatureName, type FeatureVector } from './features.js';
import { pooledLogProbabilities, pooledNetOf, pooledWeights, type PooledNet } from './pooled.js';

export const HATE_CLASSES = ['normal', 'offensive', 'hatespeech'] as const;
export type HateClass = (typeof HATE_CLASSES)[number];

/**
 * A multinomial logistic regression over hashed features, weights quantised to int8
 * per class (one scale per class). Stored as JSON with the weights in base64.
 */
export interface HateModel {
  name: string;
  version: string;
  classes: readonly HateClass[];
  features: FeatureConfig;
  bias: number[];
  /** Per-class dequantisation scale: weight = int8 * scale. */
  scales: number[];
  /** classes.length × 2^bits int8 weights, class-major. */
  weights: Int8Array;
  /** Per-bucket inverse document frequency, uint8 × idfScale (0 = unseen bucket, read as the maximum). */
  idf: Float32Array | null;
  /** Figures printed by training, kept for the record. */
  figures?: Record<string, unknown>;
  /** The pooled-vector net blended in where the extractor reads pooled vectors (post mode). */
  pooled?: PooledBlend;
}

/**
 * Blend of the linear model and the pooled-vector net: the class scores are
 * (1 - weight) × the linear log-probabilities + weight × the net's + offsets (chosen
 * by cross-validation on train), then normalised again.
 */
export interface PooledBlend {
  net: PooledNet;
  weight: number;
  offsets: number[];
}

export interface HateModelFile {
  format: 'unspin-hate-linear/1';
  name: string;
  version: string;
  classes: HateClass[];
  features: FeatureConfig;
  bias: number[];
  scales: number[];
  weights: string;
  idf?: string;
  idfScale?: number;
  figures?: Record<string, unknown>;
  /** The pooled net's weights as little-endian float32 in base64 (pooledWeights' order). */
  pooled?: { dims: number; hidden: number; weight: number; offsets: number[]; weights: string };
}

export function encodeModel(model: HateModel): HateModelFile {
  return {
    format: 'unspin-hate-linear/1',
    name: model.name,
    version: model.version,
    classes: [...model.classes],
    features: model.features,
    bias: model.bias,
    scales: model.scales,
    weights: Buffer.from(model.weights.buffer, model.weights.byteOffset, model.weights.byteLength).toString('base64'),
    ...(model.idf ? encodeIdf(model.idf) : {}),
    ...(model.figures ? { figures: model.figures } : {}),
    ...(model.pooled ? { pooled: encodePooled(model.pooled) } : {}),
  };
}

function encodePooled(blend: PooledBlend): NonNullable<HateModelFile['pooled']> {
  const all = pooledWeights(blend.net);
  return { dims: blend.net.dims, hidden: blend.net.hidden, weight: blend.weight, offsets: blend.offsets, weights: Buffer.from(all.buffer, all.byteOffset, all.byteLength).toString('base64') };
}

function decodePooled(file: NonNullable<HateModelFile['pooled']>, classes: number, source: string): PooledBlend {
  const bytes = Buffer.from(file.weights, 'base64');
  // Copied out: a base64 Buffer may sit at an offset that is not a multiple of 4.
  const all = new Float32Array(new Uint8Array(bytes).buffer);
  try {
    return { net: pooledNetOf(file.dims, file.hidden, classes, all), weight: file.weight, offsets: file.offsets };
  } catch (cause) {
    throw new UnspinError('MODEL_INVALID', `${source}: ${(cause as Error).message}`, { input: source, cause });
  }
}

export function decodeModel(file: unknown, source: string): HateModel {
  const f = file as Partial<HateModelFile> | null;
  if (!f || f.format !== 'unspin-hate-linear/1' || !Array.isArray(f.classes) || typeof f.weights !== 'string' || !f.features || !Array.isArray(f.bias) || !Array.isArray(f.scales)) {
    throw new UnspinError('MODEL_INVALID', `${source}: not an unspin hate model (format unspin-hate-linear/1)`, { input: source });
  }
  const bytes = Buffer.from(f.weights, 'base64');
  const weights = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const expected = f.classes.length << f.features.bits;
  if (weights.length !== expected) throw new UnspinError('MODEL_INVALID', `${source}: ${weights.length} weights, expected ${expected}`, { input: source });
  const idf = typeof f.idf === 'string' && typeof f.idfScale === 'number' ? decodeIdf(f.idf, f.idfScale) : null;
  if (idf && idf.length !== 1 << f.features.bits) throw new UnspinError('MODEL_INVALID', `${source}: idf has ${idf.length} buckets`, { input: source });
  return { name: f.name ?? 'hate', version: f.version ?? '0', classes: f.classes, features: { ...DEFAULT_FEATURES, ...f.features }, bias: f.bias, scales: f.scales, weights, idf, ...(f.figures ? { figures: f.figures } : {}), ...(f.pooled ? { pooled: decodePooled(f.pooled, f.classes.length, source) } : {}) };
}

function encodeIdf(idf: Float32Array): { idf: string; idfScale: number } {
  let max = 0;
  for (const x of idf) max = Math.max(max, x);
  const idfScale = max / 255 || 1;
  const bytes = new Uint8Array(idf.length);
  for (let i = 0; i < idf.length; i++) bytes[i] = Math.max(1, Math.round(idf[i]! / idfScale));
  return { idf: Buffer.from(bytes).toString('base64'), idfScale };
}

function decodeIdf(text: string, scale: number): Float32Array {
  const bytes = Buffer.from(text, 'base64');
  const out = new Float32Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) out[i] = bytes[i]! * scale;
  return out;
}

/**
 * A feature extractor matching the model's configuration and idf (and the model made ready
 * to score). With `pooled` (post mode) and a model that has a pooled net, its vectors also
 * carry the pooled word vectors, and predictProbabilities blends the net in; article mode
 * reads the linear model alone.
 */
export function extractorFor(model: HateModel, { pooled = false } = {}): FeatureExtractor {
  // The bucket-major weights are built here, with the model, not during the first unit.
  bucketMajorWeights(model);
  if (!(pooled && model.pooled)) return new FeatureExtractor(model.features, model.idf);
  const table = defaultWordTable();
  if (model.pooled.net.dims !== 2 * table.dims) throw new UnspinError('MODEL_INVALID', `hate model ${model.name}: its pooled net reads ${model.pooled.net.dims} inputs, the word table gives ${2 * table.dims}`);
  return new FeatureExtractor(model.features, model.idf, { table, net: model.pooled.net });
}

let cached: HateModel | undefined;

/** The shipped model, read on first use (about 1 MB). */
export function loadDefaultHateModel(): HateModel {
  if (cached) return cached;
  const { json, path } = readModelJson(modelPath('hate-model.json'), 'hate model', 'run npm run train:hate');
  cached = decodeModel(json, path);
  return cached;
}

/**
 * The weights bucket-major (bucket j's K class weights side by side), built once per
 * weights array: a feature's K weights are then one memory access instead of K far apart
 * (the class-major table is 768 kB; each sentence touches about a thousand buckets).
 */
const bucketMajor = new WeakMap<Int8Array, Int8Array>();

function bucketMajorWeights(model: HateModel): Int8Array {
  let out = bucketMajor.get(model.weights);
  if (out) return out;
  const k = model.classes.length;
  const dims = 1 << model.features.bits;
  out = new Int8Array(k * dims);
  for (let c = 0; c < k; c++) for (let j = 0; j < dims; j++) out[j * k + c] = model.weights[c * dims + j]!;
  bucketMajor.set(model.weights, out);
  return out;
}

/** Class probabilities of a feature vector (softmax of the linear scores). */
export function predictProbabilities(model: HateModel, vector: FeatureVector, out = new Float64Array(model.classes.length)): Float64Array {
  const k = model.classes.length;
  const w = bucketMajorWeights(model);
  const { index, value, length } = vector;
  if (k === 3) {
    // Each class's sum takes the same terms in the same order as one class at a time would: bit-identical scores.
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    for (let i = 0; i < length; i++) {
      const at = index[i]! * 3;
      const v = value[i]!;
      s0 += w[at]! * v;
      s1 += w[at + 1]! * v;
      s2 += w[at + 2]! * v;
    }
    out[0] = s0;
    out[1] = s1;
    out[2] = s2;
  } else {
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let i = 0; i < length; i++) s += w[index[i]! * k + c]! * value[i]!;
      out[c] = s;
    }
  }
  let max = -Infinity;
  for (let c = 0; c < k; c++) {
    out[c] = out[c]! * model.scales[c]! + model.bias[c]!;
    if (out[c]! > max) max = out[c]!;
  }
  let sum = 0;
  for (let c = 0; c < k; c++) {
    out[c] = Math.exp(out[c]! - max);
    sum += out[c]!;
  }
  for (let c = 0; c < k; c++) out[c] = out[c]! / sum;
  return model.pooled && vector.pooled ? blendPooled(model.pooled, vector.pooled, out) : out;
}

const netLog = new Float64Array(8);

/** Replaces the linear probabilities in `out` by their blend with the pooled net's. */
function blendPooled(blend: PooledBlend, x: Float32Array, out: Float64Array): Float64Array {
  const k = blend.net.classes;
  pooledLogProbabilities(blend.net, x, netLog);
  let max = -Infinity;
  for (let c = 0; c < k; c++) {
    out[c] = (1 - blend.weight) * Math.log(out[c]!) + blend.weight * netLog[c]! + blend.offsets[c]!;
    if (out[c]! > max) max = out[c]!;
  }
  let sum = 0;
  for (let c = 0; c < k; c++) sum += out[c] = Math.exp(out[c]! - max);
  for (let c = 0; c < k; c++) out[c] = out[c]! / sum;
  return out;
}

export interface Contribution extends FeatureName {
  /** Score for the class minus the mean score of the other classes. */
  weight: number;
}

/**
 * How much each feature pushed the vector towards `cls` against the other classes;
 * sorted, strongest first. Used to explain a decision and to find evidence words.
 */
export function contributions(model: HateModel, extractor: FeatureExtractor, words: readonly string[], lexicon: readonly string[], cls: number): Contribution[] {
  const names: FeatureName[] = [];
  const vector = extractor.extract(words, lexicon, names);
  const dims = 1 << model.features.bits;
  const k = model.classes.length;
  const out: Contribution[] = [];
  for (let i = 0; i < vector.length; i++) {
    const j = vector.index[i]!;
    let other = 0;
    for (let c = 0; c < k; c++) if (c !== cls) other += model.weights[c * dims + j]! * model.scales[c]!;
    const weight = vector.value[i]! * (model.weights[cls * dims + j]! * model.scales[cls]! - other / (k - 1));
    out.push({ ...names[i]!, weight });
  }
  return out.sort((a, b) => b.weight - a.weight);
}
