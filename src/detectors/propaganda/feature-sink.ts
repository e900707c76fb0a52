import type { FeatureTable } from './feature-table.js';
import { hashHi, hashLo } from './feature-table.js';
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
    const t = slotOf(template);
    const tl = keyLo[t]!, th = keyHi[t]!;
    const p = slotOf(a);
    this.hit(this.table.findParts(1, tl, th, keyLo[p]!, keyHi[p]!, 0, 0, 0, 0));
  }
  add2(template: string, a: Part, b: Part): void {
    const t = slotOf(template);
    const tl = keyLo[t]!, th = keyHi[t]!;
    const p = slotOf(a);
    const al = keyLo[p]!, ah = keyHi[p]!;
    const q = slotOf(b);
    this.hit(this.table.findParts(2, tl, th, al, ah, keyLo[q]!, keyHi[q]!, 0, 0));
  }
  add3(template: string, a: Part, b: Part, c: Part): void {
    const t = slotOf(template);
    const tl = keyLo[t]!, th = keyHi[t]!;
    const p = slotOf(a);
    const al = keyLo[p]!, ah = keyHi[p]!;
    const q = slotOf(b);
    const bl = keyLo[q]!, bh = keyHi[q]!;
    const r = slotOf(c);
    this.hit(this.table.findParts(3, tl, th, al, ah, bl, bh, keyLo[r]!, keyHi[r]!));
  }
  add1w(template: string, words: readonly string[], k: number): void {
    const w = keysOfWords(words);
    const t = slotOf(template);
    this.hit(this.table.findParts(1, keyLo[t]!, keyHi[t]!, w[2 * k]!, w[2 * k + 1]!, 0, 0, 0, 0));
  }
  add2ww(template: string, words: readonly string[], k: number, words2: readonly string[], k2: number): void {
    const w = keysOfWords(words);
    const w2 = keysOfWords(words2);
    const t = slotOf(template);
    this.hit(this.table.findParts(2, keyLo[t]!, keyHi[t]!, w[2 * k]!, w[2 * k + 1]!, w2[2 * k2]!, w2[2 * k2 + 1]!, 0, 0));
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
