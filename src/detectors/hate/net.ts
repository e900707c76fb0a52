import { readFileSync } from 'node:fs';
import { UnspinError } from '../../core/errors.js';
import { failer, frame, readShipped, unframe } from '../claims/framing.js';
import { defaultWordTable, type WordTable } from '../../text/word-table.js';
import { HATE_CLASSES, type HateClass } from './model.js';

/**
 * A fastText-style network over the placeholder-masked words of a unit (group mentions
 * read GRP or SLUR, so "GRP are vermin" is learned once for every group):
 *
 *   x = [mean GloVe vector, max-pooled GloVe vector, mean of learned embeddings of hashed
 *        word unigrams, bigrams and character 3-5 grams]
 *   h = relu(W1 x + b1);  p = softmax(W2 h + b2)
 *
 * Hidden width 32: as good as 64 on the carves (HateXplain carve macro-F1 0.560 vs 0.565)
 * at half the cost per unit. GloVe vectors come from the shared word table (models/words.bin); the learned
 * embeddings catch misspellings and words the table lacks. Stored as models/hate-net.bin:
 * the embeddings in int8 with a scale per row, the dense layers in float32.
 */
export interface HateNetConfig {
  /** log2 of the number of hashed embedding rows. */
  bits: number;
  /** Width of a learned embedding. */
  embed: number;
  hidden: number;
  charMin: number;
  charMax: number;
  /**
   * Negation scope, in words (0 or absent: none). Words up to this many after a negation
   * cue ("not", "never", "no", "nothing"...; the scope ends at a group mention or a
   * clause word such as "but") also feed a third GloVe block (their mean) and hashed
   * negated-unigram rows, so "GRP are not criminals" and "GRP are never honest" read
   * differently from "GRP are criminals" and "GRP are honest", for every word the
   * table knows.
   */
  negation?: number;
  /**
   * GloVe blocks pool content words only: function words (FUNCTION_WORDS) reach the network
   * through their hashed unigram, bigram and character rows alone, so that the pooled
   * vectors, most of the input, read the words that carry meaning (absent: every word).
   */
  content?: boolean;
}

export const DEFAULT_NET: HateNetConfig = { bits: 16, embed: 16, hidden: 32, charMin: 3, charMax: 5, negation: 5 };

/**
 * Words that cannot carry hate on their own; occlusion skips them (it costs a forward pass
 * per word), and the network is trained to read a unit of only these and group
 * placeholders ("GRP are") as normal (scripts/train-hate-net.ts).
 */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'and', 'or', 'of', 'to', 'in', 'on', 'at', 'for', 'with', 'from', 'by', 'as', 'is', 'are', 'was', 'were', 'be', 'been', 'am', 're', 'it', 'its', 'this', 'that', 'these', 'those', 'i', 'you', 'we', 'he', 'she', 'my', 'our', 'your', 'me', 'us', 'do', 'does', 'did', 'have', 'has', 'had', 'so', 'just', 'there', 'here', 'what', 'who', 'which', 'if', 'about', 'up', 'out', 'now', 'then', 'than', 'too', 'very', 'will', 'would', 'can', 'could']);

/** Words that open a negation scope (contractions reach the network as "not"). */
export const NEGATION_CUES: ReadonlySet<string> = new Set(['not', 'never', 'no', 'nothing', 'none', 'nobody', 'noone', 'neither', 'nor', 'cannot', 'without', 'hardly']);
/** Words that close one (besides a group mention that is not the cue's own object, "no GRP person"). */
const SCOPE_ENDS: ReadonlySet<string> = new Set(['but', 'because', 'although', 'though', 'yet', 'while', 'whereas', 'so', 'SLUR']);

/** How many GloVe blocks of `glove` values the input holds: mean and max, and the negated mean. */
function gloveBlocks(config: HateNetConfig): number {
  return config.negation ? 3 : 2;
}

export interface HateNet {
  name: string;
  version: string;
  classes: readonly HateClass[];
  config: HateNetConfig;
  /** GloVe width (the word table's dims). */
  glove: number;
  /**
   * 2^bits x embed: float32 while training; as read from models/hate-net.bin, int8 with a
   * scale per row, kept so in memory (1 MB instead of 4 MB of float32).
   */
  embeddings: Float32Array | Int8Rows;
  /** hidden x inputs, row-major. */
  w1: Float32Array;
  b1: Float32Array;
  /** classes x hidden. */
  w2: Float32Array;
  b2: Float32Array;
  figures?: Record<string, unknown>;
}

