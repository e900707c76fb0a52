/**
 * Trains the hate model: multinomial logistic regression over hashed word 1-3 grams,
 * char 2-5 grams, group-conditioned unigrams and lexicon features, weighted by idf
 * times a supervised relevance factor; SGD with L2, class weights and epoch
 * averaging, deterministic (fixed seeds, fixed order); and a small net over the posts'
 * pooled word vectors (src/detectors/hate/pooled.ts) that post mode blends in.
 * Selection (the default, `--select cv`): the L2 penalty and the class offsets of the
 * linear model, then the blend weight and offsets of the net, on 5-fold cross-validation
 * of train (folds by a hash of the post id); val.jsonl is only reported. Writes
 * models/hate-model.json (linear weights an average of three seeds) and prints its figures.
 *
 *   npm run train:hate -- --data ../shared/datasets/hatexplain [--out FILE]
 *   npm run train:hate -- --data ../shared/datasets/hatexplain --cv 5      (figures of one setting; writes nothing)
 *   npm run train:hate -- --data ../shared/datasets/hatexplain --select val   (the model of
 *     rounds before 2026-12-06: settings and offsets tuned on val, no pooled net)
 *   (experiment flags: --lambdas, --lrs, --epochs, --seeds, --relevance, --char-weight,
 *    --lexicon-weight, --conjunction-weight, --bits, --linear-only, --pooled-hidden,
 *    --pooled-epochs, --pooled-lr, --pooled-l2, --linear-cache FILE)
 *   --fold-models DIR: each fold's model as post mode reads it (the linear model fitted on the
 *     other folds; with --cv, blended with the pooled net fitted on them), for scripts/hate-post-cv.ts
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { modelPath } from '../src/core/paths.js';
import { seededRandom, shuffleInPlace } from '../src/core/random.js';
import { DEFAULT_FEATURES, FeatureExtractor, type FeatureConfig } from '../src/detectors/hate/features.js';
import { loadDefaultHateLexicon } from '../src/detectors/hate/lexicon.js';
import { decodeModel, encodeModel, extractorFor, HATE_CLASSES, predictProbabilities, type HateModel } from '../src/detectors/hate/model.js';
import { modelInput } from '../src/detectors/hate/model-input.js';
import { classMetrics, formatMetrics } from '../src/eval/hate/metrics.js';
import { DEFAULT_POOLED_TRAINING, trainPooledNet, type PooledTrainOptions } from '../src/detectors/hate/pooled-train.js';
import { pooledInput, pooledLogProbabilities, type PooledNet } from '../src/detectors/hate/pooled.js';
import { buildTextModel } from '../src/text/model.js';
import { defaultWordTable } from '../src/text/word-table.js';

const { values } = parseArgs({ options: { data: { type: 'string' }, out: { type: 'string' }, bits: { type: 'string' }, quick: { type: 'boolean' }, lambdas: { type: 'string' }, lrs: { type: 'string' }, 'char-weight': { type: 'string' }, 'lexicon-weight': { type: 'string' }, 'conjunction-weight': { type: 'string' }, epochs: { type: 'string' }, seeds: { type: 'string' }, relevance: { type: 'string' }, cv: { type: 'string' }, 'linear-only': { type: 'boolean' }, select: { type: 'string' }, 'linear-cache': { type: 'string' }, 'fold-models': { type: 'string' }, 'pooled-hidden': { type: 'string' }, 'pooled-epochs': { type: 'string' }, 'pooled-lr': { type: 'string' }, 'pooled-l2': { type: 'string' } } });
if (!values.data) {
  console.error('usage: npm run train:hate -- --data DIR (holding train.jsonl and val.jsonl)');
  process.exit(2);
}

interface Example {
  index: Int32Array;
  value: Float32Array;
  y: number;
}

const features: FeatureConfig = {
  ...DEFAULT_FEATURES,
  ...(values.bits ? { bits: Number(values.bits) } : {}),
  ...(values['char-weight'] ? { charWeight: Number(values['char-weight']) } : {}),
  ...(values['lexicon-weight'] ? { lexiconWeight: Number(values['lexicon-weight']) } : {}),
  ...(values['conjunction-weight'] ? { conjunctionWeight: Number(values['conjunction-weight']) } : {}),
};
const numbers = (s: string | undefined, fallback: number[]): number[] => (s ? s.split(',').map(Number) : fallback);
const lexicon = loadDefaultHateLexicon();

interface Post {
  id: string;
  words: string[];
  lexicon: string[];
  y: number;
}

function read(file: string): Post[] {
  const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim());
  return lines.map((line) => {
    const post = JSON.parse(line) as { id: string; text: string; label: string };
    const y = HATE_CLASSES.indexOf(post.label as (typeof HATE_CLASSES)[number]);
    if (y < 0) throw new Error(`${file}: unknown label ${post.label}`);
    const text = post.text.trim() || '.';
    const tm = buildTextModel(text);
    const input = modelInput(text, tm.tokens, lexicon);
    return { id: post.id, words: input.words.map((w) => w.word), lexicon: input.lexicon, y };
  });
}

/**
 * Per-bucket feature weight from training document frequencies: smoothed idf, times
 * (with --relevance b) 1 + b * the largest |log ratio| of a class's document frequency
 * against the others' (a supervised "relevance frequency" weight, Lan et al. 2009).
 * Unseen buckets get the maximum idf and no relevance boost.
 */
