import { seededRandom, shuffleInPlace } from '../../core/random.js';
import { cloneHiddenLayer, hiddenScore, initHiddenLayer, type HiddenLayer } from './hidden.js';

/**
 * Logistic regression over sparse binary features, trained with AdaGrad SGD and L2.
 * Deterministic: a seeded shuffle, no other randomness.
 */
export interface TrainingExample {
  /** Hashed feature indices (each counts once). */
  features: Uint32Array;
  label: 0 | 1;
  weight: number;
  /** Value of every feature of this example (1 for binary; 1/sqrt(n) for unit length). */
  value?: number;
  /** Dense real-valued features (pooled word vectors), weighed by `LogRegWeights.dense`. */
  dense?: Float32Array;
  /** The list it is ranked in (a transcript), for the pairwise term; absent: in none. */
  group?: number;
  /** The hidden layer's active indicators, by column (hidden.ts). */
  active?: Uint16Array;
}

export interface LogRegOptions {
  dims: number;
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
  /** Length of every example's `dense` vector (0 when there is none). */
  denseDims?: number;
  /**
   * Averaged SGD (Polyak): the weights returned are the mean of those at the end of each epoch
   * from this one (0-based) on, which smooths out the last epochs' noise. Omitted: the last weights.
   */
  averageFrom?: number;
  /**
   * A value per sparse feature that multiplies it during training (see naiveBayesScale). The
   * returned weights have it folded in, so `predict` and the shipped model need nothing more.
   */
  featureScale?: Float32Array;
  /**
   * A pairwise ranking term (RankNet-style, Burges et al. 2005) next to the logistic loss: each
   * epoch, every positive example of a group (a transcript) is paired with `perPositive` negatives
   * of the same group drawn at random, and the weights move to score it above them, by the
   * gradient of log(1 + exp(-(z+ - z-))) times `weight`. Absent: plain logistic regression.
   */
  pairwise?: PairwiseOptions;
  /**
   * A hidden layer over the dense features (hidden.ts) trained jointly with the linear weights,
   * by AdaGrad at its own learning rate and L2. The pairwise term does not move it. Absent: linear.
   */
  hidden?: HiddenOptions;
}

export interface HiddenOptions {
  units: number;
  /** Indicator columns (examples' `active` entries are below it). */
  indicators: number;
  learningRate: number;
  l2: number;
  seed: number;
}

export interface PairwiseOptions {
  perPositive: number;
  weight: number;
}

export interface LogRegWeights {
  weights: Float32Array;
  dense: Float32Array;
  bias: number;
  hidden?: HiddenLayer;
}

