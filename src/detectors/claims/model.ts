import { UnspinError } from '../../core/errors.js';
import { failer, frame, readShipped, unframe } from './framing.js';
import { hiddenLayerOf, hiddenScore, hiddenWeightCount, hiddenWeights, indicatorTable, type HiddenLayer } from './hidden.js';
import { defaultClaimWords, DEFAULT_WORDS_FILE, type ClaimWords } from './words.js';
import { FeatureHashes, fnv, FNV_OFFSET } from './hashed.js';

/**
 * The claim model: logistic regression over hashed sparse binary features.
 * On disk (models/claims.bin): "UNSPINCW", a uint32 LE header length, a UTF-8 JSON header,
 * then `dims` int16 LE weights (weight = int16 * header.scale), then `header.dense` float32 LE
 * weights of the pooled word vectors when the model uses a word table (header.words), then,
 * with `header.hidden` units, the hidden layer as float32 LE (hidden.ts: units × dense input
 * weights, units biases, units output weights, then a column of units weights per indicator
 * named in `header.hiddenIndicators`).
 */
export interface ClaimModelHeader {
  name: string;
  version: string;
  dims: number;
  scale: number;
  bias: number;
  /** Probability at or above which a sentence is reported as check-worthy. */
  threshold: number;
  /**
   * Feature augmentation (Daume 2007): every feature also has a copy per training source
   * ("claimbuster|w:troops"), so each source keeps its own notion of check-worthiness
   * while sharing the rest. Run time uses `defaultDomain`.
   */
  domains: string[];
  defaultDomain: string;
  /** Every feature weighs 1/sqrt(n) (n = features fired, copies included), so long sentences do not score high by length alone. */
  normalise: boolean;
  /** How it was trained and what it scored, for the record. */
  training: Record<string, unknown>;
  /** Number of dense weights (pooled word vectors); absent or 0 without a word table. */
  dense?: number;
  /** Units of the hidden layer over the pooled word vectors (hidden.ts); absent or 0: none. */
  hidden?: number;
  /** The feature names the hidden layer reads as indicators, in column order. */
  hiddenIndicators?: string[];
  /** Trained with context features (context.ts): the detector adds them to each sentence's own. */
  context?: boolean;
  /** The word table the model was trained with: file name under models/ and sha256 of its bytes. */
  words?: { file: string; digest: string };
}

export interface ClaimModel {
  header: ClaimModelHeader;
  weights: Float32Array;
  dense?: Float32Array;
  /** The hidden layer over the pooled word vectors, present when header.hidden > 0. */
  hidden?: HiddenLayer;
  /** Hashed feature index -> the hidden layer's indicator column, or -1 (hidden.ts), built on decoding. */
  indicatorOf?: Int16Array;
  /** The word table, present when header.words is set. */
  words?: ClaimWords;
}

/** The contribution name of the pooled word vectors, for explanations. */
export const MEANING_FEATURE = 'meaning';

const MAGIC = 'UNSPINCW';

export function hashFeature(name: string, dims: number): number {
  return (fnv(name, FNV_OFFSET) >>> 0) % dims;
}

export interface ScoredFeature {
  name: string;
  weight: number;
}

/** The feature names a model sees for a sentence: each shared feature plus its domain copy. */
export function domainFeatureNames(names: readonly string[], domain: string): string[] {
  return [...names, ...names.map((n) => domain + '|' + n)];
}

/** Probability of check-worthiness and the weight each named feature contributed (shared + domain copy). */
export function scoreFeatures(model: ClaimModel, names: readonly string[], domain = model.header.defaultDomain, dense?: Float32Array): { probability: number; contributions: ScoredFeature[] } {
  const scored = scoreWeights(model, names, domain, dense);
  return { probability: scored.probability, contributions: contributionsOf(scored) };
}

/** A sentence scored: each feature's weight kept as a number, so that only reported sentences build named contributions. */
export interface WeighedFeatures {
  probability: number;
  /** The features summed: the names, plus "src:<domain>" off the default domain. */
  names: readonly string[];
  /** weights[i] is what names[i] added; the last entry is the pooled word vectors' share when `meaning`. */
  weights: Float64Array;
  meaning: boolean;
}

export function scoreWeights(model: ClaimModel, names: readonly string[], domain = model.header.defaultDomain, dense?: Float32Array): WeighedFeatures {
  const all = domain === model.header.defaultDomain ? names : [...names, sourceName(domain)];
  const hashes = hashesFor(domain, 'names');
  hashes.reset();
  for (const name of all) hashes.append(name);
  const weights = new Float64Array(all.length + (hasMeaning(model, dense) ? 1 : 0));
  const probability = scoreHashes(model, hashes, 0, hashes.count, null, dense, weights);
  return { probability, names: all, weights, meaning: hasMeaning(model, dense) };
}

