import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sourceStamp } from '../../core/data-file.js';
import { UnspinError } from '../../core/errors.js';
import { dataPath, modelPath } from '../../core/paths.js';
import { frame, unframe } from '../claims/framing.js';
import { FeatureNames, FeatureTable, featureKeys } from './feature-table.js';
import { int16Weights, packWeights, unpackTable, type BinaryModel, type MultiModel, type PackedWeights } from './linear.js';
import { packClusters, unpackClusters, type PackedClusters, type WordClusters } from './clusters.js';
import { packWindowNet, unpackWindowNet, type PackedWindowNet, type WindowNet } from './window-net.js';
import { packSentiment, unpackSentiment } from './sentiment.js';
import { TECHNIQUE_LABELS } from './techniques.js';

export const MODEL_FORMAT = 'unspin-propaganda';

export type RepetitionMode = 'off' | 'all' | 'labelled';
const REPETITION_MODES: readonly RepetitionMode[] = ['off', 'all', 'labelled'];

/**
 * The trained models, with the decoding settings tuned on out-of-fold outputs of the
 * train articles. Span finding is stacked: a sentence model says how likely a sentence
 * holds propaganda, the token tagger uses that with lexical features, and a second
 * tagger stage smooths the token probabilities from their neighbours so spans come out
 * whole.
 */
export interface PropagandaModel {
  /** Name and version for findings' `model` field, e.g. "propaganda-lr@1". */
  readonly name: string;
  readonly sentence: BinaryModel;
  readonly tagger: BinaryModel;
  readonly stack: BinaryModel;
  /** Span filter: probability that a proposed span is mostly propaganda. */
  readonly filter: BinaryModel;
  /** Filter probability at or above which a proposed span is kept. */
  readonly filterThreshold: number;
  /**
   * A sentence whose propaganda probability reaches this, and in which the tagger found
   * no span, is proposed whole (clause-level techniques such as Doubt or
   * Causal_Oversimplification span whole sentences); null: never.
   */
  readonly wholeSentence: number | null;
  /**
   * Sentences whose propaganda probability is below this skip the token stages (tagger and
   * smoothing stage): their tokens get probability 0, so they hold no tagged span. Both
   * stages read only their own sentence's tokens, so the other sentences are scored as
   * without the gate. Chosen out-of-fold in training as the largest cut that keeps SI F1
   * within 0.002 of no gate; 0: every sentence is tagged.
   */
  readonly tokenGate: number;
  /**
   * Whole-article Repetition step, as tuned in training: `all` proposes the other occurrences
   * of every short tagged phrase, `labelled` only of those the classifier calls
   * Repetition, `off` none.
   */
  readonly repetition: RepetitionMode;
  /** Token probability at or above which a token is inside a propaganda span. */
  readonly threshold: number;
  /**
   * A decoded span is kept only when its strongest token reaches this (>= threshold):
   * weak tokens may widen a span, but never make one on their own.
   */
  readonly seed: number;
  /** Most weaker tokens bridged between two strong runs of one sentence. */
  readonly bridge: number;
  readonly classifier: MultiModel;
  /**
   * Per-technique offsets added to the classifier's log-odds, tuned out-of-fold for TC
   * micro-F1 (a technique's own threshold); null: none.
   */
  readonly classifierOffsets: Float32Array | null;
  /** Word-vector clusters over the shared word table's rows; null: the models use no word meaning. */
  readonly clusters: WordClusters | null;
  /** Window tagger over word vectors whose token probability the tagger reads; null: none. */
  readonly net: WindowNet | null;
  /** Word polarity table (wink-nlp sentiment) for the words seen in training. */
  readonly sentiment: ReadonlyMap<string, number>;
}

/** The JSON file in models/. */
export interface PropagandaModelFile {
  format: typeof MODEL_FORMAT;
  name: string;
  threshold: number;
  /** Absent in files written before it existed: the threshold (no extra condition). */
  seed?: number;
  bridge: number;
  repetition: RepetitionMode;
  filterThreshold: number;
  wholeSentence: number | null;
  /** Absent in files written before it existed: 0 (every sentence is tagged). */
  tokenGate?: number;
  /** Training provenance and dev figures, for people reading the file. */
  info: Record<string, unknown>;
  sentence: PackedWeights;
  tagger: PackedWeights;
  stack: PackedWeights;
  filter: PackedWeights;
  classifier: PackedWeights & { labels: string[] };
  /** Absent in files written before they existed. */
  classifierOffsets?: number[];
  clusters?: PackedClusters;
  net?: PackedWindowNet;
  sentiment: string;
}