export function trainLogReg(examples: readonly TrainingExample[], options: LogRegOptions): LogRegWeights {
  const { dims, epochs, learningRate, l2, seed, averageFrom, featureScale } = options;
  if (featureScale && featureScale.length !== dims) throw new RangeError(`featureScale has ${featureScale.length} values for ${dims} features`);
  const scaleOf = featureScale ? (f: number) => featureScale[f]! : () => 1;
  const weights = new Float32Array(dims);
  const squares = new Float32Array(dims).fill(1e-6);
  const dense = new Float32Array(options.denseDims ?? 0);
  const denseSquares = new Float32Array(dense.length).fill(1e-6);
  let bias = 0;
  let biasSquares = 1e-6;
  const sum = averageFrom === undefined ? null : { weights: new Float64Array(dims), dense: new Float64Array(dense.length), bias: 0, count: 0 };
  const hidden = options.hidden && dense.length > 0 ? initHiddenLayer(options.hidden.units, dense.length, options.hidden.indicators, options.hidden.seed) : null;
  const hiddenStep = hidden ? hiddenTrainer(hidden, options.hidden!) : null;
  const hiddenSum = sum && hidden ? { inputs: new Float64Array(hidden.inputs.length), bias: new Float64Array(hidden.units), out: new Float64Array(hidden.units), columns: new Float64Array(hidden.columns.length) } : null;
  const activations = new Float32Array(hidden?.units ?? 0);
  const order = examples.map((_, i) => i);
  const random = seededRandom(seed);
  const pairs = options.pairwise ? pairGroups(examples) : null;
  /** The example's score without the bias (the bias cancels in a pair). */
  const margin = (ex: TrainingExample): number => {
    const value = ex.value ?? 1;
    let z = 0;
    for (const f of ex.features) z += weights[f]! * scaleOf(f) * value;
    for (let d = 0; d < dense.length && ex.dense; d++) z += dense[d]! * ex.dense[d]!;
    if (hidden && ex.dense) z += hiddenScore(hidden, ex.dense, ex.active);
    return z;
  };
  // The pair's gradient, summed per feature before one AdaGrad step, so a feature both lines share cancels out.
  const pairGrad = new Float64Array(pairs ? dims : 0);
  const marked = new Uint8Array(pairs ? dims : 0);
  const touched: number[] = [];
  /** One AdaGrad step on the loss of a pair whose gradient with respect to z+ is g (and -g for z-). */
  const pairStep = (a: TrainingExample, b: TrainingExample, g: number): void => {
    touched.length = 0;
    for (const [ex, sign] of [[a, 1], [b, -1]] as const) {
      const value = ex.value ?? 1;
      for (const f of ex.features) {
        if (marked[f] === 0) {
          marked[f] = 1;
          touched.push(f);
        }
        pairGrad[f]! += sign * g * value * scaleOf(f);
      }
    }
    for (const f of touched) {
      const grad = pairGrad[f]! + l2 * weights[f]!;
      pairGrad[f] = 0;
      marked[f] = 0;
      if (grad === 0) continue;
      squares[f]! += grad * grad;
      weights[f]! -= (learningRate * grad) / Math.sqrt(squares[f]!);
    }
    if (a.dense && b.dense) {
      for (let d = 0; d < dense.length; d++) {
        const grad = g * (a.dense[d]! - b.dense[d]!) + l2 * dense[d]!;
        if (grad === 0) continue;
        denseSquares[d]! += grad * grad;
        dense[d]! -= (learningRate * grad) / Math.sqrt(denseSquares[d]!);
      }
    }
  };
  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffleInPlace(order, random);
    for (const index of order) {
      const ex = examples[index]!;
      const value = ex.value ?? 1;
      let z = bias;
      for (const f of ex.features) z += weights[f]! * scaleOf(f) * value;
      for (let d = 0; d < dense.length && ex.dense; d++) z += dense[d]! * ex.dense[d]!;
      if (hidden && ex.dense) z += hiddenScore(hidden, ex.dense, ex.active, ex.active?.length, activations);
      const g = (sigmoid(z) - ex.label) * ex.weight;
      if (hiddenStep && ex.dense) hiddenStep(ex.dense, ex.active, activations, g);
      for (const f of ex.features) {
        const grad = g * value * scaleOf(f) + l2 * weights[f]!;
        squares[f]! += grad * grad;
        weights[f]! -= (learningRate * grad) / Math.sqrt(squares[f]!);
      }
      if (ex.dense) {
        for (let d = 0; d < dense.length; d++) {
          const grad = g * ex.dense[d]! + l2 * dense[d]!;
          denseSquares[d]! += grad * grad;
          dense[d]! -= (learningRate * grad) / Math.sqrt(denseSquares[d]!);
        }
      }
      biasSquares += g * g;
      bias -= (learningRate * g) / Math.sqrt(biasSquares);
    }
    if (pairs) {
      for (const { positives, negatives } of pairs) {
        if (negatives.length === 0) continue;
        for (const p of positives) {
          for (let k = 0; k < options.pairwise!.perPositive; k++) {
            const n = negatives[Math.floor(random() * negatives.length)]!;
            const a = examples[p]!;
            const b = examples[n]!;
            const diff = margin(a) - margin(b);
            // d/dz+ of log(1 + exp(-(z+ - z-))) is -sigmoid(z- - z+); z- gets the opposite.
            const g = -sigmoid(-diff) * options.pairwise!.weight;
            pairStep(a, b, g);
          }
        }
      }
    }
    if (sum && epoch >= averageFrom!) {
      for (let f = 0; f < dims; f++) sum.weights[f]! += weights[f]!;
      for (let d = 0; d < dense.length; d++) sum.dense[d]! += dense[d]!;
      sum.bias += bias;
      sum.count++;
      if (hiddenSum && hidden) {
        for (let i = 0; i < hidden.inputs.length; i++) hiddenSum.inputs[i]! += hidden.inputs[i]!;
        for (let i = 0; i < hidden.columns.length; i++) hiddenSum.columns[i]! += hidden.columns[i]!;
        for (let u = 0; u < hidden.units; u++) {
          hiddenSum.bias[u]! += hidden.bias[u]!;
          hiddenSum.out[u]! += hidden.out[u]!;
        }
      }
    }
  }
  const averaged = sum !== null && sum.count > 0;
  const final: LogRegWeights = averaged ? { weights: Float32Array.from(sum.weights, (w) => w / sum.count), dense: Float32Array.from(sum.dense, (w) => w / sum.count), bias: sum.bias / sum.count } : { weights, dense, bias };
  if (hidden) {
    final.hidden =
      averaged && hiddenSum
        ? {
            ...hidden,
            inputs: Float32Array.from(hiddenSum.inputs, (w) => w / sum.count),
            bias: Float32Array.from(hiddenSum.bias, (w) => w / sum.count),
            out: Float32Array.from(hiddenSum.out, (w) => w / sum.count),
            columns: Float32Array.from(hiddenSum.columns, (w) => w / sum.count),
          }
        : cloneHiddenLayer(hidden);
  }
  if (featureScale) for (let f = 0; f < dims; f++) final.weights[f]! *= featureScale[f]!;
  return final;
}

