import { seededRandom } from '../../core/random.js';

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
}

export interface LogRegWeights {
  weights: Float32Array;
  dense: Float32Array;
  bias: number;
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
  const order = examples.map((_, i) => i);
  const random = seededRandom(seed);
  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffle(order, random);
    for (const index of order) {
      const ex = examples[index]!;
      const value = ex.value ?? 1;
      let z = bias;
      for (const f of ex.features) z += weights[f]! * scaleOf(f) * value;
      for (let d = 0; d < dense.length && ex.dense; d++) z += dense[d]! * ex.dense[d]!;
      const g = (sigmoid(z) - ex.label) * ex.weight;
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
    if (sum && epoch >= averageFrom!) {
      for (let f = 0; f < dims; f++) sum.weights[f]! += weights[f]!;
      for (let d = 0; d < dense.length; d++) sum.dense[d]! += dense[d]!;
      sum.bias += bias;
      sum.count++;
    }
  }
  const final = sum && sum.count > 0 ? { weights: Float32Array.from(sum.weights, (w) => w / sum.count), dense: Float32Array.from(sum.dense, (w) => w / sum.count), bias: sum.bias / sum.count } : { weights, dense, bias };
  if (featureScale) for (let f = 0; f < dims; f++) final.weights[f]! *= featureScale[f]!;
  return final;
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

export function predict(model: LogRegWeights, features: Uint32Array, value = 1, dense?: Float32Array): number {
  let sum = 0;
  for (const f of features) sum += model.weights[f]!;
  let z = model.bias + value * sum;
  if (dense) for (let d = 0; d < model.dense.length; d++) z += model.dense[d]! * dense[d]!;
  return sigmoid(z);
}

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

function shuffle(items: number[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}
