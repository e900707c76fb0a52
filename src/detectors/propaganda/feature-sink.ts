import type { FeatureTable } from './feature-table.js';
import { hashHi, hashLo, partPrefixHi, partPrefixLo } from './feature-table.js';
import { featureTableOf, type BinaryModel } from './linear.js';

type Part = string | number;

/**
 * Where feature extraction writes its features. A feature is a template and one to three
 * parts: `add2('pp=', 'DET', 'NOUN')` is the feature "pp=DET|NOUN". Training and
 * explanations take the strings (StringSink); scoring takes the weights (ScoreSink),
 * found without building the string.
 */
export interface FeatureSink {
  add(name: string): void;
  add1(template: string, a: Part): void;
  add2(template: string, a: Part, b: Part): void;
  add3(template: string, a: Part, b: Part, c: Part): void;
  /** `add1(template, words[k])`, where `words` is a word list of the document (a scoring sink looks its words up once). */
  add1w(template: string, words: readonly string[], k: number): void;
  /** `add2(template, words[k], words2[k2])`, as `add1w`. */
  add2ww(template: string, words: readonly string[], k: number, words2: readonly string[], k2: number): void;
}

/** Collects feature strings, exactly as the model's feature names are written. */
export class StringSink implements FeatureSink {
  readonly out: string[] = [];
  add(name: string): void {
    this.out.push(name);
  }
  add1(template: string, a: Part): void {
    this.out.push(`${template}${a}`);
  }
  add2(template: string, a: Part, b: Part): void {
    this.out.push(`${template}${a}|${b}`);
  }
  add3(template: string, a: Part, b: Part, c: Part): void {
    this.out.push(`${template}${a}|${b}|${c}`);
  }
  add1w(template: string, words: readonly string[], k: number): void {
    this.add1(template, words[k]!);
  }
  add2ww(template: string, words: readonly string[], k: number, words2: readonly string[], k2: number): void {
    this.add2(template, words[k]!, words2[k2]!);
  }
}

/** Key halves (feature-table.ts) of numbers 0..NUMBERS-1 at their own slot, then of strings as they are met. */
const NUMBERS = 1024;
const STRING_SLOTS = 1 << 14;
const keyLo = new Int32Array(NUMBERS + STRING_SLOTS);
const keyHi = new Int32Array(NUMBERS + STRING_SLOTS);
for (let n = 0; n < NUMBERS; n++) {
  keyLo[n] = hashLo(String(n));
  keyHi[n] = hashHi(String(n));
}
/** Slot of each string part seen (templates, tags, labels, bins): they recur, so each is hashed once. */
const stringSlots = new Map<string, number>();

/**
 * The slot holding a part's key halves. Read both halves before the next call: when the
 * slots run out (a stream of distinct words passed as plain parts), they are reused.
 */
function slotOf(part: Part): number {
  if (typeof part === 'number') {
    if (part >= 0 && part < NUMBERS && Number.isInteger(part)) return part;
    part = String(part);
  }
  let slot = stringSlots.get(part);
  if (slot === undefined) {
    if (stringSlots.size === STRING_SLOTS) stringSlots.clear();
    slot = NUMBERS + stringSlots.size;
    stringSlots.set(part, slot);
    keyLo[slot] = hashLo(part);
    keyHi[slot] = hashHi(part);
  }
  return slot;
}

/**
 * The key prefixes (feature-table.ts `partPrefixLo`/`partPrefixHi`) of each template for
 * one to three parts, at 4 * its number + part count: templates are a few dozen string
 * literals, so each is hashed and mixed once per process.
 */
const templateNumbers = new Map<string, number>();
let prefixLo = new Int32Array(4 * 64);
let prefixHi = new Int32Array(4 * 64);

/** The number of a template, its prefixes computed on first sight. */
function templateOf(template: string): number {
  let t = templateNumbers.get(template);
  if (t === undefined) {
    t = templateNumbers.size;
    if (4 * t + 4 > prefixLo.length) {
      const lo = new Int32Array(2 * prefixLo.length), hi = new Int32Array(2 * prefixHi.length);
      lo.set(prefixLo);
      hi.set(prefixHi);
      prefixLo = lo;
      prefixHi = hi;
    }
    const tl = hashLo(template), th = hashHi(template);
    for (let n = 1; n <= 3; n++) {
      prefixLo[4 * t + n] = partPrefixLo(n, tl);
      prefixHi[4 * t + n] = partPrefixHi(n, th);
    }
    templateNumbers.set(template, t);
  }
  return 4 * t;
}

/** Key halves of each word of a document's word list (norms, lemmas), [lo, hi] per word, once per list. */
const wordKeys = new WeakMap<readonly string[], Int32Array>();