export function packModel(model: PropagandaModel, names: { sentence: string[]; tagger: string[]; stack: string[]; filter: string[]; classifier: string[] }, info: Record<string, unknown>): PropagandaModelFile {
  return {
    format: MODEL_FORMAT,
    name: model.name,
    threshold: model.threshold,
    seed: model.seed,
    bridge: model.bridge,
    repetition: model.repetition,
    filterThreshold: model.filterThreshold,
    wholeSentence: model.wholeSentence,
    tokenGate: model.tokenGate,
    info,
    sentence: packWeights(names.sentence, model.sentence.weights),
    tagger: packWeights(names.tagger, model.tagger.weights),
    stack: packWeights(names.stack, model.stack.weights),
    filter: packWeights(names.filter, model.filter.weights),
    classifier: { labels: [...model.classifier.labels], ...packWeights(names.classifier, model.classifier.weights) },
    ...(model.classifierOffsets ? { classifierOffsets: Array.from(model.classifierOffsets, (x) => Number(x.toFixed(4))) } : {}),
    ...(model.clusters ? { clusters: packClusters(model.clusters) } : {}),
    ...(model.net ? { net: packWindowNet(model.net) } : {}),
    sentiment: packSentiment(model.sentiment),
  };
}

/** The weight blocks of a model file; the first three are scored through sinks (their names filed under every split). */
const BLOCKS = ['sentence', 'tagger', 'stack', 'filter', 'classifier'] as const;
type Block = (typeof BLOCKS)[number];
const SINK_BLOCKS: ReadonlySet<Block> = new Set(['sentence', 'tagger', 'stack']);

/** A block's weights with its hashed feature table. */
type Weights = { index: FeatureTable; weights: Float32Array };

export function unpackModel(file: unknown, origin: string): PropagandaModel {
  const f = checkModelFile(file, origin);
  return buildModel(f, origin, (block) => unpackTable(f[block], block === 'classifier' ? f.classifier.labels.length : 1, SINK_BLOCKS.has(block)));
}

/** The checks every model file passes, whether read from JSON or from its compiled form. */
function checkModelFile(file: unknown, origin: string): PropagandaModelFile {
  const fail = (why: string): never => {
    throw new UnspinError('MODEL_INVALID', `${origin}: ${why}`, { input: origin });
  };
  if (typeof file !== 'object' || file === null) fail('not a JSON object');
  const f = file as Partial<PropagandaModelFile>;
  if (f.format !== MODEL_FORMAT) fail(`format is not ${MODEL_FORMAT}`);
  if (typeof f.threshold !== 'number' || !(f.threshold > 0 && f.threshold < 1)) fail('threshold must be in (0, 1)');
  if (f.seed !== undefined && !(typeof f.seed === 'number' && f.seed >= f.threshold! && f.seed < 1)) fail('seed must be in [threshold, 1)');
  if (typeof f.filterThreshold !== 'number' || !(f.filterThreshold >= 0 && f.filterThreshold < 1)) fail('filterThreshold must be in [0, 1)');
  if (f.wholeSentence !== null && f.wholeSentence !== undefined && !(typeof f.wholeSentence === 'number' && f.wholeSentence > 0 && f.wholeSentence <= 1)) fail('wholeSentence must be null or in (0, 1]');
  if (f.tokenGate !== undefined && !(typeof f.tokenGate === 'number' && f.tokenGate >= 0 && f.tokenGate < 1)) fail('tokenGate must be in [0, 1)');
  if (!Number.isInteger(f.bridge) || f.bridge! < 0) fail('bridge must be a non-negative integer');
  if (!REPETITION_MODES.includes(f.repetition as RepetitionMode)) fail(`repetition must be one of ${REPETITION_MODES.join(', ')}`);
  if (!f.sentence || !f.tagger || !f.stack || !f.filter || !f.classifier || !Array.isArray(f.classifier.labels)) fail('tagger or classifier missing');
  const unknown = f.classifier!.labels.filter((l) => !(TECHNIQUE_LABELS as readonly string[]).includes(l));
  if (unknown.length > 0) fail(`unknown technique labels ${unknown.join(', ')}`);
  if (f.classifierOffsets !== undefined && !(Array.isArray(f.classifierOffsets) && f.classifierOffsets.length === f.classifier!.labels.length && f.classifierOffsets.every((x) => typeof x === 'number' && Number.isFinite(x)))) {
    fail('classifierOffsets must be one finite number per technique label');
  }
  return f as PropagandaModelFile;
}

