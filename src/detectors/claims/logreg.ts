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
}

export interface LogRegWeights {
  weights: Float32Array;
  dense: Float32Array;
  bias: number;
}

export function trainLogReg(examples: readonly TrainingExample[], options: LogRegOptions): LogRegWeights {
  const { dims, epochs, learningRate, l2, seed } = options;
  const weights = new Float32Array(dims);
  const squares = new Float32Array(dims).fill(1e-6);
  const dense = new Float32Array(options.denseDims ?? 0);
  const denseSquares = new Float32Array(dense.length).fill(1e-6);
  let bias = 0;
  let biasSquares = 1e-6;
  const order = examples.map((_, i) => i);
  const random = seededRandom(seed);
  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffle(order, random);
    for (const index of order) {
      const ex = examples[index]!;
      const value = ex.value ?? 1;
      const p = predict({ weights, dense, bias }, ex.features, value, ex.dense);
      const g = (p - ex.label) * ex.weight;
      for (const f of ex.features) {
        const grad = g * value + l2 * weights[f]!;
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
  }
  return { weights, dense, bias };
}

export function predict(model: LogRegWeights, features: Uint32Array, value = 1, dense?: Float32Array): number {
  let sum = 0;
  for (const f of features) sum += model.weights[f]!;
  let z = model.bias + value * sum;
  if (dense) for (let d = 0; d < model.dense.length; d++) z += model.dense[d]! * dense[d]!;
  return 1 / (1 + Math.exp(-z));
}

function shuffle(items: number[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}