/** Embedding rows in int8, value = q[r * embed + e] * scales[r] (rounded to float32). */
export interface Int8Rows {
  q: Int8Array;
  scales: Float32Array;
}

/** One embedding value, whichever form the network holds. */
export function embeddingAt(net: Pick<HateNet, 'embeddings' | 'config'>, row: number, e: number): number {
  const emb = net.embeddings;
  if (emb instanceof Float32Array) return emb[row * net.config.embed + e]!;
  return Math.fround(emb.q[row * net.config.embed + e]! * emb.scales[row]!);
}

export function inputWidth(net: Pick<HateNet, 'glove' | 'config'>): number {
  return gloveBlocks(net.config) * net.glove + net.config.embed;
}

/**
 * Negation scope, one word at a time: `left` is how many more words the open scope
 * covers (0: none open). Returns the new `left` and whether `word` is inside the scope.
 */
function scopeStep(word: string, left: number, window: number): { left: number; inside: boolean } {
  if (NEGATION_CUES.has(word)) return { left: window, inside: false };
  if (left === 0) return { left, inside: false };
  // "no GRP person can be trusted": the cue's own object does not close it.
  if (word === 'GRP') return left === window ? { left, inside: false } : { left: 0, inside: false };
  if (SCOPE_ENDS.has(word)) return { left: 0, inside: false };
  return { left: left - 1, inside: true };
}

/** What the network reads of one unit: the GloVe part of x and the hashed feature rows. */
export interface NetInput {
  glove: Float32Array;
  rows: Int32Array;
  length: number;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function fnv(s: string, seed: number, h = (FNV_OFFSET ^ seed) >>> 0): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME) >>> 0;
  return h;
}

const SEED_WORD = 0x51;
const SEED_BIGRAM = 0x52;
const SEED_CHAR = 0x53;
const SEED_NEGATED = 0x54;

/** Reads the network's input off placeholder words; buffers are reused between calls. */
export class NetFeaturizer {
  private rows = new Int32Array(512);
  private readonly glove: Float32Array;
  constructor(
    readonly config: HateNetConfig,
    readonly table: WordTable,
  ) {
    this.glove = new Float32Array(gloveBlocks(config) * table.dims);
  }

