import type { WordTable } from '../../text/word-table.js';
import { pooledInput, type PooledNet } from './pooled.js';

/**
 * Hashed n-gram features for the hate model: word 1–3 grams, character 2–5 grams
 * inside each word (with boundary marks, like scikit-learn's char_wb) and a few
 * lexicon counts. Hashing keeps the model a fixed-size array with no vocabulary;
 * the names are only rebuilt when a finding needs explaining.
 */
export interface FeatureConfig {
  /** log2 of the number of hash buckets. */
  bits: number;
  wordMaxN: number;
  charMinN: number;
  charMaxN: number;
  /** Weight of the character block relative to the word block (each is L2-normalised). */
  charWeight: number;
  /** Value of each lexicon feature. */
  lexiconWeight: number;
  /**
   * Weight of the word-unigram block repeated under a "a group or slur is named"
   * flag, so the linear model can learn that an insult aimed at a group is hate while
   * the same word alone is only offensive (0 turns it off).
   */
  conjunctionWeight?: number;
}

export const DEFAULT_FEATURES: FeatureConfig = { bits: 18, wordMaxN: 3, charMinN: 2, charMaxN: 5, charWeight: 1.5, lexiconWeight: 0.5, conjunctionWeight: 0.5 };

export interface FeatureVector {
  index: Int32Array;
  value: Float32Array;
  length: number;
  /** The standardised pooled word vectors, when the extractor reads them (post mode; see PooledNet). */
  pooled?: Float32Array;
}

/** What an extractor needs to read pooled word vectors for a model's pooled net. */
export interface PooledReader {
  table: WordTable;
  net: PooledNet;
}

