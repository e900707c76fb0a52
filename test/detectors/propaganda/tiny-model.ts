import { fineBin } from '../../../src/detectors/propaganda/features.js';
import { featureNamesOf, type BinaryModel, type FeatureIndex, type MultiModel } from '../../../src/detectors/propaganda/linear.js';
import { packModel, type PropagandaModel, type PropagandaModelFile, type RepetitionMode } from '../../../src/detectors/propaganda/model.js';
import { TECHNIQUE_LABELS, type Technique } from '../../../src/detectors/propaganda/techniques.js';

/** A binary model from a feature -> weight record. */
export function binary(weights: Record<string, number>): BinaryModel {
  const names = Object.keys(weights);
  return { index: new Map(names.map((n, i) => [n, i])), weights: Float32Array.from(names.map((n) => weights[n]!)) };
}

/** A classifier from feature -> {technique: weight} records. */
export function multi(weights: Record<string, Partial<Record<Technique, number>>>): MultiModel {
  const names = Object.keys(weights);
  const k = TECHNIQUE_LABELS.length;
  const w = new Float32Array(names.length * k);
  names.forEach((n, i) => {
    for (const [label, value] of Object.entries(weights[n]!)) w[i * k + TECHNIQUE_LABELS.indexOf(label as Technique)] = value!;
  });
  return { labels: TECHNIQUE_LABELS, index: new Map(names.map((n, i) => [n, i])), weights: w };
}

/**
 * A hand-made model: the tagger fires on the given words, the smoothing stage passes
 * strong tokens through, and the classifier maps words to techniques.
 */
export function tinyModel(options: { words: string[]; classes?: Record<string, Partial<Record<Technique, number>>>; repetition?: RepetitionMode; tokenGate?: number }): PropagandaModel {
  const tagger: Record<string, number> = { bias: -6 };
  for (const w of options.words) tagger[`w=${w}`] = 12;
  const stack: Record<string, number> = { bias: -6, [`p0=${fineBin(0.95)}`]: 12 };
  return {
    name: 'tiny@test',
    threshold: 0.5,
    seed: 0.5,
    bridge: 1,
    repetition: options.repetition ?? 'off',
    sentence: binary({}),
    tagger: binary(tagger),
    stack: binary(stack),
    filter: binary({}),
    filterThreshold: 0,
    wholeSentence: null,
    tokenGate: options.tokenGate ?? 0,
    classifier: multi({ bias: { Loaded_Language: 1 }, ...(options.classes ?? {}) }),
    classifierOffsets: null,
    clusters: null,
    net: null,
    sentiment: new Map(),
  };
}

/** The model as the JSON file `unspin eval propaganda --model` reads. */
export function tinyModelFile(model: PropagandaModel): PropagandaModelFile {
  const names = (m: { index: FeatureIndex }) => featureNamesOf(m.index);
  return packModel(model, { sentence: names(model.sentence), tagger: names(model.tagger), stack: names(model.stack), filter: names(model.filter), classifier: names(model.classifier) }, { test: true });
}