  read(words: readonly string[]): NetInput {
    const dims = this.table.dims;
    const g = this.glove;
    g.fill(0);
    let known = 0;
    const mask = (1 << this.config.bits) - 1;
    let n = 0;
    const window = this.config.negation ?? 0;
    let left = 0;
    let negated = 0;
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      const id = this.gloveId(w);
      if (id >= 0) this.pool(id, known++ === 0);
      n = this.push(n, fnv(w, SEED_WORD) & mask);
      if (window > 0) {
        const step = scopeStep(w, left, window);
        left = step.left;
        if (step.inside) {
          n = this.push(n, fnv(w, SEED_NEGATED) & mask);
          if (id >= 0) negated += this.poolNegated(id);
        }
      }
      if (i + 1 < words.length) n = this.push(n, fnv(words[i + 1]!, SEED_BIGRAM, fnv(w, SEED_BIGRAM)) & mask);
      if (w === 'GRP' || w === 'SLUR') continue;
      // Character n-grams of "<word>", read in place (no padded copy of the word).
      const length = w.length + 2;
      for (let a = 0; a < length; a++) {
        let h = (FNV_OFFSET ^ SEED_CHAR) >>> 0;
        for (let b = a; b < length && b - a < this.config.charMax; b++) {
          const code = b === 0 ? 60 : b === length - 1 ? 62 : w.charCodeAt(b - 1);
          h = Math.imul(h ^ code, FNV_PRIME) >>> 0;
          if (b - a + 1 >= this.config.charMin && !(a === 0 && b === length - 1)) n = this.push(n, h & mask);
        }
      }
    }
    if (known > 0) for (let d = 0; d < dims; d++) g[d]! /= known;
    if (negated > 0) for (let d = 2 * dims; d < 3 * dims; d++) g[d]! /= negated;
    return { glove: g, rows: this.rows, length: n };
  }

  /**
   * What read() computes of each word on its own (GloVe row, unigram and character rows, the
   * seed of its bigrams), so that reading the unit with one word left out (occlusion) costs
   * no hashing of the other words' characters.
   */
  prepare(words: readonly string[]): WordCache {
    const mask = (1 << this.config.bits) - 1;
    const ids = new Int32Array(words.length);
    const unigrams = new Int32Array(words.length);
    const bigramSeeds = new Uint32Array(words.length);
    const negatedRows = new Int32Array(words.length);
    const chars: Int32Array[] = [];
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      ids[i] = this.gloveId(w);
      unigrams[i] = fnv(w, SEED_WORD) & mask;
      negatedRows[i] = fnv(w, SEED_NEGATED) & mask;
      bigramSeeds[i] = fnv(w, SEED_BIGRAM);
      const rows: number[] = [];
      if (w !== 'GRP' && w !== 'SLUR') {
        const length = w.length + 2;
        for (let a = 0; a < length; a++) {
          let h = (FNV_OFFSET ^ SEED_CHAR) >>> 0;
          for (let b = a; b < length && b - a < this.config.charMax; b++) {
            const code = b === 0 ? 60 : b === length - 1 ? 62 : w.charCodeAt(b - 1);
            h = Math.imul(h ^ code, FNV_PRIME) >>> 0;
            if (b - a + 1 >= this.config.charMin && !(a === 0 && b === length - 1)) rows.push(h & mask);
          }
        }
      }
      chars.push(Int32Array.from(rows));
    }
    return { words, ids, unigrams, bigramSeeds, negatedRows, chars };
  }

  /** read() of the cached words with word `skip` left out (-1: none); the same input, bit for bit. */
  readPrepared(cache: WordCache, skip = -1): NetInput {
    const dims = this.table.dims;
    const g = this.glove;
    g.fill(0);
    let known = 0;
    const mask = (1 << this.config.bits) - 1;
    let n = 0;
    const count = cache.words.length;
    const window = this.config.negation ?? 0;
    let left = 0;
    let negated = 0;
    for (let i = 0; i < count; i++) {
      if (i === skip) continue;
      const id = cache.ids[i]!;
      if (id >= 0) this.pool(id, known++ === 0);
      n = this.push(n, cache.unigrams[i]!);
      if (window > 0) {
        const step = scopeStep(cache.words[i]!, left, window);
        left = step.left;
        if (step.inside) {
          n = this.push(n, cache.negatedRows[i]!);
          if (id >= 0) negated += this.poolNegated(id);
        }
      }
      const next = i + 1 === skip ? i + 2 : i + 1;
      if (next < count) n = this.push(n, fnv(cache.words[next]!, SEED_BIGRAM, cache.bigramSeeds[i]!) & mask);
      const rows = cache.chars[i]!;
      for (let k = 0; k < rows.length; k++) n = this.push(n, rows[k]!);
    }
    if (known > 0) for (let d = 0; d < dims; d++) g[d]! /= known;
    if (negated > 0) for (let d = 2 * dims; d < 3 * dims; d++) g[d]! /= negated;
    return { glove: g, rows: this.rows, length: n };
  }

  /** The word's row in the word table as the GloVe blocks read it (-1: not pooled). */
  private gloveId(w: string): number {
    return this.config.content && FUNCTION_WORDS.has(w) ? -1 : this.table.id(w);
  }

  /** Adds word `id`'s vector to the negated-words sum (third block); returns 1. */
  private poolNegated(id: number): number {
    const dims = this.table.dims;
    const g = this.glove;
    const vectors = this.table.vectors;
    const base = id * dims;
    for (let d = 0; d < dims; d++) g[2 * dims + d]! += vectors[base + d]! / 127;
    return 1;
  }

  /** Adds word `id`'s vector to the sum (first half of the pooled input) and the running maximum (second half). */
  private pool(id: number, first: boolean): void {
    const dims = this.table.dims;
    const g = this.glove;
    const vectors = this.table.vectors;
    const base = id * dims;
    for (let d = 0; d < dims; d++) {
      const v = vectors[base + d]! / 127;
      g[d]! += v;
      if (first || v > g[dims + d]!) g[dims + d] = v;
    }
  }

  private push(n: number, row: number): number {
    if (n === this.rows.length) {
      const grown = new Int32Array(n * 2);
      grown.set(this.rows);
      this.rows = grown;
    }
    this.rows[n] = row;
    return n + 1;
  }
}

/** Per-word parts of a unit's network input (NetFeaturizer.prepare). */
export interface WordCache {
  words: readonly string[];
  ids: Int32Array;
  unigrams: Int32Array;
  bigramSeeds: Uint32Array;
  /** Each word's negated-unigram row (read only inside a negation scope). */
  negatedRows: Int32Array;
  chars: Int32Array[];
}

/** Scratch space for one forward pass (kept by the caller so nothing is allocated per unit). */
export interface NetState {
  x: Float32Array;
  z1: Float32Array;
  h: Float32Array;
  p: Float64Array;
}