function computeIdf(posts: Post[], relevance: number): Float32Array {
  const plain = new FeatureExtractor(features);
  const dims = 1 << features.bits;
  const df = new Uint32Array(dims);
  const dfClass = new Uint32Array(K * dims);
  const seen = new Uint32Array(dims);
  const classCount = new Array(K).fill(0);
  posts.forEach((post, n) => {
    classCount[post.y]++;
    const v = plain.extract(post.words, post.lexicon);
    for (let i = 0; i < v.length; i++) {
      const j = v.index[i]!;
      if (seen[j] !== n + 1) {
        seen[j] = n + 1;
        df[j]!++;
        dfClass[post.y * dims + j]!++;
      }
    }
  });
  const idf = new Float32Array(dims);
  for (let j = 0; j < dims; j++) {
    idf[j] = Math.log((posts.length + 1) / (df[j]! + 1)) + 1;
    if (relevance > 0 && df[j]! > 0) {
      let best = 0;
      for (let c = 0; c < K; c++) {
        const inC = (dfClass[c * dims + j]! + 1) / (classCount[c] + 2);
        const outC = (df[j]! - dfClass[c * dims + j]! + 1) / (posts.length - classCount[c] + 2);
        best = Math.max(best, Math.abs(Math.log(inC / outC)));
      }
      idf[j]! *= 1 + relevance * best;
    }
  }
  return idf;
}

function vectorise(posts: Post[], extractor: FeatureExtractor): Example[] {
  return posts.map((post) => {
    const v = extractor.extract(post.words, post.lexicon);
    return { index: v.index.slice(0, v.length), value: v.value.slice(0, v.length), y: post.y };
  });
}

interface TrainOptions {
  lambda: number;
  epochs: number;
  lr: number;
  seed: number;
}

/** Running mean of the end-of-epoch weights: smooths SGD's noise (a cheap Polyak average). */
class EpochAverage {
  private readonly sumW = new Float64Array(K * DIMS);
  private readonly sumB = new Float64Array(K);
  private count = 0;
  add(w: Float64Array, b: Float64Array): void {
    for (let i = 0; i < w.length; i++) this.sumW[i]! += w[i]!;
    for (let c = 0; c < K; c++) this.sumB[c]! += b[c]!;
    this.count++;
  }
  mean(): [Float64Array, Float64Array] {
    return [this.sumW.map((x) => x / this.count), this.sumB.map((x) => x / this.count)];
  }
}

const K = HATE_CLASSES.length;
const DIMS = 1 << features.bits;