/** Which kind of feature an entry is, so an explanation can name it. */
export interface FeatureName {
  kind: 'word' | 'char' | 'lexicon';
  name: string;
  /** Word positions it covers (inclusive range into the word list); none for lexicon features. */
  from: number;
  to: number;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function fnvString(s: string, seed: number): number {
  let h = (FNV_OFFSET ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

function mix(a: number, b: number): number {
  let h = Math.imul(a ^ (b + 0x9e3779b9 + (a << 6) + (a >>> 2)), 0x85ebca6b);
  h ^= h >>> 13;
  return Math.imul(h, 0xc2b2ae35) >>> 0;
}

const SEED_WORD = 0x1234;
const SEED_CHAR = 0x5678;
const SEED_LEX = 0x9abc;
const SEED_CONJ = 0xdef0;

/** What extract() reads of one word on its own: its hash, and its character n-gram buckets and their idf values in order. */
interface WordParts {
  hash: number;
  chars: Int32Array;
  values: Float32Array;
}

/** Words whose parts a FeatureExtractor keeps per generation, two generations (about 0.4 kB each). */
const PARTS_CACHE_MAX = 8192;

/** Reusable buffers: feature extraction runs once per sentence, so it must not allocate much. */
export class FeatureExtractor {
  readonly config: FeatureConfig;
  private readonly mask: number;
  private index = new Int32Array(1024);
  private value = new Float32Array(1024);
  private names: FeatureName[] | null = null;
  /** Per word: its hash and character n-gram buckets (see partsOf). */
  private parts = new Map<string, WordParts>();
  private olderParts = new Map<string, WordParts>();
  private wordParts: WordParts[] = [];
  /** Inverse document frequency per bucket (from training); 1 everywhere when absent. */
  private readonly idf: Float32Array | null;

  /** Pooled word vectors read per vector (post mode), and their buffer. */
  private readonly pooled: PooledReader | null;
  private readonly pooledBuffer: Float32Array;

  constructor(config: FeatureConfig = DEFAULT_FEATURES, idf: Float32Array | null = null, pooled: PooledReader | null = null) {
    this.config = config;
    this.mask = (1 << config.bits) - 1;
    this.idf = idf;
    this.pooled = pooled;
    this.pooledBuffer = new Float32Array(pooled ? pooled.net.dims : 0);
  }

  /**
   * The feature vector of a list of normalised words plus lexicon feature names.
   * With `names`, also records what each entry is (for explanations; slower).
   * The returned vector shares buffers with the extractor: use it before the next call.
   */
  extract(words: readonly string[], lexicon: readonly string[] = [], names?: FeatureName[]): FeatureVector {
    const vector = names ? this.extractNamed(words, lexicon, names) : this.extractSparse(words, lexicon);
    if (this.pooled) {
      pooledInput(this.pooled.table, words, this.pooledBuffer, this.pooled.net);
      vector.pooled = this.pooledBuffer;
    }
    return vector;
  }

  private extractSparse(words: readonly string[], lexicon: readonly string[]): FeatureVector {
    let n = 0;
    const { wordMaxN } = this.config;
    const count = words.length;
    if (this.wordParts.length < count) this.wordParts = new Array<WordParts>(count * 2);
    const parts = this.wordParts;
    for (let i = 0; i < count; i++) parts[i] = this.partsOf(words[i]!);
    const idf = this.idf;
    // The same entries in the same order as extractNamed, from each word's cached hashes.
    const wordStart = n;
    for (let i = 0; i < count; i++) {
      let h = parts[i]!.hash;
      n = this.put(n, h & this.mask, idf);
      for (let k = 1; k < wordMaxN && i + k < count; k++) {
        h = mix(h, parts[i + k]!.hash);
        n = this.put(n, h & this.mask, idf);
      }
    }
    n = this.normalise(wordStart, n, 1);

    const charStart = n;
    for (let i = 0; i < count; i++) {
      const p = parts[i]!;
      const end = n + p.chars.length;
      while (end > this.index.length) this.grow();
      this.index.set(p.chars, n);
      this.value.set(p.values, n);
      n = end;
    }
    n = this.normalise(charStart, n, this.config.charWeight);

    const conj = this.config.conjunctionWeight ?? 0;
    if (conj > 0 && lexicon.length > 0) {
      const conjStart = n;
      for (let i = 0; i < count; i++) n = this.put(n, mix(parts[i]!.hash, SEED_CONJ) & this.mask, idf);
      n = this.normalise(conjStart, n, conj);
    }

    for (const name of lexicon) {
      const at = n;
      n = this.put(n, fnvString(name, SEED_LEX) & this.mask, idf);
      this.value[at] = this.config.lexiconWeight;
    }
    return { index: this.index, value: this.value, length: n };
  }

  /**
   * A word's hash and character n-gram entries; words repeat, so they are kept: the words
   * read since the last PARTS_CACHE_MAX new ones, and those of the generation before.
   */
  private partsOf(word: string): WordParts {
    const cached = this.parts.get(word);
    if (cached) return cached;
    // Two generations: a word read since the last turnover survives the next one.
    const older = this.olderParts.get(word);
    if (older) return this.keep(word, older);
    const { charMinN, charMaxN } = this.config;
    const length = word.length + 2;
    let total = 0;
    for (let a = 0; a + charMinN <= length; a++) total += Math.min(length - a, charMaxN) - charMinN + 1;
    const chars = new Int32Array(total);
    const values = new Float32Array(total);
    let k = 0;
    // Character n-grams of " word " read in place (space = 32 at both ends), as extractNamed hashes them.
    for (let a = 0; a + charMinN <= length; a++) {
      let h = (FNV_OFFSET ^ SEED_CHAR) >>> 0;
      for (let b = a; b < length && b - a < charMaxN; b++) {
        const code = b === 0 || b === length - 1 ? 32 : word.charCodeAt(b - 1);
        h = Math.imul(h ^ code, FNV_PRIME) >>> 0;
        if (b - a + 1 >= charMinN) {
          const j = h & this.mask;
          chars[k] = j;
          values[k++] = this.idf ? this.idf[j]! : 1;
        }
      }
    }
    return this.keep(word, { hash: fnvString(word, SEED_WORD), chars, values });
  }

  private keep(word: string, parts: WordParts): WordParts {
    if (this.parts.size >= PARTS_CACHE_MAX) {
      this.olderParts = this.parts;
      this.parts = new Map();
    }
    this.parts.set(word, parts);
    return parts;
  }

  private put(n: number, j: number, idf: Float32Array | null): number {
    if (n === this.index.length) this.grow();
    this.index[n] = j;
    this.value[n] = idf ? idf[j]! : 1;
    return n + 1;
  }

  /** extract() recording what each entry is (for explanations): the reference the fast path follows. */
  private extractNamed(words: readonly string[], lexicon: readonly string[], names: FeatureName[]): FeatureVector {
    this.names = names;
    let n = 0;
    const { wordMaxN, charMinN, charMaxN } = this.config;
    const wordHashes = words.map((w) => fnvString(w, SEED_WORD));

    const wordStart = n;
    for (let i = 0; i < words.length; i++) {
      let h = wordHashes[i]!;
      n = this.push(n, h, 'word', words, i, i);
      for (let k = 1; k < wordMaxN && i + k < words.length; k++) {
        h = mix(h, wordHashes[i + k]!);
        n = this.push(n, h, 'word', words, i, i + k);
      }
    }
    n = this.normalise(wordStart, n, 1);

    const charStart = n;
    for (let i = 0; i < words.length; i++) {
      const padded = ' ' + words[i]! + ' ';
      for (let a = 0; a + charMinN <= padded.length; a++) {
        let h = (FNV_OFFSET ^ SEED_CHAR) >>> 0;
        for (let b = a; b < padded.length && b - a < charMaxN; b++) {
          h = Math.imul(h ^ padded.charCodeAt(b), FNV_PRIME) >>> 0;
          if (b - a + 1 >= charMinN) n = this.push(n, h, 'char', words, i, i, padded.slice(a, b + 1));
        }
      }
    }
    n = this.normalise(charStart, n, this.config.charWeight);

    const conj = this.config.conjunctionWeight ?? 0;
    if (conj > 0 && lexicon.length > 0) {
      const conjStart = n;
      for (let i = 0; i < words.length; i++) n = this.push(n, mix(wordHashes[i]!, SEED_CONJ), 'word', words, i, i, `${words[i]!} (with a group named)`);
      n = this.normalise(conjStart, n, conj);
    }

    for (const name of lexicon) {
      const at = n;
      n = this.push(n, fnvString(name, SEED_LEX), 'lexicon', words, -1, -1, name);
      this.value[at] = this.config.lexiconWeight;
    }
    this.names = null;
    return { index: this.index, value: this.value, length: n };
  }

  private push(n: number, hash: number, kind: FeatureName['kind'], words: readonly string[], from: number, to: number, label?: string): number {
    if (n === this.index.length) this.grow();
    const j = hash & this.mask;
    this.index[n] = j;
    this.value[n] = this.idf ? this.idf[j]! : 1;
    if (this.names) this.names[n] = { kind, name: label ?? words.slice(from, to + 1).join(' '), from, to };
    return n + 1;
  }

  private normalise(from: number, to: number, scale: number): number {
    let squares = 0;
    for (let i = from; i < to; i++) squares += this.value[i]! * this.value[i]!;
    if (squares > 0) {
      const k = scale / Math.sqrt(squares);
      for (let i = from; i < to; i++) this.value[i]! *= k;
    }
    return to;
  }

  private grow(): void {
    const index = new Int32Array(this.index.length * 2);
    index.set(this.index);
    const value = new Float32Array(this.value.length * 2);
    value.set(this.value);
    this.index = index;
    this.value = value;
  }
}