export function netState(net: HateNet): NetState {
  return { x: new Float32Array(inputWidth(net)), z1: new Float32Array(net.config.hidden), h: new Float32Array(net.config.hidden), p: new Float64Array(net.classes.length) };
}

/** Class probabilities of one input; fills `state` (x, hidden layer, p) for training and explanations. */
export function forward(net: HateNet, input: NetInput, state: NetState): Float64Array {
  const { x, z1, h, p } = state;
  const E = net.config.embed;
  const G = x.length - E;
  x.set(input.glove);
  for (let e = 0; e < E; e++) x[G + e] = 0;
  if (input.length > 0) {
    const emb = net.embeddings;
    if (emb instanceof Float32Array) {
      for (let i = 0; i < input.length; i++) {
        const base = input.rows[i]! * E;
        for (let e = 0; e < E; e++) x[G + e]! += emb[base + e]!;
      }
    } else {
      // Math.fround: the same float32 value the expanded table held, so scores are unchanged bit for bit.
      const { q, scales } = emb;
      for (let i = 0; i < input.length; i++) {
        const row = input.rows[i]!;
        const base = row * E;
        const scale = scales[row]!;
        for (let e = 0; e < E; e++) x[G + e]! += Math.fround(q[base + e]! * scale);
      }
    }
    for (let e = 0; e < E; e++) x[G + e]! /= input.length;
  }
  const D = x.length;
  const H = net.config.hidden;
  const count = nonZeroSegments(x);
  const segments = segmentBuffer;
  const w1 = net.w1;
  const b1 = net.b1;
  for (let j = 0; j < H; j++) {
    let s = b1[j]!;
    const base = j * D;
    for (let k = 0; k < count; k += 2) {
      const end = segments[k + 1]!;
      for (let d = segments[k]!; d < end; d++) s += w1[base + d]! * x[d]!;
    }
    z1[j] = s;
    h[j] = s > 0 ? s : 0;
  }
  let max = -Infinity;
  for (let c = 0; c < p.length; c++) {
    let s = net.b2[c]!;
    for (let j = 0; j < H; j++) s += net.w2[c * H + j]! * h[j]!;
    p[c] = s;
    if (s > max) max = s;
  }
  let sum = 0;
  for (let c = 0; c < p.length; c++) {
    p[c] = Math.exp(p[c]! - max);
    sum += p[c]!;
  }
  for (let c = 0; c < p.length; c++) p[c]! /= sum;
  return p;
}

/** Zero runs shorter than this are summed through; longer ones are skipped. */
const ZERO_RUN = 8;
let segmentBuffer = new Int32Array(64);

/**
 * [start, end) pairs covering x except its runs of at least ZERO_RUN zeros (the negated
 * block when nothing is negated, the GloVe blocks when no word is known). A zero input adds
 * w * 0 = ±0 to a hidden unit's sum, which leaves the sum as it is (at most the sign of a
 * zero sum, which ReLU and training's z > 0 read alike): the same scores, bit for bit.
 * Writes them to segmentBuffer; returns how many numbers it wrote.
 */
function nonZeroSegments(x: Float32Array): number {
  if (segmentBuffer.length < x.length + 2) segmentBuffer = new Int32Array(x.length + 2);
  const out = segmentBuffer;
  let n = 0;
  let start = 0;
  for (let d = 0; d < x.length; ) {
    if (x[d] !== 0) {
      d++;
      continue;
    }
    let e = d + 1;
    while (e < x.length && x[e] === 0) e++;
    if (e - d >= ZERO_RUN) {
      if (d > start) {
        out[n++] = start;
        out[n++] = d;
      }
      start = e;
    }
    d = e;
  }
  if (start < x.length) {
    out[n++] = start;
    out[n++] = x.length;
  }
  return n;
}

/**
 * Log-odds of class `c` against the others after forward() filled `state`, from the output
 * scores rather than the probabilities, so that two saturated decisions (p = 1 to double
 * precision) still compare.
 */
export function logOdds(net: HateNet, state: NetState, c: number): number {
  const H = net.config.hidden;
  const K = net.classes.length;
  let target = 0;
  let max = -Infinity;
  const scores: number[] = [];
  for (let k = 0; k < K; k++) {
    let s = net.b2[k]!;
    for (let j = 0; j < H; j++) s += net.w2[k * H + j]! * state.h[j]!;
    if (k === c) target = s;
    else {
      scores.push(s);
      if (s > max) max = s;
    }
  }
  let sum = 0;
  for (const s of scores) sum += Math.exp(s - max);
  return target - (max + Math.log(sum));
}

const MAGIC = 'UNSPINHN';

