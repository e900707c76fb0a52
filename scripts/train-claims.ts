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
 * figures describe exactly what is committed.
 *
 * Model: logistic regression (AdaGrad, L2, seed 20191) over hashed features from
 * src/detectors/claims/features.ts, in two stages that share one weight vector:
 * 1. the ClaimBuster model (the shared feature copies) is trained on ClaimBuster only: CLEF's
 *    labels are a different notion (what factcheck.org chose to check in a few debates, 3%
 *    positive) and training on both cost ClaimBuster dev F1 (0.762 against 0.770);
 * 2. the CLEF ranking head (the "clef2019|" copies plus src:clef2019) is trained on CLEF on top
 *    of the frozen ClaimBuster model, so `unspin eval claims --format clef2019` ranks with
 *    ClaimBuster's score corrected for CLEF, and run time (the ClaimBuster domain) never sees it.
 * The decision threshold is calibrated on an inner fold of the training part (ClaimBuster
 * sentence_id % 5 === 1): a model trained on the rest scores it through the detector's own path
 * (rule-outs included) and the best-F1 threshold is kept; dev is only measured, never tuned on.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultCues } from '../src/detectors/claims/cues.js';
import { sentenceFeatures } from '../src/detectors/claims/features.js';
import { trainLogReg, type LogRegWeights, type TrainingExample } from '../src/detectors/claims/logreg.js';
import { decodeModel, domainFeatureIndex, encodeModel, hashFeature, weightCount, type ClaimModel, type ClaimModelHeader } from '../src/detectors/claims/model.js';
import { createPartExtractor } from '../src/detectors/claims/parts/index.js';
import { claimScores, classificationAt, evaluateRanking, type ClassificationResult } from '../src/eval/claims/evaluate.js';
import { viewOfText } from '../src/detectors/claims/scorer.js';
import { isUnspinError } from '../src/core/errors.js';
import { modelPath } from '../src/core/paths.js';
import { readClaimBuster, readClef, type LabelledSentence } from '../src/eval/claims/data.js';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    claimbuster: { type: 'string' },
    clef: { type: 'string' },
    out: { type: 'string', default: modelPath('claims.bin') },
    dims: { type: 'string', default: String(1 << 19) },
    'domain-dims': { type: 'string', default: String(1 << 17) },
    epochs: { type: 'string', default: '15' },
    lr: { type: 'string', default: '0.1' },
    l2: { type: 'string', default: '0.00001' },
    'no-write': { type: 'boolean', default: false },
  },
});

const CB = 'claimbuster';
const CLEF = 'clef2019';
const cbPath = values.claimbuster ?? (values.data ? join(values.data, 'claimbuster-2.5xncs', 'train.jsonl') : undefined);
const clefPath = values.clef ?? (values.data ? join(values.data, 'clef2019-checkthat-task1', 'training') : undefined);
if (!cbPath || !clefPath) {
  console.error('usage: train-claims --data DATASETS_DIR | --claimbuster FILE.jsonl --clef DIR');
  process.exit(2);
}
const dims = Number(values.dims);
const domainDims = Number(values['domain-dims']);
const header: ClaimModelHeader = { name: 'claims-logreg', version: '2', dims, domainDims, scale: 1, bias: 0, threshold: 0.5, domains: [CB, CLEF], defaultDomain: CB, normalise: true, training: {} };
const options = { dims: weightCount(header), epochs: Number(values.epochs), learningRate: Number(values.lr), l2: Number(values.l2), seed: 20191 };
const started = performance.now();

const [cbTrain, cbDev, clefTrain, clefDev] = (() => {
  try {
    return [readClaimBuster(cbPath, 'train'), readClaimBuster(cbPath, 'dev'), readClef(clefPath, 'train'), readClef(clefPath, 'dev')] as const;
  } catch (error) {
    // A missing or malformed dataset is the user's to fix: one line, no stack.
    if (!isUnspinError(error)) throw error;
    console.error(`train-claims: ${error.message} (${error.code})`);
    process.exit(error.exitCode);
  }
})();

const key = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
const devKeys = new Set([...cbDev, ...clefDev.flatMap((f) => f.sentences)].map((s) => key(s.text)));
const cues = defaultCues();
/** The inner fold of the training part that calibrates the threshold (dev stays untouched). */
const isInner = (s: LabelledSentence) => Number(s.id) % 5 === 1;

const cbKept = cbTrain.filter((s) => !devKeys.has(key(s.text)));
const clefKept = clefTrain.flatMap((f) => f.sentences).filter((s) => !devKeys.has(key(s.text)));
const dropped = cbTrain.length + clefTrain.reduce((n, f) => n + f.sentences.length, 0) - cbKept.length - clefKept.length;
const namesOf = (s: LabelledSentence) => sentenceFeatures(viewOfText(s.text), cues).names;
const shared = (names: readonly string[]) => Uint32Array.from(names.map((n) => hashFeature(n, dims)));
const copies = (names: readonly string[], domain: string) => Uint32Array.from(names.map((n) => domainFeatureIndex(header, n, domain)));
/** Matches scoreFeatures(): every feature weighs 1/sqrt(2n), n features each with its domain copy. */
const valueOf = (n: number) => (n > 0 ? 1 / Math.sqrt(2 * n) : 1);

