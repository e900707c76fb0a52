import { readFileSync } from 'node:fs';
import { UnspinError } from '../../core/errors.js';
import { modelPath } from '../../core/paths.js';
import { packWeights, unpackWeights, type BinaryModel, type MultiModel, type PackedWeights } from './linear.js';
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

export function unpackModel(file: unknown, origin: string): PropagandaModel {
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
  if (!Number.isInteger(f.bridge) || f.bridge! < 0) fail('bridge must be a non-negative integer');
  if (!REPETITION_MODES.includes(f.repetition as RepetitionMode)) fail(`repetition must be one of ${REPETITION_MODES.join(', ')}`);
  if (!f.sentence || !f.tagger || !f.stack || !f.filter || !f.classifier || !Array.isArray(f.classifier.labels)) fail('tagger or classifier missing');
  const unknown = f.classifier!.labels.filter((l) => !(TECHNIQUE_LABELS as readonly string[]).includes(l));
  if (unknown.length > 0) fail(`unknown technique labels ${unknown.join(', ')}`);
  if (f.classifierOffsets !== undefined && !(Array.isArray(f.classifierOffsets) && f.classifierOffsets.length === f.classifier!.labels.length && f.classifierOffsets.every((x) => typeof x === 'number' && Number.isFinite(x)))) {
    fail('classifierOffsets must be one finite number per technique label');
  }
  try {
    return {
      name: String(f.name ?? 'propaganda'),
      threshold: f.threshold!,
      seed: f.seed ?? f.threshold!,
      bridge: f.bridge!,
      repetition: f.repetition!,
      sentence: unpackWeights(f.sentence!, 1),
      tagger: unpackWeights(f.tagger!, 1),
      stack: unpackWeights(f.stack!, 1),
      filter: unpackWeights(f.filter!, 1),
      filterThreshold: f.filterThreshold!,
      wholeSentence: f.wholeSentence ?? null,
      classifier: { labels: f.classifier!.labels, ...unpackWeights(f.classifier!, f.classifier!.labels.length) },
      classifierOffsets: f.classifierOffsets ? Float32Array.from(f.classifierOffsets) : null,
      clusters: f.clusters ? unpackClusters(f.clusters) : null,
      net: f.net ? unpackWindowNet(f.net) : null,
      sentiment: unpackSentiment(typeof f.sentiment === 'string' ? f.sentiment : ''),
    };
  } catch (cause) {
    throw new UnspinError('MODEL_INVALID', `${origin}: ${(cause as Error).message}`, { input: origin, cause });
  }
}

/** Whether a model reads the shared word table (word clusters or the window network). */
export function usesWordVectors(model: Pick<PropagandaModel, 'clusters' | 'net'>): boolean {
  return model.clusters !== null || model.net !== null;
}

export const DEFAULT_MODEL_FILE = 'propaganda.json';

let defaultModel: PropagandaModel | undefined;

/** The shipped model, read on first use. */
export function defaultPropagandaModel(): PropagandaModel {
  if (defaultModel) return defaultModel;
  const path = modelPath(DEFAULT_MODEL_FILE);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new UnspinError('MODEL_INVALID', `${path}: cannot read the propaganda model (${(cause as Error).message}); run npm run train:propaganda`, { input: path, cause });
  }
  defaultModel = unpackModel(json, path);
  return defaultModel;
}
