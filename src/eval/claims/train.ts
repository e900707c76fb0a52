import type { CompiledCue } from '../../detectors/claims/cues.js';
import { contextFeatureNames, loneContext, transcriptContext } from '../../detectors/claims/context.js';
import { LENGTH_FEATURES, SIGNAL_NAMES, sentenceFeatures } from '../../detectors/claims/features.js';
import { indicatorTable } from '../../detectors/claims/hidden.js';
import { naiveBayesScale, trainLogReg, type LogRegWeights, type TrainingExample } from '../../detectors/claims/logreg.js';
import { decodeModel, domainFeatureNames, encodeModel, hashFeature, withWords, type ClaimModel, type ClaimModelHeader } from '../../detectors/claims/model.js';
import { viewOfText } from '../../detectors/claims/scorer.js';
import type { ClaimWords } from '../../detectors/claims/words.js';
import type { ClefFile, LabelledSentence } from './data.js';
import { lineScores, rankingUnits } from './evaluate.js';
import { rankingScores, type RankingScores } from './metrics.js';

/**
 * How the claim model is trained, shared by scripts/train-claims.ts (the shipped weights) and
 * `unspin eval claims --format clef2019 --cv` (the cross-validated figure), so the figure
 * describes the very recipe that built the weights.
 */
export interface TrainRecipe {
  dims: number;
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
  /** Weights averaged over the epochs from this one (0-based) on. */
  averageFrom: number;
  /** NB-LR feature scaling power; 0 turns it off. */
  nbPower: number;
  /** Weight of a CLEF sentence (a ClaimBuster sentence weighs 1). */
  clefWeight: number;
  /** Context features (src/detectors/claims/context.ts): speaker role, turn, neighbours. */
  context: boolean;
  /** Weight of the pairwise ranking term within each transcript (logreg.ts); 0: plain logistic regression. */
  pairwise: number;
  /** Negatives drawn per positive and epoch for the pairwise term. */
  pairsPerPositive: number;
  /** Units of the hidden layer over the pooled word vectors (hidden.ts); 0: a linear model. Absent in recipes recorded before it existed. */
  hidden?: number;
  /** AdaGrad learning rate and L2 of the hidden layer. */
  hiddenLearningRate?: number;
  hiddenL2?: number;
  /** The hidden layer also reads the structural features as indicators (`hiddenIndicatorNames`). */
  hiddenIndicators?: boolean;
  /**
   * Feature-bagged ensemble: three models, one on every feature, one without the word 2-3-grams,
   * one without the words, lemmas and word 2-3-grams, trained apart and averaged into one linear
   * model (same features at run time). Absent or false: one model.
   */
  ensemble?: boolean;
}

export const DEFAULT_RECIPE: TrainRecipe = { dims: 1 << 19, epochs: 15, learningRate: 0.1, l2: 0.00001, seed: 20191, averageFrom: 5, nbPower: 0.5, clefWeight: 0.5, context: false, pairwise: 0, pairsPerPositive: 5, hidden: 0, hiddenLearningRate: 0.01, hiddenL2: 0.00001, hiddenIndicators: false, ensemble: false };

export const CB = 'claimbuster';
export const CLEF = 'clef2019';

export interface FeatureResources {
  cues: readonly CompiledCue[];
  words?: ClaimWords | undefined;
  context?: boolean | undefined;
}

/** Lines that differ only in case and punctuation are the same line: a training line equal to a held-out one is dropped. */
export function textKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** A training example with the feature family of each of its features (`familyOf`), for the feature-bagged ensemble. */
export interface ClaimExample extends TrainingExample {
  families?: Uint8Array;
}

/** Feature families an ensemble member can leave out: word 2-3-grams, and words with their lemmas. */
export const NGRAM_FAMILY = 1;
export const WORD_FAMILY = 2;
/** What each member of the feature-bagged ensemble leaves out (a mask of families). */
export const ENSEMBLE_MEMBERS = [0, NGRAM_FAMILY, NGRAM_FAMILY | WORD_FAMILY] as const;

/** The family of a feature name: word bigrams and trigrams, words and lemmas, or neither (0). */
export function familyOf(name: string): number {
  const c = name.charCodeAt(0);
  if (name.charCodeAt(1) !== 58) return 0; // ':'
  if (c === 98 || c === 116) return NGRAM_FAMILY; // b: t:
  if (c === 119 || c === 108) return WORD_FAMILY; // w: l:
  return 0;
}

/** Same names as scoreWeights() sums at run time: shared + domain copy, plus src:<domain> off the default domain. */
export function exampleOf(names: readonly string[], dense: Float32Array, domain: string, label: 0 | 1, weight: number, dims: number): ClaimExample {
  const own = domain === CB ? names : [...names, 'src:' + domain];
  const all = domainFeatureNames(own, domain);
  const features = Uint32Array.from(all.map((n) => hashFeature(n, dims)));
  const half = Uint8Array.from(own.map(familyOf));
  const families = new Uint8Array(features.length);
  families.set(half, 0);
  families.set(half, half.length);
  // Unit length, as scoreWeights() does with `normalise`.
  return { features, label, weight, value: features.length > 0 ? 1 / Math.sqrt(features.length) : 1, dense, families };
}

