import type { FeatureTable } from './feature-table.js';
import { hashHi, hashLo, partPrefixHi, partPrefixLo } from './feature-table.js';
import { featureTableOf, type BinaryModel } from './linear.js';
import { strongestFirst } from './explain.js';
import { vocabularyGeneration, wordCacheLength, wordKeys, wordNumbersOf, type WordNumbers } from './vocabulary.js';

type Part = string | number | PartSymbol;

/**
 * A part written for nearly every token (a POS tag), given a fixed slot once per process
 * (see `partSymbol`): a scoring sink reads the slot instead of hashing the text, and a
 * string sink writes the text.
 */
export class PartSymbol {
  constructor(
    readonly text: string,
    readonly slot: number,
  ) {}
  toString(): string {
    return this.text;
  }
}

function partText(part: Part): string | number {
  return typeof part === 'object' ? part.text : part;
}

/** A feature template ("pp="), numbered once (see `templates`); sinks take one or the template string itself. */
export class Template {
  constructor(
    readonly name: string,
    /** 4 * the template's number (see `prefixLo`). */
    readonly key: number,
  ) {}
}

/** Templates by name, each numbered once per process, so a scoring sink needs no lookup to find one. */
export function templates<K extends string>(names: readonly K[]): Record<K, Template> {
  const out = {} as Record<K, Template>;
  for (const name of names) out[name] = new Template(name, templateNumberOf(name));
  return out;
}

type TemplateLike = string | Template;

function nameOf(template: TemplateLike): string {
  return typeof template === 'string' ? template : template.name;
}

function keyOf(template: TemplateLike): number {
  return typeof template === 'string' ? templateOf(template) : template.key;
}

/**
 * Where feature extraction writes its features. A feature is a template and one to three
 * parts: `add2('pp=', 'DET', 'NOUN')` is the feature "pp=DET|NOUN". Training and
 * explanations take the strings (StringSink); scoring takes the weights (ScoreSink),
 * found without building the string.
 */
export interface FeatureSink {
  add(name: string): void;
  add1(template: TemplateLike, a: Part): void;
  add2(template: TemplateLike, a: Part, b: Part): void;
  add3(template: TemplateLike, a: Part, b: Part, c: Part): void;
  /** `add1(template, words[k])`, where `words` is a word list of the document (a scoring sink looks its words up once). */
  add1w(template: TemplateLike, words: readonly string[], k: number): void;
  /** `add2(template, words[k], words2[k2])`, as `add1w`. */
  add2ww(template: TemplateLike, words: readonly string[], k: number, words2: readonly string[], k2: number): void;
}

/** Collects feature strings, exactly as the model's feature names are written. */
export class StringSink implements FeatureSink {
  readonly out: string[] = [];
  add(name: string): void {
    this.out.push(name);
  }
  add1(template: TemplateLike, a: Part): void {
    this.out.push(`${nameOf(template)}${partText(a)}`);
  }
  add2(template: TemplateLike, a: Part, b: Part): void {
    this.out.push(`${nameOf(template)}${partText(a)}|${partText(b)}`);
  }
  add3(template: TemplateLike, a: Part, b: Part, c: Part): void {
    this.out.push(`${nameOf(template)}${partText(a)}|${partText(b)}|${partText(c)}`);
  }
  add1w(template: TemplateLike, words: readonly string[], k: number): void {
    this.add1(template, words[k]!);
  }
  add2ww(template: TemplateLike, words: readonly string[], k: number, words2: readonly string[], k2: number): void {
    this.add2(template, words[k]!, words2[k2]!);
  }
}

