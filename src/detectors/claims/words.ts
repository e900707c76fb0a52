import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { settledStamp, sourceStamp } from '../../core/data-file.js';
import { dataPath, modelPath } from '../../core/paths.js';
import { seededRandom } from '../../core/random.js';
import { packedMap } from '../../core/packed.js';
import { defaultWordTable, WORD_TABLE_FILE, type WordTable } from '../../text/word-table.js';
import { lookupWord, type WordIndex } from '../../text/word-index.js';

/**
 * What the claim model knows about a word beyond its spelling, so that "troops" helps a
 * sentence about "soldiers" although ClaimBuster has only a few thousand lines. It reads the
 * shared word table (models/words.bin, src/text/word-table.ts: GloVe 6B 100d, unit vectors as
 * int8) and adds, per word, its bucket at three granularities (64, 256 and 1024 buckets): the
 * signs of the word vector's projections, taken from the table's mean, on 10 fixed random
 * directions (random-hyperplane hashing, Charikar 2002), the first 6, 8 and 10 of them. Words that point the same way share
 * buckets, as k-means clusters would, with nothing more to ship: the directions come from a
 * fixed seed, and a word's buckets are worked out the first time it is seen.
 */
export interface ClaimWords {
  table: WordTable;
  /** sha256 of the table's words and vectors; a model records the digest of the table it was trained with. */
  digest: string;
  /** The table's file under models/, recorded in the model header. */
  file: string;
  /** Bits per bucket level, coarse to fine (each level's bits are a prefix of the next's). */
  levels: readonly number[];
  /** levels[last] directions of table.dims components each. */
  directions: Float32Array;
  /** The projection of the table's mean vector on each direction: projections are taken from the mean, since GloVe vectors share a large common part. */
  offsets: Float64Array;
  /** Per word: the signature (bit j = sign of the projection on direction j), or -1 before the word is first seen. */
  signatures: Int32Array;
  /** Per word: its bucket feature names, built once. */
  names: (readonly string[] | undefined)[];
  /** The table's words for `wordId`, the lookup features make per token (the table's own index). */
  index: WordIndex;
}

export const BUCKET_LEVELS = [6, 8, 10] as const;
const DIRECTIONS_SEED = 16016;

/**
 * What claimWords works out from the whole table: its digest and the mean's projections.
 * Hashing and averaging the shipped table (5 MB) took 15 to 20 ms in every process and
 * thread, so `npm run build:data` records both for models/words.bin with the file's settled
 * stamp (src/core/data-file.ts), and a process whose table still has that stamp reads them.
 */
export interface TableSummary {
  digest: string;
  offsets: number[];
  /** The directions' seed and the bucket levels the offsets were worked out with (DIRECTIONS_SEED, BUCKET_LEVELS). */
  seed?: number;
  levels?: number[];
  /** The table file's size and modification time when they were worked out. */
  stamp?: string;
}

/** The claim model's view of a word table; `summary`: the table's digest and offsets, already known. */
export function claimWords(table: WordTable, file: string = WORD_TABLE_FILE, summary?: TableSummary): ClaimWords {
  const bits = BUCKET_LEVELS[BUCKET_LEVELS.length - 1]!;
  const random = seededRandom(DIRECTIONS_SEED);
  // Near-Gaussian components (a sum of three uniforms), so the directions have no preferred axis.
  const directions = Float32Array.from({ length: bits * table.dims }, () => random() + random() + random() - 1.5);
  const offsets = summary && summary.offsets.length === bits ? Float64Array.from(summary.offsets) : tableOffsets(table, directions, bits);
  return { table, digest: summary?.digest ?? tableDigest(table), file, levels: BUCKET_LEVELS, directions, offsets, signatures: new Int32Array(table.words.length).fill(-1), names: new Array<readonly string[] | undefined>(table.words.length), index: table.index };
}

/** The projection of the table's mean vector on each direction. */
function tableOffsets(table: WordTable, directions: Float32Array, bits: number): Float64Array {
  const { dims, vectors } = table;
  const mean = new Float64Array(dims);
  // Row by row: each component sums the rows in the same order as a flat pass would.
  for (let base = 0; base < vectors.length; base += dims) for (let d = 0; d < dims; d++) mean[d]! += vectors[base + d]!;
  const offsets = new Float64Array(bits);
  for (let j = 0; j < bits; j++) for (let d = 0; d < dims; d++) offsets[j]! += (mean[d]! / table.words.length) * directions[j * dims + d]!;
  return offsets;
}

