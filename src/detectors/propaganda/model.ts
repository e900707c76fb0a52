import { readFileSync } from 'node:fs';
import { UnspinError } from '../../core/errors.js';
import { modelPath } from '../../core/paths.js';
import { packWeights, unpackWeights, type BinaryModel, type MultiModel, type PackedWeights } from './linear.js';
import { TECHNIQUE_LABELS } from './techniques.js';

export const MODEL_FORMAT = 'unspin-propaganda';

/** The trained span tagger and technique classifier, with the decoding settings tuned on dev. */
export interface PropagandaModel {
  /** Name and version for findings' `model` field, e.g. "propaganda-lr@1". */
  readonly name: string;
  readonly tagger: BinaryModel;
  /** Token probability at or above which a token is inside a propaganda span. */
  readonly threshold: number;
  readonly classifier: MultiModel;
}

/** The JSON file in models/. */
export interface PropagandaModelFile {
  format: typeof MODEL_FORMAT;
  name: string;
  threshold: number;
  /** Training provenance and dev figures, for people reading the file. */
  info: Record<string, unknown>;
  tagger: PackedWeights;
  classifier: PackedWeights & { labels: string[] };
}

export function packModel(model: PropagandaModel, names: { tagger: string[]; classifier: string[] }, info: Record<string, unknown>): PropagandaModelFile {
  return {
    format: MODEL_FORMAT,
    name: model.name,
    threshold: model.threshold,
    info,
    tagger: packWeights(names.tagger, model.tagger.weights),
    classifier: { labels: [...model.classifier.labels], ...packWeights(names.classifier, model.classifier.weights) },
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
  if (!f.tagger || !f.classifier || !Array.isArray(f.classifier.labels)) fail('tagger or classifier missing');
  const unknown = f.classifier!.labels.filter((l) => !(TECHNIQUE_LABELS as readonly string[]).includes(l));
  if (unknown.length > 0) fail(`unknown technique labels ${unknown.join(', ')}`);
  try {
    const tagger = unpackWeights(f.tagger!, 1);
    const classifier = unpackWeights(f.classifier!, f.classifier!.labels.length);
    return { name: String(f.name ?? 'propaganda'), threshold: f.threshold!, tagger, classifier: { labels: f.classifier!.labels, ...classifier } };
  } catch (cause) {
    throw new UnspinError('MODEL_INVALID', `${origin}: ${(cause as Error).message}`, { input: origin, cause });
  }
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