/** Key halves (feature-table.ts) of numbers 0..NUMBERS-1 at their own slot, then of part symbols, then of strings as they are met. */
const NUMBERS = 1024;
const SYMBOLS = 64;
const STRING_SLOTS = 1 << 14;
const keyLo = new Int32Array(NUMBERS + SYMBOLS + STRING_SLOTS);
const keyHi = new Int32Array(NUMBERS + SYMBOLS + STRING_SLOTS);
for (let n = 0; n < NUMBERS; n++) {
  keyLo[n] = hashLo(String(n));
  keyHi[n] = hashHi(String(n));
}
/** Slot of each string part seen (templates, tags, labels, bins): they recur, so each is hashed once. */
const stringSlots = new Map<string, number>();
/** Bumped when the string slots are reused, so the sinks' memos of ids by slot (see `IdMemo`) are dropped. */
let slotGeneration = 0;

/**
 * The slot holding a part's key halves. Read both halves before the next call: when the
 * slots run out (a stream of distinct words passed as plain parts), they are reused.
 */
function slotOf(part: Part): number {
  if (typeof part === 'object') return part.slot;
  if (typeof part === 'number') {
    if (part >= 0 && part < NUMBERS && Number.isInteger(part)) return part;
    part = String(part);
  }
  // The same few parts (tags, bins) come again and again: a small cache by a quick hash
  // of their first characters answers most before the map.
  const h = shortHash(part);
  if (partCacheKey[h] === part) return partCacheSlot[h]!;
  let slot = stringSlots.get(part);
  if (slot === undefined) {
    if (stringSlots.size === STRING_SLOTS) {
      stringSlots.clear();
      partCacheKey.fill(undefined);
      slotGeneration++;
    }
    slot = NUMBERS + SYMBOLS + stringSlots.size;
    stringSlots.set(part, slot);
    keyLo[slot] = hashLo(part);
    keyHi[slot] = hashHi(part);
  }
  partCacheKey[h] = part;
  partCacheSlot[h] = slot;
  return slot;
}

/** A quick hash of a string's length and first 12 characters, an index into the small caches. */
function shortHash(s: string): number {
  const n = s.length;
  let h = n;
  for (let i = 0; i < n && i < 12; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> (32 - SMALL_CACHE_BITS);
}

/** Entries of the small caches: far more than the few dozen templates and tags, so that they seldom share one. */
const SMALL_CACHE_BITS = 12;
const PART_CACHE = 1 << SMALL_CACHE_BITS;

const symbols = new Map<string, PartSymbol>();

/** The symbol of a part (its text when the few symbol slots are taken), for a caller that writes it for many tokens. */
export function partSymbol(text: string): PartSymbol | string {
  let symbol = symbols.get(text);
  if (!symbol) {
    if (symbols.size === SYMBOLS) return text;
    symbol = new PartSymbol(text, NUMBERS + symbols.size);
    keyLo[symbol.slot] = hashLo(text);
    keyHi[symbol.slot] = hashHi(text);
    symbols.set(text, symbol);
  }
  return symbol;
}
const partCacheKey: (string | undefined)[] = new Array<string | undefined>(PART_CACHE).fill(undefined);
const partCacheSlot = new Int32Array(PART_CACHE);

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
  // As in `slotOf`, a small cache before the map: templates are string literals, the same objects each call.
  const h = shortHash(template);
  if (templateCacheKey[h] === template) return templateCacheNumber[h]!;
  const number = templateNumberOf(template);
  templateCacheKey[h] = template;
  templateCacheNumber[h] = number;
  return number;
}

const TEMPLATE_CACHE = 1 << SMALL_CACHE_BITS;
const templateCacheKey: (string | undefined)[] = new Array<string | undefined>(TEMPLATE_CACHE).fill(undefined);
const templateCacheNumber = new Int32Array(TEMPLATE_CACHE);

