/**
 * Trains the check-worthy claim model (models/claims.bin) deterministically and prints its figures.
 *
 *   npm run train:claims -- --data ../shared/datasets
 *   npm run train:claims -- --claimbuster FILE.jsonl --clef DIR
 *
 * Data: ClaimBuster 2.5xNCS train.jsonl and the CLEF-2019 CheckThat! task 1 training transcripts.
 * Split (fixed rule, src/eval/claims/data.ts): ClaimBuster sentence_id % 5 === 0 is dev;
 * CLEF transcripts sorted by name, index % 5 === 2 is dev (4 files). A training sentence whose
 * normalised text also occurs in a dev set is dropped, so debate lines shared by the two corpora
 * cannot leak. The shipped weights are those trained on the train part only, so the printed dev
 * figures describe exactly what is committed. The decision threshold is calibrated by 4-fold
 * cross-validation over the ClaimBuster training part (folds sentence_id % 5 === 1, 2, 3, 4): four
 * models, each trained without its fold, score that fold through the detector's own path
 * (rule-outs included), and the threshold with the best F1 over the pooled scores is kept, so dev
 * is only measured, never tuned on.
 *
 * Model: logistic regression (AdaGrad, L2, seed 20191; weights averaged over epochs 6-15) over hashed features from
 * src/detectors/claims/features.ts, with feature augmentation by source (Daume 2007): each
 * feature has a shared copy and a per-source copy, and CLEF sentences carry a source indicator
 * (src:clef2019) that absorbs CLEF's much lower positive rate. Run time scores with the shared
 * plus ClaimBuster copies (ClaimBuster's "check-worthy factual sentence" is the issue's notion);
 * `unspin eval claims --format clef2019` scores with the CLEF copies. CLEF sentences weigh 0.5.
 * Beyond the sentence's own words, each word's GloVe clusters and the pooled word vectors come
 * from the committed word table (models/claim-words.bin, scripts/build-claim-words.ts).
 * Sparse features are scaled NB-LR style (|log-count ratio|^0.5 + 0.1, from the model's own
 * training examples), and the scale is folded into the shipped weights.
 */
import { writeFileSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultCues } from '../src/detectors/claims/cues.js';
import { sentenceFeatures } from '../src/detectors/claims/features.js';
import { naiveBayesScale, trainLogReg, predict, type LogRegWeights, type TrainingExample } from '../src/detectors/claims/logreg.js';
import { decodeModel, domainFeatureNames, encodeModel, hashFeature, withWords } from '../src/detectors/claims/model.js';
import { decodeWords } from '../src/detectors/claims/words.js';
import { createPartExtractor } from '../src/detectors/claims/parts/index.js';
import { claimScores, classificationAt, evaluateRanking, type ClassificationResult } from '../src/eval/claims/evaluate.js';
import { viewOfText } from '../src/detectors/claims/scorer.js';
import { isUnspinError, UnspinError } from '../src/core/errors.js';
import { modelPath } from '../src/core/paths.js';
import { readClaimBuster, readClef, type LabelledSentence } from '../src/eval/claims/data.js';
import { binaryScores } from '../src/eval/claims/metrics.js';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    claimbuster: { type: 'string' },
    clef: { type: 'string' },
    out: { type: 'string', default: modelPath('claims.bin') },
    words: { type: 'string', default: modelPath('claim-words.bin') },
    dims: { type: 'string', default: String(1 << 19) },
    epochs: { type: 'string', default: '15' },
    'average-from': { type: 'string', default: '5' },
    'nb-power': { type: 'string', default: '0.5' },
    lr: { type: 'string', default: '0.1' },
    l2: { type: 'string', default: '0.00001' },
    'clef-weight': { type: 'string', default: '0.5' },
    'no-write': { type: 'boolean', default: false },
  },
});

const cbPath = values.claimbuster ?? (values.data ? join(values.data, 'claimbuster-2.5xncs', 'train.jsonl') : undefined);
const clefPath = values.clef ?? (values.data ? join(values.data, 'clef2019-checkthat-task1', 'training') : undefined);
if (!cbPath || !clefPath) {
  console.error('usage: train-claims --data DATASETS_DIR | --claimbuster FILE.jsonl --clef DIR');
  process.exit(2);
}
/** A numeric flag's value, or a one-line usage error naming the flag. */
function numberFlag(flag: 'dims' | 'epochs' | 'average-from' | 'nb-power' | 'lr' | 'l2' | 'clef-weight', { integer = false, min = 0 } = {}): number {
  const value = Number(values[flag]);
  if (!Number.isFinite(value) || value < min || (integer && !Number.isInteger(value))) {
    console.error(`train-claims: --${flag} ${values[flag]}: expected ${integer ? 'an integer' : 'a number'} of at least ${min}`);
    process.exit(2);
  }
  return value;
}
const dims = numberFlag('dims', { integer: true, min: 1 });
const epochs = numberFlag('epochs', { integer: true, min: 1 });
const averageFrom = numberFlag('average-from', { integer: true });
if (averageFrom >= epochs) {
  console.error(`train-claims: --average-from ${averageFrom}: must be below --epochs ${epochs} (epochs count from 0)`);
  process.exit(2);
}
const clefWeight = numberFlag('clef-weight');
const learningRate = numberFlag('lr');
const l2 = numberFlag('l2');
const nbPower = numberFlag('nb-power');
const started = performance.now();

