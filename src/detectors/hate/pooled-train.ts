import { seededRandom, shuffleInPlace } from '../../core/random.js';
import { pooledLogProbabilities, type PooledNet } from './pooled.js';

export interface PooledTrainOptions {
  hidden: number;
  epochs: number;
  /** Adam step size. */
  lr: number;
  /** L2 penalty on the weights (not the biases), applied as weight decay. */
  l2: number;
  batch: number;
  seed: number;
  /** Per-class loss weights (balanced classes: n / (K × count)). */
  classWeights: readonly number[];
}

export const DEFAULT_POOLED_TRAINING: Omit<PooledTrainOptions, 'classWeights'> = { hidden: 64, epochs: 12, lr: 0.002, l2: 1e-3, batch: 32, seed: 11 };

/**
 * Trains a PooledNet on raw pooled inputs (pooledInput without a net) with Adam on minibatches
 * of the weighted cross-entropy; deterministic for a seed (fixed initialisation and order).
 */
export function trainPooledNet(inputs: readonly Float32Array[], labels: readonly number[], classes: number, options: PooledTrainOptions): PooledNet {
  const dims = inputs[0]!.length;
  const { hidden } = options;
  const shift = new Float32Array(dims);
  const scale = new Float32Array(dims);
  for (const x of inputs) for (let d = 0; d < dims; d++) shift[d]! += x[d]! / inputs.length;
  for (const x of inputs) for (let d = 0; d < dims; d++) scale[d]! += (x[d]! - shift[d]!) ** 2 / inputs.length;
  for (let d = 0; d < dims; d++) scale[d] = 1 / Math.sqrt(scale[d]! + 1e-6);
  const xs = inputs.map((x) => Float32Array.from(x, (v, d) => (v - shift[d]!) * scale[d]!));

  const random = seededRandom(options.seed);
  const limit1 = Math.sqrt(6 / (dims + hidden));
  const limit2 = Math.sqrt(6 / (hidden + classes));
  const net: PooledNet = {
    dims,
    hidden,
    classes,
    shift,
    scale,
    w1: Float32Array.from({ length: hidden * dims }, () => (2 * random() - 1) * limit1),
    b1: new Float32Array(hidden),
    w2: Float32Array.from({ length: classes * hidden }, () => (2 * random() - 1) * limit2),
    b2: new Float32Array(classes),
  };
  const params = [net.w1, net.b1, net.w2, net.b2];
  const decays = [true, false, true, false];
  const grads = params.map((p) => new Float64Array(p.length));
  const m = params.map((p) => new Float64Array(p.length));
  const v = params.map((p) => new Float64Array(p.length));
  const [gw1, gb1, gw2, gb2] = grads as [Float64Array, Float64Array, Float64Array, Float64Array];
  const h = new Float32Array(hidden);
  const logp = new Float64Array(classes);
  const dh = new Float64Array(hidden);
  const order = xs.map((_, i) => i);
  const beta1 = 0.9;
  const beta2 = 0.999;
  let step = 0;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffleInPlace(order, random);
    for (let start = 0; start < order.length; start += options.batch) {
      const end = Math.min(order.length, start + options.batch);
      for (const g of grads) g.fill(0);
      for (let k = start; k < end; k++) {
        const n = order[k]!;
        const x = xs[n]!;
        const y = labels[n]!;
        pooledLogProbabilities(net, x, logp, h);
        const cw = options.classWeights[y]!;
        dh.fill(0);
        for (let c = 0; c < classes; c++) {
          const g = cw * (Math.exp(logp[c]!) - (c === y ? 1 : 0));
          gb2[c]! += g;
          const row = c * hidden;
          for (let u = 0; u < hidden; u++) {
            gw2[row + u]! += g * h[u]!;
            dh[u]! += g * net.w2[row + u]!;
          }
        }
        for (let u = 0; u < hidden; u++) {
          if (h[u]! <= 0) continue;
          const g = dh[u]!;
          gb1[u]! += g;
          const row = u * dims;
          for (let d = 0; d < dims; d++) gw1[row + d]! += g * x[d]!;
        }
      }
      step++;
      const size = end - start;
      const c1 = 1 - beta1 ** step;
      const c2 = 1 - beta2 ** step;
      params.forEach((p, i) => {
        const g = grads[i]!;
        const mi = m[i]!;
        const vi = v[i]!;
        const decay = decays[i] ? options.l2 : 0;
        for (let j = 0; j < p.length; j++) {
          const gj = g[j]! / size + decay * p[j]!;
          mi[j] = beta1 * mi[j]! + (1 - beta1) * gj;
          vi[j] = beta2 * vi[j]! + (1 - beta2) * gj * gj;
          p[j]! -= (options.lr * (mi[j]! / c1)) / (Math.sqrt(vi[j]! / c2) + 1e-8);
        }
      });
    }
  }
  return net;
}