function templateNumberOf(template: string): number {
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

/** Entries of a sink's memo of feature ids by template and part slots (a power of two); it is emptied when half full. */
const MEMO_BITS = 14;
const MEMO_SIZE = 1 << MEMO_BITS;
/** One-part features are kept in a plain array per template for part slots below this: the numbers, the symbols and the first 256 strings met. */
const DENSE = NUMBERS + SYMBOLS + 256;
/** Part slots are below this (NUMBERS + STRING_SLOTS), so a template and a slot make one int key. */
const SPAN = 1 << 15;

/**
 * Sums a binary model's weights over the features written to it, in the order written,
 * so the sum is the one `binaryScore` gives over the same features as strings. A feature
 * is found in the model's hashed table (feature-table.ts) from the hashes of its
 * template and parts: the template and other short parts are hashed once per process,
 * words once per process (vocabulary.ts; see `add1w`), and no string is built. The ids
 * found are remembered: a feature of short parts (tags, bins, labels: a few thousand in
 * all) by its template and part slots, a feature of one word by its template and the
 * word's number, across documents; the table itself (megabytes, a cache miss a probe) is
 * probed once per such feature, not once per token or document.
 */
export class ScoreSink implements FeatureSink {
  z = 0;
  /** When set, each feature found is also reported to it with its weight: a tally to explain a span, or a record of a stage's ids. */
  tally: FeatureObserver | null = null;
  private readonly table: FeatureTable;
  private readonly weights: Float32Array;
  /** The memo of ids by template and part slots: [key 1 (-1: empty), key 2, id, unused] per entry. */
  private readonly memo = new Int32Array(4 * MEMO_SIZE).fill(-1);
  /** The weight of each memo entry's id (0 for none), so a hit reads no weight from the model's large array. */
  private readonly memoWeights = new Float64Array(MEMO_SIZE);
  private memoCount = 0;
  private memoGeneration = slotGeneration;
  /** One-part features whose part has a slot below DENSE: weight (NaN: not looked up yet) and id by template slot, then part slot. */
  private readonly denseWeights: (Float64Array | undefined)[] = [];
  private readonly denseIds: (Int32Array | undefined)[] = [];
  private denseGeneration = slotGeneration;
  /**
   * One-word features by word number (vocabulary.ts), then template: the weight (NaN: not
   * looked up yet; a model's weights are float32, so float32 holds them exactly) and the id
   * at n * lanes + the template's lane, kept across documents for the vocabulary's generation
   * `wordGeneration`, so a word is looked up in the table once per template and process. A
   * word's templates lie side by side: a token's word features, and its neighbours', which
   * read the same words, mostly fall in cache lines already read.
   */
  private wordWeights = new Float32Array(0);
  private wordFeatureIds = new Int32Array(0);
  private wordGeneration = -1;
  /** The lane of each one-word template by template slot (-1: none yet), and how many there are. */
  private laneOf = new Int32Array(0);
  private lanes = 0;
  /** The word numbers of the last two word lists (a document's norms and lemmas alternate). */
  private words0: readonly string[] | null = null;
  private numbers0: WordNumbers | null = null;
  private words1: readonly string[] | null = null;
  private numbers1: WordNumbers | null = null;
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
    const g = slotGeneration;
    const s = slotOf(name);
    const at = this.memoAt(s, 0);
    if (this.memo[at] !== -1) return this.hitMemo(at);
    this.hit(this.remember(g, at, s, 0, this.table.findWhole(keyLo[s]!, keyHi[s]!, name)));
  }
  add1(template: TemplateLike, a: Part): void {
    const t = keyOf(template) + 1;
    const g = slotGeneration;
    const p = slotOf(a);
    if (p < DENSE) {
      // A number or one of the first strings met: the template's own array, no memo probe.
      if (this.denseGeneration !== slotGeneration) this.clearDense();
      let w = this.denseWeights[t];
      if (!w) {
        w = this.denseWeights[t] = new Float64Array(DENSE).fill(NaN);
        this.denseIds[t] = new Int32Array(DENSE);
      }
      const v = w[p]!;
      if (v === v) {
        this.z += v;
        if (this.tally) this.observe(this.denseIds[t]![p]!, v);
        return;
      }
      const id = this.table.findFrom(1, prefixLo[t]!, prefixHi[t]!, keyLo[p]!, keyHi[p]!, 0, 0, 0, 0);
      w[p] = id < 0 ? 0 : this.weights[id]!;
      this.denseIds[t]![p] = id;
      return this.hit(id);
    }
    const k1 = t * SPAN + p;
    const at = this.memoAt(k1, 0);
    if (this.memo[at] !== -1) return this.hitMemo(at);
    this.hit(this.remember(g, at, k1, 0, this.table.findFrom(1, prefixLo[t]!, prefixHi[t]!, keyLo[p]!, keyHi[p]!, 0, 0, 0, 0)));
  }
  add2(template: TemplateLike, a: Part, b: Part): void {
    const t = keyOf(template) + 2;
    const g = slotGeneration;
    const p = slotOf(a);
    const al = keyLo[p]!, ah = keyHi[p]!;
    const q = slotOf(b);
    const k1 = t * SPAN + p;
    const at = this.memoAt(k1, q);
    if (this.memo[at] !== -1) return this.hitMemo(at);
    this.hit(this.remember(g, at, k1, q, this.table.findFrom(2, prefixLo[t]!, prefixHi[t]!, al, ah, keyLo[q]!, keyHi[q]!, 0, 0)));
  }
  add3(template: TemplateLike, a: Part, b: Part, c: Part): void {
    const t = keyOf(template) + 3;
    const g = slotGeneration;
    const p = slotOf(a);
    const al = keyLo[p]!, ah = keyHi[p]!;
    const q = slotOf(b);
    const bl = keyLo[q]!, bh = keyHi[q]!;
    const r = slotOf(c);
    const k1 = t * SPAN + p;
    const k2 = q * SPAN + r;
    const at = this.memoAt(k1, k2);
    if (this.memo[at] !== -1) return this.hitMemo(at);
    this.hit(this.remember(g, at, k1, k2, this.table.findFrom(3, prefixLo[t]!, prefixHi[t]!, al, ah, bl, bh, keyLo[r]!, keyHi[r]!)));
  }
  add1w(template: TemplateLike, words: readonly string[], k: number): void {
    const n = this.numbersOf(words).ids[k]!;
    const t = keyOf(template) + 1;
    if (this.wordGeneration !== vocabularyGeneration()) this.clearWords();
    const lane = t < this.laneOf.length && this.laneOf[t]! >= 0 ? this.laneOf[t]! : this.addLane(t);
    const at = n * this.lanes + lane;
    if (at >= this.wordWeights.length) this.growWords();
    const v = this.wordWeights[at]!;
    if (v === v) {
      this.z += v;
      if (this.tally) this.observe(this.wordFeatureIds[at]!, v);
      return;
    }
    const keys = wordKeys();
    const id = this.table.findFrom(1, prefixLo[t]!, prefixHi[t]!, keys.lo[n]!, keys.hi[n]!, 0, 0, 0, 0);
    this.wordWeights[at] = id < 0 ? 0 : this.weights[id]!;
    this.wordFeatureIds[at] = id;
    this.hit(id);
  }
  add2ww(template: TemplateLike, words: readonly string[], k: number, words2: readonly string[], k2: number): void {
    const n = this.numbersOf(words).ids[k]!;
    const n2 = this.numbersOf(words2).ids[k2]!;
    const t = keyOf(template) + 2;
    const { lo, hi } = wordKeys();
    this.hit(this.table.findFrom(2, prefixLo[t]!, prefixHi[t]!, lo[n]!, hi[n]!, lo[n2]!, hi[n2]!, 0, 0));
  }

  /** The memo entry of a key: where it is, or the empty entry where it goes. */
  private memoAt(k1: number, k2: number): number {
    const memo = this.memo;
    if (this.memoGeneration !== slotGeneration) this.clearMemo();
    for (let e = Math.imul(k1 ^ Math.imul(k2, 0x9e3779b1), 0x85ebca6b) >>> (32 - MEMO_BITS); ; e = (e + 1) & (MEMO_SIZE - 1)) {
      const at = 4 * e;
      if (memo[at] === -1 || (memo[at] === k1 && memo[at + 1] === k2)) return at;
    }
  }

  /**
   * Files an id found in the table at the empty entry `at`, unless the part slots were
   * reused since generation `g` was read (the key may then mix old and new slots); the id.
   */
  private remember(g: number, at: number, k1: number, k2: number, id: number): number {
    if (g !== slotGeneration) return id;
    if (this.memoCount >= MEMO_SIZE / 2) {
      this.clearMemo();
      at = this.memoAt(k1, k2);
    }
    this.memo[at] = k1;
    this.memo[at + 1] = k2;
    this.memo[at + 2] = id;
    this.memoWeights[at >> 2] = id < 0 ? 0 : this.weights[id]!;
    this.memoCount++;
    return id;
  }

  private clearDense(): void {
    for (const w of this.denseWeights) w?.fill(NaN);
    this.denseGeneration = slotGeneration;
  }

  private clearMemo(): void {
    this.memo.fill(-1);
    this.memoCount = 0;
    this.memoGeneration = slotGeneration;
  }

  /** The word numbers of a list; the second list read of two is always numbered in the current generation too (see `wordNumbersOf`). */
  private numbersOf(words: readonly string[]): WordNumbers {
    const g = vocabularyGeneration();
    if (words === this.words0 && this.numbers0!.generation === g) return this.numbers0!;
    if (words === this.words1 && this.numbers1!.generation === g) return this.numbers1!;
    const numbers = wordNumbersOf(words);
    this.words1 = this.words0;
    this.numbers1 = this.numbers0;
    this.words0 = words;
    this.numbers0 = numbers;
    return numbers;
  }

  private clearWords(): void {
    this.wordWeights = new Float32Array(0);
    this.wordFeatureIds = new Int32Array(0);
    this.wordGeneration = vocabularyGeneration();
  }

  /** The word arrays, long enough for every word numbered so far. */
  private growWords(): void {
    const size = wordCacheLength() * this.lanes;
    const weights = new Float32Array(size).fill(NaN);
    const ids = new Int32Array(size);
    weights.set(this.wordWeights);
    ids.set(this.wordFeatureIds);
    this.wordWeights = weights;
    this.wordFeatureIds = ids;
  }

  /** Gives template slot t the next lane, laying the word arrays out again one lane wider (a few times per process: once per one-word template). */
  private addLane(t: number): number {
    if (t >= this.laneOf.length) {
      const laneOf = new Int32Array(Math.max(2 * this.laneOf.length, t + 1, 64)).fill(-1);
      laneOf.set(this.laneOf);
      this.laneOf = laneOf;
    }
    const lanes = this.lanes + 1;
    const words = this.wordWeights.length / Math.max(1, this.lanes);
    const weights = new Float32Array(words * lanes).fill(NaN);
    const ids = new Int32Array(words * lanes);
    for (let n = 0; n < words; n++) {
      for (let l = 0; l < this.lanes; l++) {
        weights[n * lanes + l] = this.wordWeights[n * this.lanes + l]!;
        ids[n * lanes + l] = this.wordFeatureIds[n * this.lanes + l]!;
      }
    }
    this.wordWeights = weights;
    this.wordFeatureIds = ids;
    this.laneOf[t] = this.lanes;
    this.lanes = lanes;
    return lanes - 1;
  }

  private hitMemo(at: number): void {
    const weight = this.memoWeights[at >> 2]!;
    this.z += weight;
    if (this.tally) this.observe(this.memo[at + 2]!, weight);
  }

  /** Adds feature `id`'s weight (none for -1) and reports it to the tally. */
  private hit(id: number): void {
    if (id < 0) return;
    const weight = this.weights[id]!;
    this.z += weight;
    if (this.tally) this.tally.add(id, weight);
  }

  /**
   * Reports a feature already summed from a memo to the tally, with the weight the memo
   * holds (the model's own, so a stage's record reads nothing from the large weight array).
   */
  private observe(id: number, weight: number): void {
    if (id >= 0) this.tally!.add(id, weight);
  }
}