function buildModel(f: PropagandaModelFile, origin: string, weightsOf: (block: Block) => Weights): PropagandaModel {
  try {
    return {
      name: String(f.name ?? 'propaganda'),
      threshold: f.threshold,
      seed: f.seed ?? f.threshold,
      bridge: f.bridge,
      repetition: f.repetition,
      sentence: weightsOf('sentence'),
      tagger: weightsOf('tagger'),
      stack: weightsOf('stack'),
      filter: weightsOf('filter'),
      filterThreshold: f.filterThreshold,
      wholeSentence: f.wholeSentence ?? null,
      tokenGate: f.tokenGate ?? 0,
      classifier: { labels: f.classifier.labels, ...weightsOf('classifier') },
      classifierOffsets: f.classifierOffsets ? Float32Array.from(f.classifierOffsets) : null,
      clusters: f.clusters ? unpackClusters(f.clusters) : null,
      net: f.net ? unpackWindowNet(f.net) : null,
      sentiment: unpackSentiment(typeof f.sentiment === 'string' ? f.sentiment : ''),
    };
  } catch (cause) {
    throw new UnspinError('MODEL_INVALID', `${origin}: ${(cause as Error).message}`, { input: origin, cause });
  }
}

/**
 * The compiled form of a model file (data/compiled/models/, written by `npm run build:data`):
 * the JSON's small fields in a header, and per weight block the feature names, the int16
 * weights and the hashed keys of the feature table, as raw bytes. Reading it costs no JSON
 * parse of the weights and no hashing of 200,000 names; it is used only while the digest
 * of the JSON it came from matches, so the JSON stays the source of truth.
 */
export const COMPILED_MODEL_MAGIC = 'UNSPINPC';
/** Bumped when the layout or the feature hashing changes: an older compilation is then stale. */
export const COMPILED_MODEL_VERSION = 2;

interface CompiledHeader {
  version: number;
  /** sha256 of the model JSON's bytes, hex. */
  digest: string;
  /** The model JSON's size and modification time when compiled (data-file.ts `settledStamp`), if it had settled. */
  stamp?: string;
  /** The model file, each weight block's names and weights left out (weights: their byte length). */
  file: PropagandaModelFile;
  /** Per block: byte length of the names, feature count, int32s of the table. */
  sections: Record<Block, { names: number; count: number; table: number }>;
}

/** Sections start at multiples of 4 bytes, so the tables are read in place as Int32Arrays. */
const ALIGN = 4;
const padding = (length: number) => Buffer.alloc((ALIGN - (length % ALIGN)) % ALIGN);

/** The compiled form of a model file; `digest`: of the JSON's bytes; `stamp`: the JSON's `settledStamp`, taken before it was read. */
export function encodeCompiledModel(file: PropagandaModelFile, digest: string, stamp?: string): Buffer {
  const body: Buffer[] = [];
  const sections = {} as CompiledHeader['sections'];
  const small = { ...file } as PropagandaModelFile;
  for (const block of BLOCKS) {
    const packed = file[block];
    const names = packed.features === '' ? [] : packed.features.split('\n');
    const table = FeatureTable.of(featureKeys(names, SINK_BLOCKS.has(block)), FeatureNames.of(names), SINK_BLOCKS.has(block)).slots();
    const tableBytes = Buffer.from(table.buffer, table.byteOffset, table.byteLength);
    const nameBytes = Buffer.from(packed.features, 'utf8');
    const weightBytes = Buffer.from(packed.weights, 'base64');
    sections[block] = { names: nameBytes.length, count: names.length, table: table.length };
    for (const part of [nameBytes, weightBytes, tableBytes]) body.push(part, padding(part.length));
    (small as unknown as Record<string, unknown>)[block] = { ...packed, features: '', weights: weightBytes.length };
  }
  const header: CompiledHeader = { version: COMPILED_MODEL_VERSION, digest, ...(stamp ? { stamp } : {}), file: small, sections };
  const headerLength = Buffer.byteLength(JSON.stringify(header), 'utf8');
  return frame(COMPILED_MODEL_MAGIC, header, [padding(12 + headerLength), ...body]);
}