interface NetHeader {
  name: string;
  version: string;
  classes: HateClass[];
  config: HateNetConfig;
  glove: number;
  figures?: Record<string, unknown>;
}

/** The embeddings as int8 rows (as they are, when the network already holds them so). */
function quantiseRows(net: HateNet): Int8Rows {
  const emb = net.embeddings;
  if (!(emb instanceof Float32Array)) return emb;
  const E = net.config.embed;
  const rows = 1 << net.config.bits;
  const q = new Int8Array(rows * E);
  const scales = new Float32Array(rows);
  for (let r = 0; r < rows; r++) {
    let max = 0;
    for (let e = 0; e < E; e++) max = Math.max(max, Math.abs(emb[r * E + e]!));
    const scale = max / 127 || 1;
    scales[r] = scale;
    for (let e = 0; e < E; e++) q[r * E + e] = Math.round(emb[r * E + e]! / scale);
  }
  return { q, scales };
}

/** int8 embeddings with one float32 scale per row; dense layers as float32. */
export function encodeNet(net: HateNet): Buffer {
  const { q, scales } = quantiseRows(net);
  const header: NetHeader = { name: net.name, version: net.version, classes: [...net.classes], config: net.config, glove: net.glove, ...(net.figures ? { figures: net.figures } : {}) };
  const f32 = (a: Float32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  return frame(MAGIC, header, [Buffer.from(q.buffer), f32(scales), f32(net.w1), f32(net.b1), f32(net.w2), f32(net.b2)]);
}

export function decodeNet(bytes: Buffer, source: string): HateNet {
  const fail = failer(source);
  const { header, bodyAt } = unframe<NetHeader>(bytes, MAGIC, 'an unspin hate network', source);
  const { config, glove, classes } = header;
  if (!config || !Array.isArray(classes) || classes.some((c) => !HATE_CLASSES.includes(c))) fail('bad header');
  const rows = 1 << config.bits;
  const E = config.embed;
  const D = inputWidth({ glove, config });
  const sizes = [rows * E, 4 * rows, 4 * config.hidden * D, 4 * config.hidden, 4 * classes.length * config.hidden, 4 * classes.length];
  if (bodyAt + sizes.reduce((a, b) => a + b, 0) !== bytes.length) fail('weights do not match the header');
  let at = bodyAt;
  const take = (n: number) => {
    const slice = bytes.buffer.slice(bytes.byteOffset + at, bytes.byteOffset + at + n);
    at += n;
    return slice;
  };
  // Kept in int8 (forward() scales each row as it reads it).
  const embeddings: Int8Rows = { q: new Int8Array(take(sizes[0]!)), scales: new Float32Array(take(sizes[1]!)) };
  return {
    name: header.name,
    version: header.version,
    classes,
    config,
    glove,
    embeddings,
    w1: new Float32Array(take(sizes[2]!)),
    b1: new Float32Array(take(sizes[3]!)),
    w2: new Float32Array(take(sizes[4]!)),
    b2: new Float32Array(take(sizes[5]!)),
    ...(header.figures ? { figures: header.figures } : {}),
  };
}

export const NET_FILE = 'hate-net.bin';

let shared: { net: HateNet; featurizer: NetFeaturizer } | undefined;
/** A candidate network to read instead of the shipped one (`unspin eval hate --net FILE`). */
let candidatePath: string | undefined;

/**
 * Reads the network from `path` instead of models/hate-net.bin, so that a candidate can be
 * evaluated without replacing the shipped file; call before the first detection.
 */
export function useHateNetFile(path: string): void {
  candidatePath = path;
  shared = undefined;
}

function readNetBytes(): { path: string; bytes: Buffer } {
  if (candidatePath === undefined) return readShipped(NET_FILE, 'hate network', 'npm run train:hate-net -- --data DIR');
  try {
    return { path: candidatePath, bytes: readFileSync(candidatePath) };
  } catch (cause) {
    throw new UnspinError('MODEL_INVALID', `${candidatePath}: hate network missing`, { input: candidatePath, cause });
  }
}

/** The shipped network (or the candidate set by useHateNetFile) and a featurizer over the shared word table, read on first use. */
export function defaultHateNet(): { net: HateNet; featurizer: NetFeaturizer } {
  if (shared) return shared;
  const { path, bytes } = readNetBytes();
  const net = decodeNet(bytes, path);
  const table = defaultWordTable();
  if (table.dims !== net.glove) failer(path)(`trained on ${net.glove}-dimensional vectors, the word table has ${table.dims}`);
  shared = { net, featurizer: new NetFeaturizer(net.config, table) };
  return shared;
}