/** What a scoring sink reports each feature it finds to (see `ScoreSink.tally`). */
export interface FeatureObserver {
  add(id: number, weight: number): void;
}

/** Ids a `FeatureRecord` keeps by default at most (4 MB; a long PTC article needs about 200,000). */
const RECORD_LIMIT = 1 << 20;

/**
 * The feature ids each token's features found in a model, in the order written, kept while
 * a stage scores the tokens, so that explaining a span sums its tokens' features again
 * without extracting them again.
 */
export class FeatureRecord implements FeatureObserver {
  private ids = new Int32Array(4096);
  private length = 0;
  /** Where each token's ids start and end in `ids`; -1: the token was not scored. */
  private readonly from: Int32Array;
  private readonly to: Int32Array;
  constructor(
    tokens: number,
    private readonly limit = RECORD_LIMIT,
  ) {
    this.from = new Int32Array(tokens).fill(-1);
    this.to = new Int32Array(tokens);
  }
  /**
   * The ids added from now on are token i's, until `end`; false (token i left unrecorded, to be
   * extracted again if a span needs it) once the record holds `limit` ids, so a document of
   * millions of tokens does not hold tens of megabytes of them.
   */
  begin(i: number): boolean {
    if (this.length >= this.limit) return false;
    this.from[i] = this.length;
    return true;
  }
  end(i: number): void {
    this.to[i] = this.length;
  }
  add(id: number): void {
    if (this.length === this.ids.length) {
      const grown = new Int32Array(2 * this.ids.length);
      grown.set(this.ids);
      this.ids = grown;
    }
    this.ids[this.length++] = id;
  }
  /** Adds token i's features, with their weights, to a tally as scoring them did; false when the token was not recorded. */
  replay(i: number, weights: Float32Array, tally: FeatureTally): boolean {
    const from = this.from[i]!;
    if (from < 0) return false;
    const { ids } = this;
    for (let k = from, to = this.to[i]!; k < to; k++) tally.add(ids[k]!, weights[ids[k]!]!);
    return true;
  }
}