// Stage 1 features: the shared copies only; the ClaimBuster copies stay zero, so the ClaimBuster score is this model alone.
const cbExamples = cbKept.map((s) => {
  const names = namesOf(s);
  return { sentence: s, example: { features: shared(names), label: s.label, weight: 1, value: valueOf(names.length) } satisfies TrainingExample };
});
// Stage 2 features: the CLEF copies (and src:clef2019, which absorbs CLEF's lower positive rate) learn; the shared ones count, frozen.
const clefExamples: TrainingExample[] = clefKept.map((s) => {
  const names = [...namesOf(s), 'src:' + CLEF];
  return { features: copies(names, CLEF), fixed: shared(names), label: s.label, weight: 1, value: valueOf(names.length) };
});
const featurised = performance.now();

/** The model as shipped (int16 weights), so every figure below is what the detector will compute. */
const asShipped = (weights: LogRegWeights, threshold: number): ClaimModel => decodeModel(encodeModel({ header: { ...header, bias: weights.bias, threshold }, weights: weights.weights }), 'trained model');
const parts = createPartExtractor();

/** The threshold from 0.10 to 0.80 with the best F1 through the detector's path, or 0.5 with nothing to calibrate on. */
function calibrate(sentences: readonly LabelledSentence[], model: ClaimModel): { threshold: number; scores: ClassificationResult | null } {
  if (sentences.length === 0 || !sentences.some((s) => s.label === 1)) return { threshold: 0.5, scores: null };
  const gated = claimScores(sentences, { model, cues, parts });
  let best = { threshold: 0.5, scores: classificationAt(sentences, gated, 0.5) };
  for (let t = 10; t <= 80; t++) {
    const scores = classificationAt(sentences, gated, t / 100);
    if (scores.f1 > best.scores.f1) best = { threshold: t / 100, scores };
  }
  return best;
}

const innerModel = trainLogReg(cbExamples.filter((x) => !isInner(x.sentence)).map((x) => x.example), options);
const inner = calibrate(cbExamples.filter((x) => isInner(x.sentence)).map((x) => x.sentence), asShipped(innerModel, 0.5));
const threshold = inner.threshold;

const cbModel = trainLogReg(cbExamples.map((x) => x.example), options);
const model = clefExamples.length > 0 ? trainLogReg(clefExamples, { ...options, freezeBias: true }, cbModel) : cbModel;
const trained = performance.now();

const shipped = asShipped(model, threshold);
const resources = { model: shipped, cues, parts };
const gated = claimScores(cbDev, resources);
const atThreshold = classificationAt(cbDev, gated, threshold);
let bestOnDev = atThreshold;
for (let t = 10; t <= 80; t++) {
  const scores = classificationAt(cbDev, gated, t / 100);
  if (scores.f1 > bestOnDev.f1) bestOnDev = scores;
}
const ranking = evaluateRanking(clefDev, resources, CLEF);

const fmt = (x: number) => x.toFixed(4);
const figures = {
  claimbuster: { n: cbDev.length, threshold, precision: +fmt(atThreshold.precision), recall: +fmt(atThreshold.recall), f1: +fmt(atThreshold.f1), bestF1OnDev: +fmt(bestOnDev.f1), bestThresholdOnDev: bestOnDev.threshold },
  clef2019: { files: ranking.files, n: ranking.n, map: +fmt(ranking.map), rPrecision: +fmt(ranking.rPrecision), p10: +fmt(ranking.p10) },
};
console.log(`train: ClaimBuster ${cbKept.length} of ${cbTrain.length}, CLEF ${clefKept.length} in ${clefTrain.length} files; ${dropped} dropped as dev duplicates`);
console.log(`options: ${JSON.stringify({ ...options, dims, domainDims })}`);
console.log(`threshold ${threshold} from the inner fold (sentence_id % 5 == 1, ${cbExamples.filter((x) => isInner(x.sentence)).length} sentences${inner.scores ? `: F1 ${fmt(inner.scores.f1)}` : ', nothing to calibrate on'})`);
console.log(`ClaimBuster dev (${cbDev.length}): P ${fmt(atThreshold.precision)} R ${fmt(atThreshold.recall)} F1 ${fmt(atThreshold.f1)} at threshold ${threshold} (best on dev, for reference only: F1 ${fmt(bestOnDev.f1)} at ${bestOnDev.threshold})`);
console.log(`CLEF-2019 dev (${ranking.files} files, ${ranking.n} sentences): MAP ${fmt(ranking.map)} R-Prec ${fmt(ranking.rPrecision)} P@10 ${fmt(ranking.p10)}`);
console.log(`time: features ${((featurised - started) / 1000).toFixed(1)} s, training ${((trained - featurised) / 1000).toFixed(1)} s`);

if (!values['no-write']) {
  const bytes = encodeModel({
    header: {
      ...header,
      bias: model.bias,
      threshold,
      training: {
        data: ['claimbuster-2.5xncs/train.jsonl (sentence_id % 5 != 0; threshold from sentence_id % 5 == 1)', 'clef2019-checkthat-task1/training (sorted index % 5 != 2), CLEF head only'],
        options: { ...options, dims, domainDims },
        dev: figures,
      },
    },
    weights: model.weights,
  });
  writeFileSync(values.out!, bytes);
  console.log(`wrote ${values.out} (${(bytes.length / 1024).toFixed(0)} KiB)`);
}