/** SGD with lazily applied L2 (a global scale factor), returns float weights after each epoch. */
function train(data: Example[], opts: TrainOptions, onEpoch: (epoch: number, w: Float64Array, b: Float64Array) => void): void {
  const counts = new Array(K).fill(0);
  for (const e of data) counts[e.y]++;
  const classWeight = counts.map((c) => data.length / (K * c));
  const v = new Float64Array(K * DIMS);
  const b = new Float64Array(K);
  let scale = 1;
  const order = data.map((_, i) => i);
  const random = seededRandom(opts.seed);
  const p = new Float64Array(K);
  let t = 0;
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    shuffleInPlace(order, random);
    for (const n of order) {
      const e = data[n]!;
      const lr = opts.lr / (1 + (2 * t++) / data.length);
      let max = -Infinity;
      for (let c = 0; c < K; c++) {
        let s = 0;
        const base = c * DIMS;
        for (let i = 0; i < e.index.length; i++) s += v[base + e.index[i]!]! * e.value[i]!;
        p[c] = s * scale + b[c]!;
        if (p[c]! > max) max = p[c]!;
      }
      let sum = 0;
      for (let c = 0; c < K; c++) sum += p[c] = Math.exp(p[c]! - max);
      scale *= 1 - lr * opts.lambda;
      const cw = classWeight[e.y]!;
      for (let c = 0; c < K; c++) {
        const g = cw * (p[c]! / sum - (c === e.y ? 1 : 0));
        if (g === 0) continue;
        const step = (lr * g) / scale;
        const base = c * DIMS;
        for (let i = 0; i < e.index.length; i++) v[base + e.index[i]!]! -= step * e.value[i]!;
        b[c]! -= lr * g * 0.1;
      }
      if (scale < 1e-6) {
        for (let i = 0; i < v.length; i++) v[i]! *= scale;
        scale = 1;
      }
    }
    const w = new Float64Array(v.length);
    for (let i = 0; i < v.length; i++) w[i] = v[i]! * scale;
    onEpoch(epoch, w, b);
  }
}

function quantise(w: Float64Array, b: Float64Array, figures: Record<string, unknown>): HateModel {
  const weights = new Int8Array(K * DIMS);
  const scales: number[] = [];
  for (let c = 0; c < K; c++) {
    let max = 0;
    for (let i = 0; i < DIMS; i++) max = Math.max(max, Math.abs(w[c * DIMS + i]!));
    const s = max / 127 || 1;
    scales.push(s);
    for (let i = 0; i < DIMS; i++) weights[c * DIMS + i] = Math.round(w[c * DIMS + i]! / s);
  }
  return { name: 'hate-lr', version: '1', classes: HATE_CLASSES, features, bias: [...b], scales, weights, idf, figures };
}

function evaluate(model: HateModel, data: Example[], offsets: number[] = [0, 0, 0]): { gold: number[]; pred: number[] } {
  const gold: number[] = [];
  const pred: number[] = [];
  const p = new Float64Array(K);
  for (const e of data) {
    predictProbabilities(model, { index: e.index, value: e.value, length: e.index.length }, p);
    let best = 0;
    for (let c = 1; c < K; c++) if (Math.log(p[c]!) + offsets[c]! > Math.log(p[best]!) + offsets[best]!) best = c;
    gold.push(e.y);
    pred.push(best);
  }
  return { gold, pred };
}