const [cbTrain, cbDev, clefTrain, clefDev, words] = (() => {
  try {
    const wordsPath = values.words!;
    const words = decodeWords(readData(wordsPath), wordsPath);
    return [readClaimBuster(cbPath, 'train'), readClaimBuster(cbPath, 'dev'), readClef(clefPath, 'train'), readClef(clefPath, 'dev'), words] as const;
  } catch (error) {
    // A missing or malformed dataset or word table is the user's to fix: one line, no stack.
    if (!isUnspinError(error)) throw error;
    console.error(`train-claims: ${error.message} (${error.code})`);
    process.exit(error.exitCode);
  }
})();
const options = { dims, epochs, learningRate, l2, seed: 20191, denseDims: 2 * words.header.dims, averageFrom };
/** Each model's feature scale comes from its own training examples only, so a fold never sees its held-out part. */
const fit = (training: readonly TrainingExample[]) => trainLogReg(training, { ...options, featureScale: nbPower > 0 ? naiveBayesScale(training, dims, { power: nbPower }) : undefined });

function readData(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (cause) {
    throw new UnspinError('MODEL_INVALID', `${path}: cannot read the word table (build it with npm run build:claim-words)`, { input: path, cause });
  }
}

const key = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
const devKeys = new Set([...cbDev, ...clefDev.flatMap((f) => f.sentences)].map((s) => key(s.text)));
const cues = defaultCues();
const CB = 'claimbuster';
const CLEF = 'clef2019';

/** Same names as scoreFeatures() builds at run time: shared + domain copy, plus src:<domain> off the default domain. */
function featurise(s: LabelledSentence, domain: string, weight: number): TrainingExample {
  const { names, dense } = sentenceFeatures(viewOfText(s.text), cues, words);
  const all = domainFeatureNames(domain === CB ? names : [...names, 'src:' + domain], domain);
  const features = Uint32Array.from(all.map((n) => hashFeature(n, dims)));
  // Unit length, as scoreFeatures() does with `normalise`.
  return { features, label: s.label, weight, value: features.length > 0 ? 1 / Math.sqrt(features.length) : 1, dense };
}

/** The cross-validation folds of the ClaimBuster training part that calibrate the threshold, so dev is measured, never tuned on. */
const FOLDS = [1, 2, 3, 4];
const foldOf = (s: LabelledSentence) => Number(s.id) % 5;

let dropped = 0;
const cbExamples: { sentence: LabelledSentence; example: TrainingExample }[] = [];
const clefExamples: TrainingExample[] = [];
for (const s of cbTrain) {
  if (devKeys.has(key(s.text))) dropped++;
  else cbExamples.push({ sentence: s, example: featurise(s, CB, 1) });
}
for (const s of clefTrain.flatMap((f) => f.sentences)) {
  if (devKeys.has(key(s.text))) dropped++;
  else clefExamples.push(featurise(s, CLEF, clefWeight));
}
const examples = [...cbExamples.map((e) => e.example), ...clefExamples];
const cbDevExamples = cbDev.map((s) => featurise(s, CB, 1));
const featurised = performance.now();

const model = fit(examples);
const foldModels = FOLDS.map((fold) => ({ fold, weights: fit([...cbExamples.filter((e) => foldOf(e.sentence) !== fold).map((e) => e.example), ...clefExamples]) }));
const trained = performance.now();

const rawF1 = bestF1(cbDevExamples.map((x) => predict(model, x.features, x.value, x.dense)));

// Figures and threshold come from models as shipped (int16 weights) run through the
// detector's own path (rule-outs included), so `unspin eval claims` prints the same numbers.
const header = { name: 'claims-logreg', version: '1', dims, scale: 1, bias: model.bias, threshold: 0.5, domains: [CB, CLEF], defaultDomain: CB, normalise: true, training: {} };
const wordsHeader = { file: basename(values.words!), digest: words.digest };
const asShipped = (weights: LogRegWeights) => withWords(decodeModel(encodeModel({ header: { ...header, words: wordsHeader, bias: weights.bias }, weights: weights.weights, dense: weights.dense }), 'trained model'), words, values.words!);
const parts = createPartExtractor();

