/**
 * Logistic regression over sparse binary features, trained with AdaGrad SGD and L2.
 * Deterministic: a seeded shuffle, no other randomness.
 */
export interface TrainingExample {
  /** Hashed feature indices (each counts once). */
  features: Uint32Array;
  label: 0 | 1;
  weight: number;
}

export interface LogRegOptions {
  dims: number;
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
}

export interface LogRegWeights {
  weights: Float32Array;
  bias: number;
}

export function trainLogReg(examples: readonly TrainingExample[], options: LogRegOptions): LogRegWeights {
  const { dims, epochs, learningRate, l2, seed } = options;
  const weights = new Float32Array(dims);
  const squares = new Float32Array(dims).fill(1e-6);
  let bias = 0;
  let biasSquares = 1e-6;
  const order = examples.map((_, i) => i);
  const random = mulberry32(seed);
  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffle(order, random);
    for (const index of order) {
      const ex = examples[index]!;
      let z = bias;
      for (const f of ex.features) z += weights[f]!;
      const p = 1 / (1 + Math.exp(-z));
      const g = (p - ex.label) * ex.weight;
      for (const f of ex.features) {
        const grad = g + l2 * weights[f]!;
        squares[f]! += grad * grad;
        weights[f]! -= (learningRate * grad) / Math.sqrt(squares[f]!);
      }
      biasSquares += g * g;
      bias -= (learningRate * g) / Math.sqrt(biasSquares);
    }
  }
  return { weights, bias };
}

export function predict(model: LogRegWeights, features: Uint32Array): number {
  let z = model.bias;
  for (const f of features) z += model.weights[f]!;
  return 1 / (1 + Math.exp(-z));
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle(items: number[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}