const started = Date.now();
const trainPosts = read(join(values.data, 'train.jsonl'));
const valPosts = read(join(values.data, 'val.jsonl'));
// Quantise the idf first so that training sees exactly the values the shipped model will.
const idf = decodeRoundTrip(computeIdf(trainPosts, Number(values.relevance ?? 5)));
const extractor = new FeatureExtractor(features, idf);
const trainSet = vectorise(trainPosts, extractor);
const valSet = vectorise(valPosts, extractor);
const trainGold = trainPosts.map((p) => p.y);
console.log(`train ${trainSet.length} posts, val ${valSet.length} posts, ${DIMS} buckets, features ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);

const maxEpochs = Number(values.epochs ?? 6);
const SEEDS = numbers(values.seeds, [7, 8, 9]);
/** Weights of the pooled net in the blend that selection tries. */
const POOLED_WEIGHTS = [0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5];
const FOLDS = Number(values.cv ?? 5);
const select = values.select ?? 'cv';
/** The fold models of the last linearOof and pooledOof runs (for --fold-models). */
const foldModels: HateModel[] = [];
const foldNets: PooledNet[] = [];
if (select !== 'cv' && select !== 'val') {
  console.error('--select takes cv (the default) or val');
  process.exit(2);
}
if (values.cv) {
  crossValidate();
  process.exit(0);
}
const model = select === 'val' ? selectOnVal() : selectOnCv();
const out = values.out ?? modelPath('hate-model.json');
const json = JSON.stringify(encodeModel(model));
writeFileSync(out, json + '\n');
console.log(`wrote ${out} (${(json.length / 1024 / 1024).toFixed(2)} MB) in ${((Date.now() - started) / 1000).toFixed(1)} s`);

/**
 * The model of rounds before 2026-12-06 (`--select val`): regularisation, epochs and class
 * offsets tuned on val, the linear model alone. Kept so that the older models can be rebuilt.
 */
function selectOnVal(): HateModel {
  const grid = numbers(values.lambdas, values.quick ? [1e-4] : [3e-5, 1e-4, 3e-4]);
  let best = { f1: -1, lambda: 0, epochs: 0, lr: 0 };
  for (const lambda of grid) {
    for (const lr of numbers(values.lrs, [0.3])) {
      const average = new EpochAverage();
      train(trainSet, { lambda, epochs: maxEpochs, lr, seed: 7 }, (epoch, w, b) => {
        average.add(w, b);
        const { gold, pred } = evaluate(quantise(...average.mean(), {}), valSet);
        const m = classMetrics(gold, pred, HATE_CLASSES);
        console.log(`lambda=${lambda} lr=${lr} epoch=${epoch} val acc=${m.accuracy.toFixed(4)} macroF1=${m.macroF1.toFixed(4)}`);
        if (m.macroF1 > best.f1) best = { f1: m.macroF1, lambda, epochs: epoch, lr };
      });
    }
  }
  console.log(`best on val: lambda=${best.lambda} lr=${best.lr} epochs=${best.epochs} macroF1=${best.f1.toFixed(4)}`);

  // The shipped weights average runs with several seeds (shuffling orders): a cheap ensemble.
  const finalAverage = new EpochAverage();
  for (const seed of SEEDS) train(trainSet, { lambda: best.lambda, epochs: best.epochs, lr: best.lr, seed }, (_epoch, w, b) => finalAverage.add(w, b));
  const model = quantise(...finalAverage.mean(), {});

  // Class-bias offsets tuned on val (coarse grid): corrects the calibration the class weights leave.
  let bestOffsets = [0, 0, 0];
  let bestF1 = -1;
  for (let o1 = -0.6; o1 <= 0.61; o1 += 0.05) {
    for (let o2 = -0.6; o2 <= 0.61; o2 += 0.05) {
      const offsets = [0, o1, o2];
      const { gold, pred } = evaluate(model, valSet, offsets);
      const f1 = classMetrics(gold, pred, HATE_CLASSES).macroF1;
      if (f1 > bestF1 + 1e-9) {
        bestF1 = f1;
        bestOffsets = offsets;
      }
    }
  }
  for (let c = 0; c < K; c++) model.bias[c]! += bestOffsets[c]!;
  const { gold, pred } = evaluate(model, valSet);
  const metrics = classMetrics(gold, pred, HATE_CLASSES);
  console.log(`class-bias offsets tuned on val: ${bestOffsets.map((o) => o.toFixed(2)).join(', ')}`);
  console.log('val (quantised model, as shipped):');
  console.log(formatMetrics(metrics));
  model.figures = { val: { accuracy: round(metrics.accuracy), macroF1: round(metrics.macroF1), n: metrics.n }, lambda: best.lambda, epochs: best.epochs, lr: best.lr, seeds: SEEDS, offsets: bestOffsets.map(round) };
  return model;
}

/**
 * Everything chosen on K-fold cross-validation of train (folds by a hash of the post id),
 * val only reported: the L2 penalty and class offsets of the linear model (what article mode
 * reads), then the pooled net's blend weight and offsets (post mode), both on out-of-fold
 * predictions; the models are then fitted on all of train.
 */
function selectOnCv(): HateModel {
  const lr = numbers(values.lrs, [0.3])[0]!;
  let best: { lambda: number; oof: Float64Array[]; choice: BlendChoice } | null = null;
  for (const lambda of numbers(values.lambdas, [1e-4, 3e-4, 1e-3])) {
    const oof = linearOof(lambda, lr);
    const choice = selectBlend(trainGold, oof, null, [0]);
    console.log(`lambda=${lambda} epochs=${maxEpochs}: CV macroF1=${choice.f1.toFixed(4)} with offsets ${choice.offsets.join(', ')}`);
    if (!best || choice.f1 > best.choice.f1 + 1e-9) best = { lambda, oof, choice };
  }
  const { lambda, oof, choice } = best!;
  const model = fitLinear(trainPosts, lambda, maxEpochs, lr).model;
  for (let c = 0; c < K; c++) model.bias[c]! += choice.offsets[c]!;
  const valGold = valPosts.map((p) => p.y);
  const valLinear = linearLogProbabilities(model, extractorFor(model), valPosts);
  const linearMetrics = classMetrics(valGold, blendPredict(valLinear, null, 0, [0, 0, 0]), HATE_CLASSES);
  console.log(`chosen on CV: lambda=${lambda}, offsets ${choice.offsets.join(', ')}; val, linear model alone (as article mode reads it):`);
  console.log(formatMetrics(linearMetrics));
  const figures: Record<string, unknown> = { selection: `${FOLDS}-fold CV on train`, cv: { linearMacroF1: round(choice.f1) }, val: { linear: { accuracy: round(linearMetrics.accuracy), macroF1: round(linearMetrics.macroF1), n: linearMetrics.n } }, lambda, epochs: maxEpochs, lr, seeds: SEEDS, offsets: choice.offsets };
  if (!values['linear-only']) {
    const rawTrain = rawPooled(trainPosts);
    const blend = selectBlend(trainGold, oof, pooledOof(rawTrain), POOLED_WEIGHTS);
    console.log(`pooled net: CV blend macroF1=${blend.f1.toFixed(4)} at weight ${blend.a}, offsets ${blend.offsets.join(', ')}`);
    const net = fitPooled(trainPosts, rawTrain);
    // The linear scores at run time already carry its own offsets: (1 - a) of them are taken back.
    model.pooled = { net, weight: blend.a, offsets: blend.offsets.map((o, c) => round(o - (1 - blend.a) * choice.offsets[c]!)) };
    const valBlend = linearLogProbabilities(model, extractorFor(model, { pooled: true }), valPosts);
    const blendMetrics = classMetrics(valGold, blendPredict(valBlend, null, 0, [0, 0, 0]), HATE_CLASSES);
    console.log('val, linear model blended with the pooled net (as post mode reads it):');
    console.log(formatMetrics(blendMetrics));
    figures.cv = { linearMacroF1: round(choice.f1), blendMacroF1: round(blend.f1) };
    figures.val = { ...(figures.val as object), blend: { accuracy: round(blendMetrics.accuracy), macroF1: round(blendMetrics.macroF1), n: blendMetrics.n } };
    figures.pooled = { ...pooledOptions(trainPosts), weight: blend.a, offsets: blend.offsets };
  }
  model.figures = figures;
  return model;
}

function decodeRoundTrip(raw: Float32Array): Float32Array {
  const probe: HateModel = { name: '', version: '', classes: HATE_CLASSES, features, bias: [0, 0, 0], scales: [1, 1, 1], weights: new Int8Array(K * DIMS), idf: raw };
  return decodeModel(encodeModel(probe), 'idf').idf!;
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

/** The linear model fitted on `posts` with fixed settings (idf from those posts, seeds averaged), as the shipped one is. */
function fitLinear(posts: Post[], lambda: number, epochs: number, lr: number): { model: HateModel; extractor: FeatureExtractor } {
  const foldIdf = decodeRoundTrip(computeIdf(posts, Number(values.relevance ?? 5)));
  const foldExtractor = new FeatureExtractor(features, foldIdf);
  const data = vectorise(posts, foldExtractor);
  const average = new EpochAverage();
  for (const seed of SEEDS) train(data, { lambda, epochs, lr, seed }, (_epoch, w, b) => average.add(w, b));
  const [w, b] = average.mean();
  const model = quantise(w, b, {});
  model.idf = foldIdf;
  return { model, extractor: foldExtractor };
}

/** Log-probabilities of each post under a model (blended when the extractor reads pooled vectors). */
function linearLogProbabilities(model: HateModel, extractor: FeatureExtractor, posts: Post[]): Float64Array[] {
  return posts.map((post) => predictProbabilities(model, extractor.extract(post.words, post.lexicon)).map(Math.log));
}

/** Fold of each train post: a hash of its id, so the folds do not depend on the file's order. */
function foldOf(post: Post): number {
  return fnv(post.id) % FOLDS;
}

/** Writes fold f's model (the linear model and, when given, the pooled blend fitted without fold f) for scripts/hate-post-cv.ts. */
function writeFoldModel(f: number, model: HateModel): void {
  if (values['fold-models']) writeFileSync(join(values['fold-models'], `fold-${f}-of-${FOLDS}.json`), JSON.stringify(encodeModel(model)) + '\n');
}

/** Out-of-fold log-probabilities of the linear model on train (optionally cached, for experiments on the pooled net). */
function linearOof(lambda: number, lr: number): Float64Array[] {
  const cacheFile = values['linear-cache'];
  if (cacheFile && existsSync(cacheFile) && !values['fold-models']) return (JSON.parse(readFileSync(cacheFile, 'utf8')) as number[][]).map((l) => Float64Array.from(l));
  const oof: Float64Array[] = new Array(trainPosts.length);
  for (let f = 0; f < FOLDS; f++) {
    const outside = trainPosts.map((_, n) => n).filter((n) => foldOf(trainPosts[n]!) === f);
    const fit = fitLinear(trainPosts.filter((p) => foldOf(p) !== f), lambda, maxEpochs, lr);
    foldModels[f] = fit.model;
    writeFoldModel(f, fit.model);
    const logs = linearLogProbabilities(fit.model, fit.extractor, outside.map((n) => trainPosts[n]!));
    outside.forEach((n, i) => (oof[n] = logs[i]!));
    console.log(`  lambda=${lambda} fold ${f + 1}/${FOLDS} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
  if (cacheFile) writeFileSync(cacheFile, JSON.stringify(oof.map((l) => [...l])));
  return oof;
}