/** The model in a compiled file, with the digest of the JSON it was compiled from. Its tables are views of `bytes`. */
export function decodeCompiledModel(bytes: Buffer, origin: string): { digest: string; stamp?: string; model: PropagandaModel } {
  const { header, bodyAt } = unframe<CompiledHeader>(bytes, COMPILED_MODEL_MAGIC, 'a compiled unspin propaganda model', origin);
  const fail = (why: string): never => {
    throw new UnspinError('MODEL_INVALID', `${origin}: ${why}`, { input: origin });
  };
  if (header.version !== COMPILED_MODEL_VERSION) fail(`compiled by format version ${header.version}, not ${COMPILED_MODEL_VERSION}: run npm run build:data`);
  const f = checkModelFile(header.file, origin);
  let at = bodyAt;
  const take = (length: number): Buffer => {
    at += (ALIGN - (at % ALIGN)) % ALIGN;
    if (at + length > bytes.length) fail('truncated');
    const out = bytes.subarray(at, at + length);
    at += length;
    return out;
  };
  const int32 = (count: number): Int32Array => {
    const part = take(4 * count);
    // In place when the file's buffer is aligned (as read from disk); else copied.
    if ((part.byteOffset & 3) === 0) return new Int32Array(part.buffer, part.byteOffset, count);
    const out = new Int32Array(count);
    new Uint8Array(out.buffer).set(part);
    return out;
  };
  const blocks = new Map<Block, Weights>();
  for (const block of BLOCKS) {
    const { names, count, table } = header.sections[block];
    const width = block === 'classifier' ? f.classifier.labels.length : 1;
    const joined = take(names).toString('utf8');
    const packed = f[block] as unknown as { scale: number; weights: number };
    if (packed.weights !== count * width * 2) fail(`${block}: expected ${count * width} weights`);
    const weights = int16Weights(take(packed.weights), packed.scale);
    blocks.set(block, { index: new FeatureTable(int32(table), new FeatureNames(joined, count), SINK_BLOCKS.has(block)), weights });
  }
  return { digest: header.digest, ...(typeof header.stamp === 'string' ? { stamp: header.stamp } : {}), model: buildModel(f, origin, (block) => blocks.get(block)!) };
}

/** Where the compiled form of a model file under models/ lives. */
export function compiledModelPath(file: string): string {
  return dataPath('compiled', 'models', file.replace(/\.json$/, '.bin'));
}

export function digestOfModel(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Whether a model reads the shared word table (word clusters or the window network). */
export function usesWordVectors(model: Pick<PropagandaModel, 'clusters' | 'net'>): boolean {
  return model.clusters !== null || model.net !== null;
}

export const DEFAULT_MODEL_FILE = 'propaganda.json';

let defaultModel: PropagandaModel | undefined;

/**
 * The shipped model, read on first use: from its compiled form while that is fresh (the
 * JSON's stamp, else its digest, matches), else from the JSON, as before.
 */
export function defaultPropagandaModel(): PropagandaModel {
  if (defaultModel) return defaultModel;
  const path = modelPath(DEFAULT_MODEL_FILE);
  const compiled = readCompiledModel(compiledModelPath(DEFAULT_MODEL_FILE));
  // The JSON unwritten since it was compiled (data-file.ts): it is not read, nor hashed (2.8 MB).
  if (compiled?.stamp !== undefined && compiled.stamp === sourceStamp(path)) {
    defaultModel = compiled.model;
    return defaultModel;
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (cause) {
    throw new UnspinError('MODEL_INVALID', `${path}: cannot read the propaganda model (${(cause as Error).message}); run npm run train:propaganda`, { input: path, cause });
  }
  if (compiled && compiled.digest === digestOfModel(bytes)) {
    defaultModel = compiled.model;
    return defaultModel;
  }
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch (cause) {
    throw new UnspinError('MODEL_INVALID', `${path}: cannot read the propaganda model (${(cause as Error).message}); run npm run train:propaganda`, { input: path, cause });
  }
  defaultModel = unpackModel(json, path);
  return defaultModel;
}

/** A compiled model file, or null when there is none or it does not decode (the JSON is read instead). */
function readCompiledModel(path: string): ReturnType<typeof decodeCompiledModel> | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return null;
  }
  try {
    return decodeCompiledModel(bytes, path);
  } catch {
    return null;
  }
}