/** The threshold from 0.10 to 0.80 with the best F1 over these scores, and its figures. */
function bestThreshold(sentences: readonly LabelledSentence[], scores: readonly number[]): { threshold: number; result: ClassificationResult } {
  let best = { threshold: 0.5, result: classificationAt(sentences, scores, 0.5) };
  for (let t = 10; t <= 80; t++) {
    const result = classificationAt(sentences, scores, t / 100);
    if (result.f1 > best.result.f1) best = { threshold: t / 100, result };
  }
  return best;
}

// The threshold is the one that maximises F1 over the pooled out-of-fold scores
// (0.5 when the folds have nothing to calibrate on, as with a tiny corpus).
const heldOut = foldModels.flatMap(({ fold, weights }) => {
  const sentences = cbExamples.filter((e) => foldOf(e.sentence) === fold).map((e) => e.sentence);
  return claimScores(sentences, { model: asShipped(weights), cues, parts }).map((score, i) => ({ sentence: sentences[i]!, score }));
});
const inner = heldOut.some((h) => h.sentence.label === 1) ? bestThreshold(heldOut.map((h) => h.sentence), heldOut.map((h) => h.score)) : null;
const threshold = inner?.threshold ?? 0.5;
const shipped = asShipped(model);
const resources = { model: shipped, cues, parts };
const gated = claimScores(cbDev, resources);
const best = classificationAt(cbDev, gated, threshold);
const onDev = bestThreshold(cbDev, gated);
const atHalf = classificationAt(cbDev, gated, 0.5);
const ranking = evaluateRanking(clefDev, resources, CLEF);

function bestF1(probabilities: number[]): number {
  const gold = cbDev.map((s) => s.label);
  let f1 = 0;
  for (let t = 10; t <= 80; t++) f1 = Math.max(f1, binaryScores(gold, probabilities.map((p) => p >= t / 100)).f1);
  return f1;
}

const fmt = (x: number) => x.toFixed(4);
const figures = {
  claimbuster: { n: cbDev.length, threshold, precision: +fmt(best.precision), recall: +fmt(best.recall), f1: +fmt(best.f1), f1AtHalf: +fmt(atHalf.f1), bestF1OnDev: +fmt(onDev.result.f1), bestThresholdOnDev: onDev.threshold },
  clef2019: { files: ranking.files, n: ranking.n, map: +fmt(ranking.map), rPrecision: +fmt(ranking.rPrecision), p10: +fmt(ranking.p10) },
};
console.log(`train: ${examples.length} sentences (ClaimBuster ${cbTrain.length}, CLEF ${clefTrain.reduce((n, f) => n + f.sentences.length, 0)} in ${clefTrain.length} files; ${dropped} dropped as dev duplicates)`);
console.log(`options: ${JSON.stringify({ ...options, nbPower, clefWeight })}`);
console.log(`threshold ${threshold} from 4-fold cross-validation (sentence_id % 5 in 1..4, ${heldOut.length} sentences${inner ? `, F1 ${fmt(inner.result.f1)} there` : ': nothing to calibrate on'})`);
console.log(`ClaimBuster dev (${cbDev.length}): P ${fmt(best.precision)} R ${fmt(best.recall)} F1 ${fmt(best.f1)} at threshold ${threshold} (F1 ${fmt(atHalf.f1)} at 0.5; for reference only, best on dev F1 ${fmt(onDev.result.f1)} at ${onDev.threshold}, model alone without rule-outs ${fmt(rawF1)})`);
console.log(`CLEF-2019 dev (${ranking.files} files, ${ranking.n} sentences): MAP ${fmt(ranking.map)} R-Prec ${fmt(ranking.rPrecision)} P@10 ${fmt(ranking.p10)}`);
console.log(`time: features ${((featurised - started) / 1000).toFixed(1)} s, training ${((trained - featurised) / 1000).toFixed(1)} s`);

if (!values['no-write']) {
  const bytes = encodeModel({
    header: {
      ...header,
      threshold,
      words: wordsHeader,
      training: { data: ['claimbuster-2.5xncs/train.jsonl (sentence_id % 5 != 0; threshold by 4-fold cross-validation over sentence_id % 5 in 1..4)', 'clef2019-checkthat-task1/training (sorted index % 5 != 2)'], options: { ...options, nbPower, clefWeight }, dev: figures },
    },
    weights: model.weights,
    dense: model.dense,
  });
  writeFileSync(values.out!, bytes);
  console.log(`wrote ${values.out} (${(bytes.length / 1024).toFixed(0)} KiB)`);
}