function pooledOptions(posts: Post[]): PooledTrainOptions {
  const counts = new Array(K).fill(0);
  for (const post of posts) counts[post.y]++;
  return {
    ...DEFAULT_POOLED_TRAINING,
    ...(values['pooled-hidden'] ? { hidden: Number(values['pooled-hidden']) } : {}),
    ...(values['pooled-epochs'] ? { epochs: Number(values['pooled-epochs']) } : {}),
    ...(values['pooled-lr'] ? { lr: Number(values['pooled-lr']) } : {}),
    ...(values['pooled-l2'] ? { l2: Number(values['pooled-l2']) } : {}),
    classWeights: counts.map((c) => posts.length / (K * c)),
  };
}

function rawPooled(posts: Post[]): Float32Array[] {
  const table = defaultWordTable();
  return posts.map((post) => {
    const x = new Float32Array(2 * table.dims);
    pooledInput(table, post.words, x);
    return x;
  });
}

function fitPooled(posts: Post[], inputs: Float32Array[]): PooledNet {
  return trainPooledNet(inputs, posts.map((p) => p.y), K, pooledOptions(posts));
}

function pooledLogs(net: PooledNet, inputs: Float32Array[]): Float64Array[] {
  return inputs.map((raw) => {
    const x = Float32Array.from(raw, (v, d) => (v - net.shift[d]!) * net.scale[d]!);
    return pooledLogProbabilities(net, x, new Float64Array(K)).slice();
  });
}

