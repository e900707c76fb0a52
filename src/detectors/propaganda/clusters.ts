import type { WordTable } from '../../text/word-table.js';
import { seededRandom } from '../../core/random.js';
import { WordCache } from './vocabulary.js';

/**
 * Word meaning for the linear models: every row of the shared word table (GloVe 100d,
 * models/words.bin) is put in one of COARSE clusters, and within it in one of FINE
 * sub-clusters, by k-means over the unit vectors. A token's clusters are features like
 * its word: "outrageous" and "disgraceful" share one, so what the models learn for one
 * word carries to near-synonyms they never saw in training. At run time a token costs
 * one lookup of its folded form in the word table.
 */
export interface WordClusters {
  readonly coarseCount: number;
  readonly fineCount: number;
  /** Rows of the word table this was built for (a different table is refused). */
  readonly rows: number;
  /** Per word-table row: coarse cluster id. */
  readonly coarse: Uint8Array;
  /** Per word-table row: fine cluster id (coarse * fine-per-coarse + sub). */
  readonly fine: Uint16Array;
}

export const COARSE_CLUSTERS = 64;
export const FINE_PER_COARSE = 8;

/** Deterministic k-means (seeded init, fixed iterations) over the rows listed in `rows`. */
function kmeans(table: WordTable, rows: Int32Array, k: number, iterations: number, seed: number): Int32Array {
  const dims = table.dims;
  const v = table.vectors;
  const n = rows.length;
  const assign = new Int32Array(n);
  if (n === 0) return assign;
  const kk = Math.min(k, n);
  const random = seededRandom(seed);
  const centroids = new Float64Array(kk * dims);
  const picked = new Set<number>();
  for (let c = 0; c < kk; c++) {
    let r = Math.floor(random() * n);
    while (picked.has(r)) r = (r + 1) % n;
    picked.add(r);
    for (let d = 0; d < dims; d++) centroids[c * dims + d] = v[rows[r]! * dims + d]!;
  }
  const sums = new Float64Array(kk * dims);
  const counts = new Int32Array(kk);
  for (let it = 0; it < iterations; it++) {
    for (let i = 0; i < n; i++) {
      const base = rows[i]! * dims;
      let best = 0;
      let bestScore = -Infinity;
      for (let c = 0; c < kk; c++) {
        let s = 0;
        const cb = c * dims;
        for (let d = 0; d < dims; d++) s += v[base + d]! * centroids[cb + d]!;
        if (s > bestScore) {
          bestScore = s;
          best = c;
        }
      }
      assign[i] = best;
    }
    sums.fill(0);
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const base = rows[i]! * dims;
      const cb = assign[i]! * dims;
      counts[assign[i]!]!++;
      for (let d = 0; d < dims; d++) sums[cb + d]! += v[base + d]!;
    }
    // Spherical k-means: centroids are renormalised means (cosine assignment).
    for (let c = 0; c < kk; c++) {
      if (counts[c] === 0) continue;
      let norm = 0;
      for (let d = 0; d < dims; d++) norm += sums[c * dims + d]! ** 2;
      norm = Math.sqrt(norm) || 1;
      for (let d = 0; d < dims; d++) centroids[c * dims + d] = (127 * sums[c * dims + d]!) / norm;
    }
  }
  return assign;
}

/** Builds the two-level clustering of a word table; the same table and seed give the same clusters. */
export function buildWordClusters(table: WordTable, seed: number, iterations = 8): WordClusters {
  const count = table.words.length;
  const all = Int32Array.from({ length: count }, (_, i) => i);
  const top = kmeans(table, all, COARSE_CLUSTERS, iterations, seed);
  const coarse = new Uint8Array(count);
  const fine = new Uint16Array(count);
  for (let c = 0; c < COARSE_CLUSTERS; c++) {
    const members: number[] = [];
    for (let i = 0; i < count; i++) if (top[i] === c) members.push(i);
    const sub = kmeans(table, Int32Array.from(members), FINE_PER_COARSE, iterations, seed + 1 + c);
    members.forEach((row, j) => {
      coarse[row] = c;
      fine[row] = c * FINE_PER_COARSE + sub[j]!;
    });
  }
  return { coarseCount: COARSE_CLUSTERS, fineCount: COARSE_CLUSTERS * FINE_PER_COARSE, rows: count, coarse, fine };
}

/** Compact JSON form: base64 of the coarse bytes and the fine uint16s. */
export interface PackedClusters {
  coarseCount: number;
  fineCount: number;
  rows: number;
  coarse: string;
  fine: string;
}

export function packClusters(c: WordClusters): PackedClusters {
  return {
    coarseCount: c.coarseCount,
    fineCount: c.fineCount,
    rows: c.rows,
    coarse: Buffer.from(c.coarse.buffer, c.coarse.byteOffset, c.coarse.byteLength).toString('base64'),
    fine: Buffer.from(c.fine.buffer, c.fine.byteOffset, c.fine.byteLength).toString('base64'),
  };
}

export function unpackClusters(p: PackedClusters): WordClusters {
  const coarse = new Uint8Array(Buffer.from(p.coarse, 'base64'));
  const fineBytes = Buffer.from(p.fine, 'base64');
  const fine = new Uint16Array(fineBytes.buffer.slice(fineBytes.byteOffset, fineBytes.byteOffset + fineBytes.length));
  if (!Number.isInteger(p.rows) || coarse.length !== p.rows || fine.length !== p.rows) throw new Error(`word clusters: expected ${p.rows} rows, found ${coarse.length} and ${fine.length}`);
  return { coarseCount: p.coarseCount, fineCount: p.fineCount, rows: p.rows, coarse, fine };
}

/** Per-token coarse and fine cluster ids (-1: not in the word table, or no clusters). */
export interface TokenClusters {
  /** Word-table row of each token (-1: not in the table, or no table). */
  readonly rows: Int32Array;
  readonly coarse: Int16Array;
  readonly fine: Int16Array;
}

/** Word-table rows by word number (vocabulary.ts), per table: a word is looked up in a table once per process. */
const rowCaches = new WeakMap<WordTable, WordCache>();

/** Each token's word-table row and clusters; one table lookup per word and process. */
export function tokenClusters(norms: readonly string[], table: WordTable | null, clusters: WordClusters | null): TokenClusters {
  const rows = new Int32Array(norms.length).fill(-1);
  const coarse = new Int16Array(norms.length).fill(-1);
  const fine = new Int16Array(norms.length).fill(-1);
  if (!table) return { rows, coarse, fine };
  const withClusters = clusters !== null && table.words.length === clusters.rows;
  let cache = rowCaches.get(table);
  if (!cache) rowCaches.set(table, (cache = new WordCache((word) => table.id(word))));
  const found = cache.of(norms);
  for (let i = 0; i < norms.length; i++) {
    const row = found[i]!;
    rows[i] = row;
    if (row < 0 || !withClusters) continue;
    coarse[i] = clusters.coarse[row]!;
    fine[i] = clusters.fine[row]!;
  }
  return { rows, coarse, fine };
}