/**
 * Weights summed by feature id, the ids kept in first-seen order: one array slot per id of
 * the model (a span's features hit a few hundred of its 10^5 ids), so summing costs no map
 * operation per feature and token; `clear` resets only the ids seen.
 */
export class FeatureTally implements FeatureObserver {
  private readonly sums: Float64Array;
  private readonly seen: Uint8Array;
  /** The ids summed since the last `clear`, in first-seen order. */
  readonly ids: number[] = [];
  constructor(size: number) {
    this.sums = new Float64Array(size);
    this.seen = new Uint8Array(size);
  }
  add(id: number, weight: number): void {
    if (this.seen[id] === 0) {
      this.seen[id] = 1;
      this.sums[id] = 0;
      this.ids.push(id);
    }
    this.sums[id]! += weight;
  }
  sumOf(id: number): number {
    return this.sums[id]!;
  }
  /** The ids summed to a positive weight (`skip` aside) with their sums, strongest first (see `strongestFirst`). */
  strongest(skip: number): Iterable<readonly [number, number]> {
    const ids: number[] = [];
    const sums: number[] = [];
    for (const id of this.ids) {
      const sum = this.sums[id]!;
      if (id !== skip && sum > 0) {
        ids.push(id);
        sums.push(sum);
      }
    }
    return strongestFirst(ids, sums);
  }
  clear(): void {
    for (const id of this.ids) this.seen[id] = 0;
    this.ids.length = 0;
  }
}

const tallies = new WeakMap<BinaryModel, FeatureTally>();

/** The tally of a model's features, kept with it: cleared, ready for one span. */
export function featureTallyOf(model: BinaryModel): FeatureTally {
  let tally = tallies.get(model);
  if (!tally) {
    tally = new FeatureTally(model.weights.length);
    tallies.set(model, tally);
  }
  tally.clear();
  return tally;
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