function keysOfWords(words: readonly string[]): Int32Array {
  let keys = wordKeys.get(words);
  if (!keys) {
    keys = new Int32Array(2 * words.length);
    for (let k = 0; k < words.length; k++) {
      keys[2 * k] = hashLo(words[k]!);
      keys[2 * k + 1] = hashHi(words[k]!);
    }
    wordKeys.set(words, keys);
  }
  return keys;
}

/**
 * Sums a binary model's weights over the features written to it, in the order written,
 * so the sum is the one `binaryScore` gives over the same features as strings. A feature
 * is found in the model's hashed table (feature-table.ts) from the hashes of its
 * template and parts: the template and other short parts are hashed once per process,
 * a document's words once per document (see `add1w`), and no string is built.
 */
export class ScoreSink implements FeatureSink {
  z = 0;
  /** When set, each feature's weight is also summed by feature id (in first-seen order), to explain a span. */
  tally: Map<number, number> | null = null;
  private readonly table: FeatureTable;
  private readonly weights: Float32Array;
  /** The last two word lists looked up and their keys (a document's norms and lemmas alternate), before the WeakMap. */
  private words0: readonly string[] | null = null;
  private keys0: Int32Array = new Int32Array(0);
  private words1: readonly string[] | null = null;
  private keys1: Int32Array = new Int32Array(0);
  constructor(model: BinaryModel) {
    this.table = featureTableOf(model, true);
    this.weights = model.weights;
  }

  reset(): this {
    this.z = 0;
    this.tally = null;
    return this;
  }
  add(name: string): void {
    const s = slotOf(name);
    this.hit(this.table.findWhole(keyLo[s]!, keyHi[s]!, name));
  }
  add1(template: string, a: Part): void {
    const t = templateOf(template) + 1;
    const p = slotOf(a);
    this.hit(this.table.findFrom(1, prefixLo[t]!, prefixHi[t]!, keyLo[p]!, keyHi[p]!, 0, 0, 0, 0));
  }
  add2(template: string, a: Part, b: Part): void {
    const t = templateOf(template) + 2;
    const p = slotOf(a);
    const al = keyLo[p]!, ah = keyHi[p]!;
    const q = slotOf(b);
    this.hit(this.table.findFrom(2, prefixLo[t]!, prefixHi[t]!, al, ah, keyLo[q]!, keyHi[q]!, 0, 0));
  }
  add3(template: string, a: Part, b: Part, c: Part): void {
    const t = templateOf(template) + 3;
    const p = slotOf(a);
    const al = keyLo[p]!, ah = keyHi[p]!;
    const q = slotOf(b);
    const bl = keyLo[q]!, bh = keyHi[q]!;
    const r = slotOf(c);
    this.hit(this.table.findFrom(3, prefixLo[t]!, prefixHi[t]!, al, ah, bl, bh, keyLo[r]!, keyHi[r]!));
  }
  add1w(template: string, words: readonly string[], k: number): void {
    const w = this.keysOf(words);
    const t = templateOf(template) + 1;
    this.hit(this.table.findFrom(1, prefixLo[t]!, prefixHi[t]!, w[2 * k]!, w[2 * k + 1]!, 0, 0, 0, 0));
  }
  add2ww(template: string, words: readonly string[], k: number, words2: readonly string[], k2: number): void {
    const w = this.keysOf(words);
    const w2 = this.keysOf(words2);
    const t = templateOf(template) + 2;
    this.hit(this.table.findFrom(2, prefixLo[t]!, prefixHi[t]!, w[2 * k]!, w[2 * k + 1]!, w2[2 * k2]!, w2[2 * k2 + 1]!, 0, 0));
  }

  private keysOf(words: readonly string[]): Int32Array {
    if (words === this.words0) return this.keys0;
    if (words === this.words1) return this.keys1;
    const keys = keysOfWords(words);
    this.words1 = this.words0;
    this.keys1 = this.keys0;
    this.words0 = words;
    this.keys0 = keys;
    return keys;
  }

  private hit(id: number): void {
    if (id < 0) return;
    const weight = this.weights[id]!;
    this.z += weight;
    if (this.tally) this.tally.set(id, (this.tally.get(id) ?? 0) + weight);
  }
}

const sinks = new WeakMap<BinaryModel, ScoreSink>();

/** The score sink of a model, kept with it: reset, ready for one feature list. */
export function scoreSinkOf(model: BinaryModel): ScoreSink {
  let sink = sinks.get(model);
  if (!sink) {
    sink = new ScoreSink(model);
    sinks.set(model, sink);
  }
  return sink.reset();
}
