import { seededRandom } from '../../core/random.js';

/**
 * One hidden layer added to the linear score: z += out · relu(inputs · x + Σ columns of the
 * active indicators + bias), where x is the sentence's pooled word vectors and the indicators
 * are a fixed list of structural features (signals, cue lists, length, context: named in the
 * model header). A linear model can only weigh each of them on its own; the hidden units weigh
 * combinations ("a number" reads differently next to "budget" than next to "polls", or in a
 * moderator's turn). Training (logreg.ts) and run time (model.ts) both call `hiddenScore`, so
 * they cannot drift apart.
 */
export interface HiddenLayer {
  units: number;
  /** Dense input length (the pooled vectors' length). */
  dims: number;
  /** units × dims, row per unit. */
  inputs: Float32Array;
  bias: Float32Array;
  out: Float32Array;
  /** Indicator count. */
  indicators: number;
  /** indicators × units: the column an active indicator adds to the units' inputs. */
  columns: Float32Array;
}

/** Glorot-uniform input weights and small output weights from a fixed seed, so training is deterministic. */
export function initHiddenLayer(units: number, dims: number, indicators: number, seed: number): HiddenLayer {
  const random = seededRandom(seed);
  const limit = Math.sqrt(6 / (units + dims));
  const inputs = Float32Array.from({ length: units * dims }, () => (2 * random() - 1) * limit);
  const out = Float32Array.from({ length: units }, () => (2 * random() - 1) * 0.01);
  const columnLimit = Math.sqrt(6 / (units + indicators));
  const columns = Float32Array.from({ length: units * indicators }, () => (2 * random() - 1) * columnLimit);
  return { units, dims, inputs, bias: new Float32Array(units), out, indicators, columns };
}

const NO_INDICATORS: readonly number[] = [];
let scratch = new Float32Array(64);

/**
 * The layer's share of the score for dense input x and the active indicators (`count` first
 * entries of `active`, by column). `activations`, when given (length `units`), receives each
 * unit's output, which the training step needs for its gradient.
 */
export function hiddenScore(layer: HiddenLayer, x: Float32Array, active: ArrayLike<number> = NO_INDICATORS, count = active.length, activations?: Float32Array): number {
  const { units, dims, inputs, bias, out, columns } = layer;
  if (scratch.length < units) scratch = new Float32Array(units);
  const pre = activations ?? scratch;
  for (let u = 0; u < units; u++) {
    let a = bias[u]!;
    const row = u * dims;
    for (let d = 0; d < dims; d++) a += inputs[row + d]! * x[d]!;
    pre[u] = a;
  }
  for (let i = 0; i < count; i++) {
    const column = active[i]! * units;
    for (let u = 0; u < units; u++) pre[u]! += columns[column + u]!;
  }
  let z = 0;
  for (let u = 0; u < units; u++) {
    const a = pre[u]! > 0 ? pre[u]! : 0;
    pre[u] = a;
    z += out[u]! * a;
  }
  return z;
}

/** A copy of the layer's weights. */
export function cloneHiddenLayer(layer: HiddenLayer): HiddenLayer {
  return { ...layer, inputs: layer.inputs.slice(), bias: layer.bias.slice(), out: layer.out.slice(), columns: layer.columns.slice() };
}

/** Every weight of the layer in one flat array (inputs, bias, out, columns): the order on disk. */
export function hiddenWeights(layer: HiddenLayer): Float32Array {
  const all = new Float32Array(hiddenWeightCount(layer.units, layer.dims, layer.indicators));
  let at = 0;
  for (const part of [layer.inputs, layer.bias, layer.out, layer.columns]) {
    all.set(part, at);
    at += part.length;
  }
  return all;
}

export function hiddenWeightCount(units: number, dims: number, indicators: number): number {
  return units * (dims + 2 + indicators);
}

/** The layer back from `hiddenWeights`' flat order. */
export function hiddenLayerOf(units: number, dims: number, indicators: number, all: Float32Array): HiddenLayer {
  if (all.length !== hiddenWeightCount(units, dims, indicators)) throw new RangeError(`${all.length} weights for a hidden layer of ${units} units over ${dims} inputs and ${indicators} indicators`);
  const n = units * dims;
  return { units, dims, inputs: all.slice(0, n), bias: all.slice(n, n + units), out: all.slice(n + units, n + 2 * units), indicators, columns: all.slice(n + 2 * units) };
}

/**
 * Which indicator (column) each hashed feature index stands for, -1 for none: run time and
 * training both find a sentence's indicators among the hashed indices of its own feature
 * names (shared copies), so they agree, a hash collision included.
 */
export function indicatorTable(names: readonly string[], dims: number, hash: (name: string, dims: number) => number): Int16Array {
  const table = new Int16Array(dims).fill(-1);
  names.forEach((name, column) => {
    table[hash(name, dims)] = column;
  });
  return table;
}