/** Out-of-fold log-probabilities of the pooled net on train (same folds as the linear model). */
function pooledOof(rawTrain: Float32Array[]): Float64Array[] {
  const oof: Float64Array[] = new Array(trainPosts.length);
  for (let f = 0; f < FOLDS; f++) {
    const inside = trainPosts.map((_, n) => n).filter((n) => foldOf(trainPosts[n]!) !== f);
    const outside = trainPosts.map((_, n) => n).filter((n) => foldOf(trainPosts[n]!) === f);
    const net = fitPooled(inside.map((n) => trainPosts[n]!), inside.map((n) => rawTrain[n]!));
    foldNets[f] = net;
    const logs = pooledLogs(net, outside.map((n) => rawTrain[n]!));
    outside.forEach((n, i) => (oof[n] = logs[i]!));
  }
  return oof;
}

/** Argmax of (1 - a) × linear + a × pooled log-probabilities plus per-class offsets. */
function blendPredict(linear: Float64Array[], pooled: Float64Array[] | null, a: number, offsets: number[]): number[] {
  return linear.map((l, n) => {
    let best = 0;
    let bestScore = -Infinity;
    for (let c = 0; c < K; c++) {
      const s = (1 - a) * l[c]! + (pooled ? a * pooled[n]![c]! : 0) + offsets[c]!;
      if (s > bestScore) {
        bestScore = s;
        best = c;
      }
    }
    return best;
  });
}