/** Where `npm run build:data` records the shipped table's summary. */
export function tableSummaryPath(): string {
  return dataPath('compiled', 'models', WORD_TABLE_FILE.replace(/\.bin$/, '.json'));
}

/** The shipped table's summary for `npm run build:data`, stamped before the table is read (no stamp when it was written too recently). */
export function compileTableSummary(): TableSummary {
  const stamp = settledStamp(modelPath(WORD_TABLE_FILE));
  const words = claimWords(defaultWordTable());
  return { digest: words.digest, offsets: [...words.offsets], seed: DIRECTIONS_SEED, levels: [...BUCKET_LEVELS], ...(stamp ? { stamp } : {}) };
}

/** The recorded summary when the shipped table still has the stamp it was recorded with; else null (worked out afresh). */
export function readTableSummary(path = tableSummaryPath(), table = modelPath(WORD_TABLE_FILE)): TableSummary | null {
  try {
    const summary = JSON.parse(readFileSync(path, 'utf8')) as TableSummary;
    const sameDirections = summary.seed === DIRECTIONS_SEED && summary.levels?.join() === BUCKET_LEVELS.join();
    return sameDirections && summary.stamp !== undefined && summary.stamp === sourceStamp(table) && typeof summary.digest === 'string' && Array.isArray(summary.offsets) ? summary : null;
  } catch {
    return null;
  }
}

function tableDigest(table: WordTable): string {
  return createHash('sha256').update(table.words.join('\n')).update(new Uint8Array(table.vectors.buffer, table.vectors.byteOffset, table.vectors.byteLength)).digest('hex');
}

/** The table's spelling of a token: lower case, typographic apostrophes made plain. */
export function wordKey(norm: string): string {
  const lower = norm.toLowerCase();
  return lower.includes('\u2019') || lower.includes('\u2018') ? lower.replace(/[\u2018\u2019]/g, "'") : lower;
}

/** The row of a word in the table (its spelling there: wordKey), or -1: `table.id`, faster. */
export function wordId(words: ClaimWords, key: string): number {
  return lookupWord(words.index, key);
}

/** A word's signature: bit j is set when its vector projects positively on direction j. */
export function signature(words: ClaimWords, id: number): number {
  const known = words.signatures[id]!;
  if (known >= 0) return known;
  const { dims, vectors } = words.table;
  const bits = words.levels[words.levels.length - 1]!;
  let sig = 0;
  for (let j = 0; j < bits; j++) {
    let dot = -words.offsets[j]!;
    for (let d = 0; d < dims; d++) dot += vectors[id * dims + d]! * words.directions[j * dims + d]!;
    if (dot > 0) sig |= 1 << j;
  }
  words.signatures[id] = sig;
  return sig;
}

/** The feature names of a word's buckets ("k0:36", "k1:225", ...), built once per word. */
export function clusterNames(words: ClaimWords, id: number): readonly string[] {
  const known = words.names[id];
  if (known) return known;
  const sig = signature(words, id);
  const names = packedMap(words.levels, (bits, level) => `k${level}:${sig & ((1 << bits) - 1)}`);
  words.names[id] = names;
  return names;
}

/** A signature's bucket at one level as one number over all levels: level 0's buckets first, then level 1's, and so on (1,344 in all). */
export function bucketNumber(words: ClaimWords, level: number, sig: number): number {
  let base = 0;
  for (let l = 0; l < level; l++) base += 1 << words.levels[l]!;
  return base + (sig & ((1 << words.levels[level]!) - 1));
}

export const DEFAULT_WORDS_FILE = WORD_TABLE_FILE;
let shipped: ClaimWords | undefined;

/** The claim model's view of the shared word table, built on first use. */
export function defaultClaimWords(): ClaimWords {
  shipped ??= claimWords(defaultWordTable(), WORD_TABLE_FILE, readTableSummary() ?? undefined);
  return shipped;
}