/** The pooled word vectors count when the model has dense weights of their size. */
export function hasMeaning(model: ClaimModel, dense: Float32Array | undefined): dense is Float32Array {
  return model.dense !== undefined && dense !== undefined && dense.length === model.dense.length;
}

/** "src:<domain>": the source marker a sentence scored off the default domain carries last; built once per domain. */
const sourceNames = new Map<string, string>();
export function sourceName(domain: string): string {
  let name = sourceNames.get(domain);
  if (name === undefined) sourceNames.set(domain, (name = 'src:' + domain));
  return name;
}

const sinks = new Map<string, FeatureHashes>();

/** A scoring sink of a domain, one per use, reused from one call to the next (reset it before use). */
export function hashesFor(domain: string, use: 'sentences' | 'context' | 'names'): FeatureHashes {
  const key = use + '\u0000' + domain;
  let sink = sinks.get(key);
  if (sink === undefined) sinks.set(key, (sink = new FeatureHashes(domain)));
  return sink;
}

/** The named contributions of a scored sentence, in the order they were summed. */
export function contributionsOf(scored: WeighedFeatures): ScoredFeature[] {
  const contributions: ScoredFeature[] = scored.names.map((name, i) => ({ name, weight: scored.weights[i]! }));
  if (scored.meaning) contributions.push({ name: MEANING_FEATURE, weight: scored.weights[scored.names.length]! });
  return contributions;
}

/** The hidden layer's active indicator columns of the sentence being scored, reused from one sentence to the next. */
let activeColumns = new Uint16Array(256);

/**
 * Probability of check-worthiness of hashed features (hashed.ts): entries from..to of `own`,
 * then every entry of `extra`, then the pooled word vectors. out[n] gets what the n-th of
 * those features added (shared + domain copy) and, when the vectors count, the next entry
 * their share.
 */
export function scoreHashes(model: ClaimModel, own: FeatureHashes, from: number, to: number, extra: FeatureHashes | null, dense: Float32Array | undefined, out: Float64Array): number {
  const { dims } = model.header;
  const mask = (dims & (dims - 1)) === 0 && dims <= 0x80000000 ? dims - 1 : -1;
  const weights = model.weights;
  const count = to - from + (extra?.count ?? 0);
  let z = model.header.bias;
  const value = model.header.normalise && count > 0 ? 1 / Math.sqrt(2 * count) : 1;
  const indicatorOf = model.hidden ? model.indicatorOf : undefined;
  if (indicatorOf && activeColumns.length < count) activeColumns = new Uint16Array(count);
  let active = 0;
  let n = 0;
  for (let part = 0; part < 2; part++) {
    const hashes = part === 0 ? own : extra;
    if (hashes === null) break;
    const { shared, copy } = hashes;
    const end = part === 0 ? to : hashes.count;
    for (let e = part === 0 ? from : 0; e < end; e++) {
      // A hash is an unsigned 32-bit integer: modulo a power of two is a mask, on int32s rather than doubles.
      const index = mask >= 0 ? shared[e]! & mask : shared[e]! % dims;
      const weight = value * (weights[index]! + weights[mask >= 0 ? copy[e]! & mask : copy[e]! % dims]!);
      if (indicatorOf) {
        const column = indicatorOf[index]!;
        if (column >= 0) activeColumns[active++] = column;
      }
      z += weight;
      out[n++] = weight;
    }
  }
  if (model.dense && hasMeaning(model, dense)) {
    let weight = 0;
    for (let d = 0; d < dense.length; d++) weight += model.dense[d]! * dense[d]!;
    if (model.hidden) weight += hiddenScore(model.hidden, dense, activeColumns, active);
    z += weight;
    out[count] = weight;
  }
  return 1 / (1 + Math.exp(-z));
}

export function encodeModel(model: ClaimModel): Buffer {
  let max = 0;
  for (const w of model.weights) max = Math.max(max, Math.abs(w));
  const scale = max > 0 ? max / 32767 : 1;
  const dense = model.dense ?? new Float32Array(0);
  const hidden = model.hidden ? hiddenWeights(model.hidden) : new Float32Array(0);
  const body = Buffer.alloc(model.weights.length * 2 + (dense.length + hidden.length) * 4);
  model.weights.forEach((w, i) => body.writeInt16LE(Math.round(w / scale), i * 2));
  dense.forEach((w, i) => body.writeFloatLE(w, model.weights.length * 2 + i * 4));
  hidden.forEach((w, i) => body.writeFloatLE(w, model.weights.length * 2 + (dense.length + i) * 4));
  const { hidden: _units, hiddenIndicators, ...rest } = model.header;
  if (model.hidden && model.hidden.indicators !== (hiddenIndicators?.length ?? 0)) throw new RangeError(`the hidden layer has ${model.hidden.indicators} indicator columns, the header names ${hiddenIndicators?.length ?? 0}`);
  return frame(MAGIC, { ...rest, dims: model.weights.length, scale, dense: dense.length, ...(model.hidden ? { hidden: model.hidden.units, hiddenIndicators: hiddenIndicators ?? [] } : {}) }, [body]);
}

