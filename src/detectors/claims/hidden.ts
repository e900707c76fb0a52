import { seededRandom } from '../../core/random.js';

/**
 * One hidden layer over the sentence's pooled word vectors, added to the linear score:
 * z += out · relu(inputs · x + bias). A linear model can only weigh each direction of meaning
 * on its own; the hidden units let it weigh combinations ("a number" reads differently next to
 * "budget" than next to "polls"). Training (logreg.ts) and run time (model.ts) both call
 * `hiddenScore`, so they cannot drift apart.
 */
export interface HiddenLayer {
  units: number;
  /** Input length (the pooled vectors' length). */
  dims: number;
  /** units × dims, row per unit. */
  inputs: Float32Array;
  bias: Float32Array;
  out: Float32Array;
}

/** Glorot-uniform input weights and small output weights from a fixed seed, so training is deterministic. */
export function initHiddenLayer(units: number, dims: number, seed: number): HiddenLayer {
  const random = seededRandom(seed);
  const limit = Math.sqrt(6 / (units + dims));
  const inputs = Float32Array.from({ length: units * dims }, () => (2 * random() - 1) * limit);
  const out = Float32Array.from({ length: units }, () => (2 * random() - 1) * 0.01);
  return { units, dims, inputs, bias: new Float32Array(units), out };
}

/**
 * The layer's share of the score for input x. `activations`, when given (length `units`),
 * receives each unit's output, which the training step needs for its gradient.
 */
export function hiddenScore(layer: HiddenLayer, x: Float32Array, activations?: Float32Array): number {
  const { units, dims, inputs, bias, out } = layer;
  let z = 0;
  for (let u = 0; u < units; u++) {
    let a = bias[u]!;
    const row = u * dims;
    for (let d = 0; d < dims; d++) a += inputs[row + d]! * x[d]!;
    if (a < 0) a = 0;
    if (activations) activations[u] = a;
    z += out[u]! * a;
  }
  return z;
}

/** A copy of the layer's weights (for averaging and for shipping). */
export function cloneHiddenLayer(layer: HiddenLayer): HiddenLayer {
  return { units: layer.units, dims: layer.dims, inputs: layer.inputs.slice(), bias: layer.bias.slice(), out: layer.out.slice() };
}

/** Every weight of the layer in one flat array (inputs, then bias, then out): the order on disk. */
export function hiddenWeights(layer: HiddenLayer): Float32Array {
  const all = new Float32Array(layer.inputs.length + 2 * layer.units);
  all.set(layer.inputs, 0);
  all.set(layer.bias, layer.inputs.length);
  all.set(layer.out, layer.inputs.length + layer.units);
  return all;
}

/** The layer back from `hiddenWeights`' flat order. */
export function hiddenLayerOf(units: number, dims: number, all: Float32Array): HiddenLayer {
  if (all.length !== units * dims + 2 * units) throw new RangeError(`${all.length} weights for a ${units} × ${dims} hidden layer`);
  const n = units * dims;
  return { units, dims, inputs: all.slice(0, n), bias: all.slice(n, n + units), out: all.slice(n + units) };
}