interface BlendChoice {
  a: number;
  offsets: number[];
  f1: number;
}

/** Blend weight and class offsets (normal fixed at 0) that maximise macro-F1 on the given predictions (coarse grids). */
function selectBlend(gold: number[], linear: Float64Array[], pooled: Float64Array[] | null, weights: number[]): BlendChoice {
  let best: BlendChoice = { a: 0, offsets: [0, 0, 0], f1: -1 };
  for (const a of weights) {
    for (let o1 = -0.6; o1 <= 0.61; o1 += 0.05) {
      for (let o2 = -0.6; o2 <= 0.61; o2 += 0.05) {
        const offsets = [0, round(o1), round(o2)];
        const f1 = classMetrics(gold, blendPredict(linear, pooled, a, offsets), HATE_CLASSES).macroF1;
        if (f1 > best.f1 + 1e-9) best = { a, offsets, f1 };
      }
    }
  }
  return best;
}

/**
 * `--cv K`: out-of-fold figures on train for the linear model (first of --lambdas), the pooled
 * net and their blend (weight and offsets chosen on the out-of-fold predictions), then val with
 * those choices after fitting on all of train. Writes nothing.
 */
function crossValidate(): void {
  const lambda = numbers(values.lambdas, [3e-4])[0]!;
  const lr = numbers(values.lrs, [0.3])[0]!;
  const linear = linearOof(lambda, lr);
  const report = (name: string, gold: number[], pred: number[]): void => {
    const m = classMetrics(gold, pred, HATE_CLASSES);
    console.log(`${name}: acc=${m.accuracy.toFixed(4)} macroF1=${m.macroF1.toFixed(4)} (F1 ${m.perClass.map((c) => c.f1.toFixed(3)).join(' / ')})`);
  };
  report(`CV linear (lambda=${lambda} epochs=${maxEpochs} lr=${lr}), argmax`, trainGold, blendPredict(linear, null, 0, [0, 0, 0]));
  const linearOnly = selectBlend(trainGold, linear, null, [0]);
  report(`CV linear, offsets ${linearOnly.offsets.join(', ')} (chosen on CV)`, trainGold, blendPredict(linear, null, 0, linearOnly.offsets));
  const valGold = valPosts.map((p) => p.y);
  const fit = fitLinear(trainPosts, lambda, maxEpochs, lr);
  const valLinear = linearLogProbabilities(fit.model, fit.extractor, valPosts);
  report('val linear, argmax', valGold, blendPredict(valLinear, null, 0, [0, 0, 0]));
  report('val linear, CV offsets', valGold, blendPredict(valLinear, null, 0, linearOnly.offsets));
  if (values['linear-only']) return;
  const rawTrain = rawPooled(trainPosts);
  const pooled = pooledOof(rawTrain);
  report('CV pooled net alone, argmax', trainGold, blendPredict(pooled, null, 0, [0, 0, 0]));
  const blend = selectBlend(trainGold, linear, pooled, POOLED_WEIGHTS);
  report(`CV blend a=${blend.a}, offsets ${blend.offsets.join(', ')} (chosen on CV)`, trainGold, blendPredict(linear, pooled, blend.a, blend.offsets));
  // Fold models as post mode reads them: the fold's linear model (no offsets of its own) blended with its pooled net.
  if (values['fold-models']) foldModels.forEach((m, f) => writeFoldModel(f, { ...m, pooled: { net: foldNets[f]!, weight: blend.a, offsets: blend.offsets } }));
  const valPooled = pooledLogs(fitPooled(trainPosts, rawTrain), rawPooled(valPosts));
  report('val pooled net alone', valGold, blendPredict(valPooled, null, 0, [0, 0, 0]));
  report(`val blend a=${blend.a}, CV offsets`, valGold, blendPredict(valLinear, valPooled, blend.a, blend.offsets));
  console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