/** The example without the features of the masked families, unit length over those left (as the ensemble member trains on it). */
export function withoutFamilies(example: ClaimExample, mask: number): TrainingExample {
  const families = example.families;
  if (mask === 0 || !families) return example;
  const kept: number[] = [];
  for (let i = 0; i < example.features.length; i++) if ((families[i]! & mask) === 0) kept.push(example.features[i]!);
  return { ...example, features: Uint32Array.from(kept), value: kept.length > 0 ? 1 / Math.sqrt(kept.length) : 1 };
}

/** A ClaimBuster line as one training example (the whole line, as one sentence). */
export function claimBusterExample(s: LabelledSentence, resources: FeatureResources, dims: number): TrainingExample {
  const { names, signals, dense } = sentenceFeatures(viewOfText(s.text), resources.cues, resources.words);
  return exampleOf(resources.context ? [...names, ...loneContext(s.text, signals)] : names, dense, CB, s.label, 1, dims);
}

/** Each line of a transcript as one training example, in file order. */
export function transcriptExamples(file: ClefFile, resources: FeatureResources, dims: number, weight: number, group?: number): TrainingExample[] {
  const featured = file.sentences.map((s) => sentenceFeatures(viewOfText(s.text), resources.cues, resources.words));
  const context = resources.context ? transcriptContext(file.sentences.map((s, i) => ({ speaker: s.speaker, text: s.text, signals: featured[i]!.signals }))) : null;
  return featured.map(({ names, dense }, i) => {
    const example = exampleOf(context === null ? names : [...names, ...context[i]!], dense, CLEF, file.sentences[i]!.label, weight, dims);
    return group === undefined ? example : { ...example, group };
  });
}

/**
 * The structural features the hidden layer reads as indicators: signals, cue lists, length
 * buckets, the CLEF source marker and, with context, every context feature. None unless the
 * recipe has a hidden layer with indicators.
 */
export function hiddenIndicatorNames(recipe: TrainRecipe, resources: FeatureResources): string[] {
  if (!((recipe.hidden ?? 0) > 0 && recipe.hiddenIndicators)) return [];
  return [...Object.keys(SIGNAL_NAMES), ...resources.cues.map((c) => 'cue:' + c.id), ...LENGTH_FEATURES, 'src:' + CLEF, ...(resources.context ? contextFeatureNames() : [])];
}

/** The example's indicator columns, found among the hashed indices of its shared feature copies (the first half: exampleOf), as run time finds them. */
export function withIndicators(example: TrainingExample, table: Int16Array): TrainingExample {
  const shared = example.features.length / 2;
  const active: number[] = [];
  for (let i = 0; i < shared; i++) {
    const column = table[example.features[i]!]!;
    if (column >= 0) active.push(column);
  }
  return { ...example, active: Uint16Array.from(active) };
}

/** Each model's feature scale comes from its own training examples only, so a fold never sees its held-out part. */
export function fitClaimWeights(examples: readonly TrainingExample[], recipe: TrainRecipe, denseDims: number, indicators: readonly string[] = []): LogRegWeights {
  const { dims, epochs, learningRate, l2, seed, averageFrom, nbPower } = recipe;
  const pairwise = recipe.pairwise > 0 ? { perPositive: recipe.pairsPerPositive, weight: recipe.pairwise } : undefined;
  const units = recipe.hidden ?? 0;
  if (indicators.length > 0) {
    const table = indicatorTable(indicators, dims, hashFeature);
    examples = examples.map((ex) => withIndicators(ex, table));
  }
  if (recipe.ensemble) {
    if (units > 0 || pairwise) throw new RangeError('the feature-bagged ensemble trains linear models without a pairwise term');
    const members = ENSEMBLE_MEMBERS.map((mask) => fitClaimWeights(examples.map((ex) => withoutFamilies(ex, mask)), { ...recipe, ensemble: false }, denseDims));
    return averageWeights(members);
  }
  const hidden = units > 0 ? { units, indicators: indicators.length, learningRate: recipe.hiddenLearningRate ?? DEFAULT_RECIPE.hiddenLearningRate!, l2: recipe.hiddenL2 ?? DEFAULT_RECIPE.hiddenL2!, seed: seed + 1 } : undefined;
  return trainLogReg(examples, { dims, epochs, learningRate, l2, seed, averageFrom, denseDims, featureScale: nbPower > 0 ? naiveBayesScale(examples, dims, { power: nbPower }) : undefined, pairwise, hidden });
}

/** One linear model whose score is the mean of these models' scores (without normalisation's differences): the mean of their weights. */
export function averageWeights(models: readonly LogRegWeights[]): LogRegWeights {
  const k = models.length;
  const weights = new Float32Array(models[0]!.weights.length);
  const dense = new Float32Array(models[0]!.dense.length);
  let bias = 0;
  for (const m of models) {
    for (let f = 0; f < weights.length; f++) weights[f]! += m.weights[f]!;
    for (let d = 0; d < dense.length; d++) dense[d]! += m.dense[d]!;
    bias += m.bias;
  }
  for (let f = 0; f < weights.length; f++) weights[f]! /= k;
  for (let d = 0; d < dense.length; d++) dense[d]! /= k;
  return { weights, dense, bias: bias / k };
}

