/**
 * The integer pools of a sentence's word vectors (features.ts makes them unit length): the sum
 * of the rows of content words and the component-wise maximum of all rows, over a table of int8
 * rows. This is the claim detector's innermost loop, so where the rows allow it reads them four
 * components at a time, as one 32-bit word ("SIMD within a register"): each byte biased to
 * 0..255, split into two pairs of 16-bit lanes, summed lane-wise (a lane holds 256 rows before
 * it could overflow, so the sums are carried out every 256 rows) and maximised lane-wise without
 * a branch. The answers are the plain loop's, integer for integer.
 */

/** Rows are read as 32-bit words where every row starts on one and the platform is little-endian. */
const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;
const BIAS = 0x80808080;
const LOW_BYTES = 0x00ff00ff;
/** Rows summed into the 16-bit lanes before the lanes are carried out (255 x 256 < 65536). */
const LANE_ROWS = 256;

const words32 = new WeakMap<Int8Array, Int32Array | null>();

function wordsOf(vectors: Int8Array, dims: number): Int32Array | null {
  let words = words32.get(vectors);
  if (words === undefined) {
    words = LITTLE_ENDIAN && dims % 4 === 0 && vectors.byteOffset % 4 === 0 ? new Int32Array(vectors.buffer, vectors.byteOffset, vectors.length / 4) : null;
    words32.set(vectors, words);
  }
  return words;
}

let sumEven = new Int32Array(0);
let sumOdd = new Int32Array(0);
let maxEven = new Int32Array(0);
let maxOdd = new Int32Array(0);

/**
 * Writes into `sum` the sum of rows rows[i] (i < n) whose `inMean` flag is 1, and into `max`
 * the component-wise maximum of all n rows (0 everywhere when n is 0). Both hold `dims` entries.
 */
export function poolRows(vectors: Int8Array, dims: number, rows: Int32Array, inMean: Uint8Array, n: number, sum: Int32Array, max: Int32Array): void {
  const words = wordsOf(vectors, dims);
  if (words === null) return poolRowsPlain(vectors, dims, rows, inMean, n, sum, max);
  const quads = dims / 4;
  if (sumEven.length < quads) {
    sumEven = new Int32Array(quads);
    sumOdd = new Int32Array(quads);
    maxEven = new Int32Array(quads);
    maxOdd = new Int32Array(quads);
  }
  sum.fill(0);
  sumEven.fill(0, 0, quads);
  sumOdd.fill(0, 0, quads);
  // Biased, -128 is 0: the maximum starts there.
  maxEven.fill(0, 0, quads);
  maxOdd.fill(0, 0, quads);
  let summed = 0;
  for (let i = 0; i < n; i++) {
    const row = rows[i]!;
    const offset = row * quads;
    if (inMean[i] === 1) {
      if (summed === LANE_ROWS) {
        carry(sum, quads, summed);
        summed = 0;
      }
      summed++;
      for (let q = 0; q < quads; q++) {
        const word = words[offset + q]! ^ BIAS;
        const even = word & LOW_BYTES;
        const odd = (word >>> 8) & LOW_BYTES;
        sumEven[q]! += even;
        sumOdd[q]! += odd;
        maxEven[q] = laneMax(maxEven[q]!, even);
        maxOdd[q] = laneMax(maxOdd[q]!, odd);
      }
    } else {
      for (let q = 0; q < quads; q++) {
        const word = words[offset + q]! ^ BIAS;
        maxEven[q] = laneMax(maxEven[q]!, word & LOW_BYTES);
        maxOdd[q] = laneMax(maxOdd[q]!, (word >>> 8) & LOW_BYTES);
      }
    }
  }
  carry(sum, quads, summed);
  if (n === 0) {
    max.fill(0);
    return;
  }
  // Byte k of word q is component 4q + k: the even lanes hold components 4q and 4q + 2, the odd ones 4q + 1 and 4q + 3.
  for (let q = 0; q < quads; q++) {
    max[4 * q] = (maxEven[q]! & 0xffff) - 128;
    max[4 * q + 1] = (maxOdd[q]! & 0xffff) - 128;
    max[4 * q + 2] = (maxEven[q]! >>> 16) - 128;
    max[4 * q + 3] = (maxOdd[q]! >>> 16) - 128;
  }
}

/** Adds the lane sums of `rows` rows to `sum`, unbiased, and empties the lanes. */
function carry(sum: Int32Array, quads: number, rows: number): void {
  const bias = 128 * rows;
  for (let q = 0; q < quads; q++) {
    sum[4 * q]! += (sumEven[q]! & 0xffff) - bias;
    sum[4 * q + 1]! += (sumOdd[q]! & 0xffff) - bias;
    sum[4 * q + 2]! += (sumEven[q]! >>> 16) - bias;
    sum[4 * q + 3]! += (sumOdd[q]! >>> 16) - bias;
    sumEven[q] = 0;
    sumOdd[q] = 0;
  }
}

/**
 * The lane-wise maximum of two pairs of 16-bit lanes holding 0..255: with each lane of `a` given
 * its top bit, a lane's difference keeps that bit exactly when a >= b there, and no borrow
 * crosses into the next lane; the bit, spread over its lane, picks a or b.
 */
function laneMax(a: number, b: number): number {
  const keep = ((((a | 0x80008000) - b) >>> 15) & 0x00010001) * 0xffff;
  return (a & keep) | (b & ~keep);
}

/** poolRows one component at a time, for rows that are not read as 32-bit words. */
export function poolRowsPlain(vectors: Int8Array, dims: number, rows: Int32Array, inMean: Uint8Array, n: number, sum: Int32Array, max: Int32Array): void {
  sum.fill(0);
  max.fill(n === 0 ? 0 : -128);
  for (let i = 0; i < n; i++) {
    const offset = rows[i]! * dims;
    const add = inMean[i] === 1;
    for (let d = 0; d < dims; d++) {
      const x = vectors[offset + d]!;
      if (add) sum[d]! += x;
      if (x > max[d]!) max[d] = x;
    }
  }
}
