/**
 * Trains the hate model: multinomial logistic regression over hashed word 1-3 grams,
 * char 2-5 grams, group-conditioned unigrams and lexicon features, weighted by idf
 * times a supervised relevance factor; SGD with L2, class weights and epoch
 * averaging, deterministic (fixed seeds, fixed order). Tunes regularisation, epochs
 * and class-bias offsets on val.jsonl only, then writes models/hate-model.json (an
 * average of three seeds) and prints its figures.
 *
 *   npm run train:hate -- --data ../shared/datasets/hatexplain [--out FILE] [--quick]
 *   (experiment flags: --lambdas, --lrs, --epochs, --seeds, --relevance, --char-weight,
 *    --lexicon-weight, --conjunction-weight, --bits)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { modelPath } from '../src/core/paths.js';
import { seededRandom, shuffleInPlace } from '../src/core/random.js';
import { DEFAULT_FEATURES, FeatureExtractor, type FeatureConfig } from '../src/detectors/hate/features.js';
import { loadDefaultHateLexicon } from '../src/detectors/hate/lexicon.js';
import { decodeModel, encodeModel, HATE_CLASSES, predictProbabilities, type HateModel } from '../src/detectors/hate/model.js';
import { modelInput } from '../src/detectors/hate/model-input.js';
import { classMetrics, formatMetrics } from '../src/eval/hate/metrics.js';
import { buildTextModel } from '../src/text/model.js';

const { values } = parseArgs({ options: { data: { type: 'string' }, out: { type: 'string' }, bits: { type: 'string' }, quick: { type: 'boolean' }, lambdas: { type: 'string' }, lrs: { type: 'string' }, 'char-weight': { type: 'string' }, 'lexicon-weight': { type: 'string' }, 'conjunction-weight': { type: 'string' }, epochs: { type: 'string' }, seeds: { type: 'string' }, relevance: { type: 'string' } } });
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
  words: string[];
  lexicon: string[];
  y: number;
}

function read(file: string): Post[] {
  const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim());
  return lines.map((line) => {
    const post = JSON.parse(line) as { text: string; label: string };
    const y = HATE_CLASSES.indexOf(post.label as (typeof HATE_CLASSES)[number]);
    if (y < 0) throw new Error(`${file}: unknown label ${post.label}`);
    const text = post.text.trim() || '.';
    const tm = buildTextModel(text);
    const input = modelInput(text, tm.tokens, lexicon);
    return { words: input.words.map((w) => w.word), lexicon: input.lexicon, y };
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
console.log(`train ${trainSet.length} posts, val ${valSet.length} posts, ${DIMS} buckets, features ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);

const grid = numbers(values.lambdas, values.quick ? [1e-4] : [3e-5, 1e-4, 3e-4]);
const maxEpochs = Number(values.epochs ?? 6);
const SEEDS = numbers(values.seeds, [7, 8, 9]);
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

const out = values.out ?? modelPath('hate-model.json');
const json = JSON.stringify(encodeModel(model));
writeFileSync(out, json + '\n');
console.log(`wrote ${out} (${(json.length / 1024 / 1024).toFixed(2)} MB) in ${((Date.now() - started) / 1000).toFixed(1)} s`);

function decodeRoundTrip(raw: Float32Array): Float32Array {
  const probe: HateModel = { name: '', version: '', classes: HATE_CLASSES, features, bias: [0, 0, 0], scales: [1, 1, 1], weights: new Int8Array(K * DIMS), idf: raw };
  return decodeModel(encodeModel(probe), 'idf').idf!;
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