/** Trained weights as they ship: encoded (int16) and decoded again, with the word table attached. */
export function asShippedModel(weights: LogRegWeights, header: Omit<ClaimModelHeader, 'bias' | 'dims' | 'scale'>, words: ClaimWords | undefined, wordsFile: string): ClaimModel {
  const decoded = decodeModel(encodeModel({ header: { ...header, dims: weights.weights.length, scale: 1, bias: weights.bias }, weights: weights.weights, dense: weights.dense, ...(weights.hidden ? { hidden: weights.hidden } : {}) }), 'trained model');
  return words && header.words ? withWords(decoded, words, wordsFile) : decoded;
}

/**
 * The fold of each transcript, by its index in file-name order: leave-one-transcript-out when
 * k >= count, otherwise index % k. A transcript is in exactly one fold, so no transcript is
 * ever in both the training and the test side of a fold.
 */
export function transcriptFolds(count: number, k: number): number[] {
  if (!Number.isInteger(k) || k < 2) throw new RangeError(`cross-validation needs at least 2 folds, got ${k}`);
  return Array.from({ length: count }, (_, i) => (k >= count ? i : i % k));
}

export interface CrossValidation {
  scores: RankingScores;
  /** The fold of each transcript. */
  folds: number[];
  /** Training examples of each fold (after dropping lines equal to a held-out one). */
  trainSizes: number[];
}

/**
 * CLEF-2019 MAP cross-validated by transcript: for each fold, a model trained by the recipe on
 * the ClaimBuster lines and the other folds' transcripts (dropping any training line whose text
 * equals a held-out line: ClaimBuster holds many debate lines) ranks the held-out transcripts.
 */
export function crossValidateTranscripts(
  files: readonly ClefFile[],
  claimBuster: readonly LabelledSentence[],
  resources: FeatureResources,
  recipe: TrainRecipe,
  k: number,
  options: { wordsFile?: string; log?: (line: string) => void } = {},
): CrossValidation {
  resources = { ...resources, context: recipe.context };
  const folds = transcriptFolds(files.length, k);
  const foldCount = Math.max(...folds) + 1;
  const denseDims = resources.words ? 2 * resources.words.table.dims : 0;
  const cbExamples = claimBuster.map((s) => ({ key: textKey(s.text), example: claimBusterExample(s, resources, recipe.dims) }));
  const clefExamples = files.map((f, i) => transcriptExamples(f, resources, recipe.dims, recipe.clefWeight, i).map((example, j) => ({ key: textKey(f.sentences[j]!.text), example })));
  const units = rankingUnits(files, resources);
  const indicators = hiddenIndicatorNames(recipe, resources);
  const header = modelHeader(resources, options.wordsFile, indicators);
  const perFileScores: number[][] = files.map(() => []);
  const trainSizes: number[] = [];
  for (let fold = 0; fold < foldCount; fold++) {
    const held = new Set<string>();
    files.forEach((f, i) => {
      if (folds[i] === fold) for (const s of f.sentences) held.add(textKey(s.text));
    });
    const training = [...cbExamples.filter((e) => !held.has(e.key)).map((e) => e.example), ...clefExamples.flatMap((lines, i) => (folds[i] === fold ? [] : lines.filter((e) => !held.has(e.key)).map((e) => e.example)))];
    trainSizes.push(training.length);
    const model = asShippedModel(fitClaimWeights(training, recipe, denseDims, indicators), header, resources.words, options.wordsFile ?? 'words');
    files.forEach((_, i) => {
      if (folds[i] === fold) perFileScores[i] = lineScores(model, units[i]!, CLEF);
    });
    options.log?.(`fold ${fold + 1}/${foldCount}: trained on ${training.length} lines, ranked ${folds.filter((x) => x === fold).length} transcripts`);
  }
  const scores = rankingScores(files.map((f, i) => ({ gold: f.sentences.map((s) => s.label), scores: perFileScores[i]! })));
  return { scores, folds, trainSizes };
}

/** The header every trained claim model starts from; the script adds threshold and the training record. */
export function modelHeader(resources: FeatureResources, wordsFile: string | undefined, indicators: readonly string[] = []): Omit<ClaimModelHeader, 'bias' | 'dims' | 'scale'> {
  return {
    name: 'claims-logreg',
    version: '1',
    threshold: 0.5,
    domains: [CB, CLEF],
    defaultDomain: CB,
    normalise: true,
    training: {},
    ...(resources.context ? { context: true } : {}),
    ...(indicators.length > 0 ? { hiddenIndicators: [...indicators] } : {}),
    ...(resources.words && wordsFile ? { words: { file: wordsFile, digest: resources.words.digest } } : {}),
  };
}