/**
 * One AdaGrad step of the hidden layer for an example whose loss has gradient g with respect
 * to the score, given the unit outputs of its forward pass. The output weights' old values
 * carry the gradient back to the inputs.
 */
function hiddenTrainer(layer: HiddenLayer, { learningRate, l2 }: HiddenOptions): (x: Float32Array, active: Uint16Array | undefined, activations: Float32Array, g: number) => void {
  const inputSquares = new Float32Array(layer.inputs.length).fill(1e-6);
  const biasSquares = new Float32Array(layer.units).fill(1e-6);
  const outSquares = new Float32Array(layer.units).fill(1e-6);
  const columnSquares = new Float32Array(layer.columns.length).fill(1e-6);
  const { units, dims, inputs, bias, out, columns } = layer;
  return (x, active, activations, g) => {
    for (let u = 0; u < units; u++) {
      const a = activations[u]!;
      const back = g * out[u]!;
      const outGrad = g * a + l2 * out[u]!;
      outSquares[u]! += outGrad * outGrad;
      out[u]! -= (learningRate * outGrad) / Math.sqrt(outSquares[u]!);
      if (a <= 0) continue;
      biasSquares[u]! += back * back;
      bias[u]! -= (learningRate * back) / Math.sqrt(biasSquares[u]!);
      if (active) {
        for (const k of active) {
          const at = k * units + u;
          const grad = back + l2 * columns[at]!;
          columnSquares[at]! += grad * grad;
          columns[at]! -= (learningRate * grad) / Math.sqrt(columnSquares[at]!);
        }
      }
      const row = u * dims;
      for (let d = 0; d < dims; d++) {
        const grad = back * x[d]! + l2 * inputs[row + d]!;
        inputSquares[row + d]! += grad * grad;
        inputs[row + d]! -= (learningRate * grad) / Math.sqrt(inputSquares[row + d]!);
      }
    }
  };
}

/** Positives and negatives of each group, by example index, groups in order of first appearance. */
export function pairGroups(examples: readonly TrainingExample[]): { positives: number[]; negatives: number[] }[] {
  const byGroup = new Map<number, { positives: number[]; negatives: number[] }>();
  examples.forEach((ex, i) => {
    const g = ex.group;
    if (g === undefined) return;
    let entry = byGroup.get(g);
    if (!entry) byGroup.set(g, (entry = { positives: [], negatives: [] }));
    (ex.label === 1 ? entry.positives : entry.negatives).push(i);
  });
  return [...byGroup.values()];
}

/**
 * NB-LR (Wang and Manning 2012, "Baselines and bigrams"): each feature is scaled by how
 * unevenly it falls on the two classes, |log-count ratio|^power + floor, with add-`alpha`
 * smoothing over weighted presence counts. Features that say nothing about the label start
 * out damped; the floor keeps every feature learnable.
 */
export function naiveBayesScale(examples: readonly TrainingExample[], dims: number, { power = 0.5, floor = 0.1, alpha = 1 } = {}): Float32Array {
  const positive = new Float64Array(dims).fill(alpha);
  const negative = new Float64Array(dims).fill(alpha);
  for (const ex of examples) {
    const counts = ex.label === 1 ? positive : negative;
    for (const f of ex.features) counts[f]! += ex.weight;
  }
  let positiveTotal = 0;
  let negativeTotal = 0;
  for (let f = 0; f < dims; f++) {
    positiveTotal += positive[f]!;
    negativeTotal += negative[f]!;
  }
  const scale = new Float32Array(dims);
  for (let f = 0; f < dims; f++) scale[f] = Math.abs(Math.log(positive[f]! / positiveTotal / (negative[f]! / negativeTotal))) ** power + floor;
  return scale;
}

export function predict(model: LogRegWeights, features: Uint32Array, value = 1, dense?: Float32Array, active?: Uint16Array): number {
  let sum = 0;
  for (const f of features) sum += model.weights[f]!;
  let z = model.bias + value * sum;
  if (dense) for (let d = 0; d < model.dense.length; d++) z += model.dense[d]! * dense[d]!;
  if (dense && model.hidden) z += hiddenScore(model.hidden, dense, active);
  return sigmoid(z);
}

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