export function decodeModel(bytes: Buffer, source: string): ClaimModel {
  const fail = failer(source);
  const { header, bodyAt: offset } = unframe<ClaimModelHeader>(bytes, MAGIC, 'an unspin claim model', source);
  const { dims, scale, bias, threshold, domains, defaultDomain } = header;
  if (!Array.isArray(domains) || !domains.includes(defaultDomain)) fail('header lacks domains or defaultDomain');
  if (typeof header.normalise !== 'boolean') fail('header lacks normalise');
  if (!Number.isInteger(dims) || dims <= 0 || ![scale, bias, threshold].every((x) => typeof x === 'number' && Number.isFinite(x))) fail('header lacks dims, scale, bias or threshold');
  const denseCount = header.dense ?? 0;
  if (!Number.isInteger(denseCount) || denseCount < 0) fail('header.dense is not a count');
  if (denseCount > 0 && !(typeof header.words?.file === 'string' && typeof header.words.digest === 'string')) fail('dense weights without a word table (header.words)');
  const units = header.hidden ?? 0;
  if (!Number.isInteger(units) || units < 0 || (units > 0 && denseCount === 0)) fail('header.hidden is not a count of units over dense weights');
  const indicators = header.hiddenIndicators ?? [];
  if (!Array.isArray(indicators) || !indicators.every((n) => typeof n === 'string') || indicators.length > 0x7fff) fail('header.hiddenIndicators is not a list of feature names');
  const hiddenCount = units > 0 ? hiddenWeightCount(units, denseCount, indicators.length) : 0;
  if (bytes.length !== offset + dims * 2 + (denseCount + hiddenCount) * 4) fail(`expected ${dims} weights, ${denseCount} dense weights and ${hiddenCount} hidden-layer weights, found ${bytes.length - offset} bytes`);
  // Through typed arrays over a copy of each section (little-endian, as the file), not a Buffer read per number.
  const quantised = new Int16Array(sectionCopy(bytes, offset, dims * 2));
  const weights = new Float32Array(dims);
  for (let i = 0; i < dims; i++) weights[i] = quantised[i]! * scale;
  const dense = new Float32Array(sectionCopy(bytes, offset + dims * 2, denseCount * 4));
  if (units === 0) return { header, weights, dense };
  const flat = new Float32Array(sectionCopy(bytes, offset + dims * 2 + denseCount * 4, hiddenCount * 4));
  return { header, weights, dense, hidden: hiddenLayerOf(units, denseCount, indicators.length, flat), indicatorOf: indicatorTable(indicators, dims, hashFeature) };
}

/** `length` bytes of `bytes` from `at`, in a buffer of their own (aligned for any typed array). */
function sectionCopy(bytes: Buffer, at: number, length: number): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset + at, bytes.byteOffset + at + length) as ArrayBuffer;
}

/** The model with its word table, checked to be the very table it was trained with. */
export function withWords(model: ClaimModel, words: ClaimWords, source: string): ClaimModel {
  const expected = model.header.words;
  if (!expected) return model;
  if (expected.digest !== words.digest) {
    throw new UnspinError('MODEL_INVALID', `${source}: trained with word table ${expected.digest.slice(0, 12)}, found ${words.digest.slice(0, 12)} (retrain with npm run train:claims)`, { input: source });
  }
  if (model.dense?.length !== 2 * words.table.dims) throw new UnspinError('MODEL_INVALID', `${source}: ${model.dense?.length ?? 0} dense weights for ${words.table.dims}-dimension words`, { input: source });
  return { ...model, words };
}

export const DEFAULT_MODEL_FILE = 'claims.bin';
let shipped: ClaimModel | undefined;

/** The shipped model, read on first use. */
export function defaultClaimModel(): ClaimModel {
  if (shipped) return shipped;
  const { path, bytes } = readShipped(DEFAULT_MODEL_FILE, 'claim model', 'npm run train:claims');
  const model = decodeModel(bytes, path);
  if (model.header.words && model.header.words.file !== DEFAULT_WORDS_FILE) {
    throw new UnspinError('MODEL_INVALID', `${path}: expects word table ${model.header.words.file}, ships with ${DEFAULT_WORDS_FILE}`, { input: path });
  }
  shipped = model.header.words ? withWords(model, defaultClaimWords(), path) : model;
  return shipped;
}
