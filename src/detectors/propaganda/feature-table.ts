/**
 * Feature ids by 64-bit hashed keys, in flat integer arrays: what a propaganda model
 * needs to score, with no map of feature-name strings. A feature name is filed under the
 * hash of the whole name (string lookups, `add`) or, for the models scored through a
 * sink, under the hash of every way it splits into a template and one to three parts
 * ("pp=DET|NOUN": template "pp=", parts "DET", "NOUN"), so a sink finds a feature from
 * hashes of its parts without building the string (a name with no '=' is filed whole). The keys are computed by
 * `npm run build:data` (data/compiled/models/) or, for a model read from JSON, on load;
 * both run the code below, so they agree.
 *
 * Two different strings, or part lists, share a 64-bit key with odds of about one in
 * 10^13 per lookup on the shipped model; keys of different features that collide are
 * refused when the table is made.
 */

/** Int32s per table slot. */
const SLOT = 4;

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/** One MurmurHash3 block step. */
function step(h: number, k: number): number {
  k = Math.imul(k, C1);
  k = (k << 15) | (k >>> 17);
  h ^= Math.imul(k, C2);
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** Low half of a string's key: MurmurHash3 over its UTF-16 code units. */
export function hashLo(s: string): number {
  let h = 0x2f0b1a3d;
  for (let i = 0; i < s.length; i++) h = step(h, s.charCodeAt(i));
  return fmix(h ^ s.length);
}

/** High half: a different function (FNV-1a over code units, then a mix), so the halves fail apart. */
export function hashHi(s: string): number {
  let h = 0x811c9dc5 ^ s.length;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  h = Math.imul(h ^ (h >>> 12), 0x297a2d39);
  return (h ^ (h >>> 15)) | 0;
}

/** Keys of a template and its parts, by part count: distinct seeds keep the forms apart. */
const PART_SEEDS = [0, 0x3c6ef372, 0x5bd1e995, 0x27d4eb2f];

export function partKeyLo(n: number, t: number, a: number, b: number, c: number): number {
  return partKeyLoFrom(n, partPrefixLo(n, t), a, b, c);
}

export function partKeyHi(n: number, t: number, a: number, b: number, c: number): number {
  return partKeyHiFrom(n, partPrefixHi(n, t), a, b, c);
}

/** The part of `partKeyLo` that depends on the part count and template only, so a sink computes it once per template. */
export function partPrefixLo(n: number, t: number): number {
  return step(PART_SEEDS[n]!, t);
}

/** As `partPrefixLo`, for `partKeyHi`. */
export function partPrefixHi(n: number, t: number): number {
  return Math.imul(Math.imul(PART_SEEDS[n]! ^ 0x9e3779b9, 0x01000193) ^ t, 0x85ebca6b);
}

/** `partKeyLo` from the template's prefix (`partPrefixLo`). */
export function partKeyLoFrom(n: number, prefix: number, a: number, b: number, c: number): number {
  let h = step(prefix, a);
  if (n > 1) h = step(h, b);
  if (n > 2) h = step(h, c);
  return fmix(h ^ n);
}

/** `partKeyHi` from the template's prefix (`partPrefixHi`). */
export function partKeyHiFrom(n: number, prefix: number, a: number, b: number, c: number): number {
  let h = Math.imul(prefix ^ (prefix >>> 13) ^ a, 0xc2b2ae35);
  if (n > 1) h = Math.imul(h ^ (h >>> 16) ^ b, 0x85ebca6b);
  if (n > 2) h = Math.imul(h ^ (h >>> 13) ^ c, 0xc2b2ae35);
  return fmix(h ^ (h >>> 15) ^ n);
}

/** Positions of every occurrence of `ch` in `s`. */
function positions(s: string, ch: string): number[] {
  const out: number[] = [];
  for (let j = s.indexOf(ch); j >= 0; j = s.indexOf(ch, j + 1)) out.push(j);
  return out;
}

/** Every key a feature name is filed under, as flat [lo, hi] pairs. */
function keysOfName(name: string, splits: boolean, out: number[]): void {
  // With splits, a name holding '=' is found by its split at the first '=' (see `get`).
  if (!splits || !name.includes('=')) out.push(hashLo(name), hashHi(name));
  if (!splits) return;
  const key = (n: number, t: string, a: string, b = '', c = '') => {
    const [tl, th, al, ah, bl, bh, cl, ch] = [hashLo(t), hashHi(t), hashLo(a), hashHi(a), hashLo(b), hashHi(b), hashLo(c), hashHi(c)];
    out.push(partKeyLo(n, tl, al, bl, cl), partKeyHi(n, th, ah, bh, ch));
  };
  // Every split, as a part may itself hold '=' or '|' (a word such as "a|b").
  for (const e of positions(name, '=')) {
    const t = name.slice(0, e + 1);
    const rest = name.slice(e + 1);
    key(1, t, rest);
    const bars = positions(rest, '|');
    for (let x = 0; x < bars.length; x++) {
      const a = rest.slice(0, bars[x]);
      key(2, t, a, rest.slice(bars[x]! + 1));
      for (let y = x + 1; y < bars.length; y++) key(3, t, a, rest.slice(bars[x]! + 1, bars[y]), rest.slice(bars[y]! + 1));
    }
  }
}

/** The entries of a table: key halves and the feature id of each, deduplicated. */
export interface FeatureKeys {
  lo: Int32Array;
  hi: Int32Array;
  ids: Int32Array;
}

/** The keys of a model's feature names (id = position); `splits` for a model scored through a sink. */
export function featureKeys(names: readonly string[], splits: boolean): FeatureKeys {
  const flat: number[] = [];
  const owner: number[] = [];
  for (let id = 0; id < names.length; id++) {
    const before = flat.length;
    keysOfName(names[id]!, splits, flat);
    for (let k = before; k < flat.length; k += 2) owner.push(id);
  }
  const n = owner.length;
  return { lo: Int32Array.from({ length: n }, (_, k) => flat[2 * k]!), hi: Int32Array.from({ length: n }, (_, k) => flat[2 * k + 1]!), ids: Int32Array.from(owner) };
}

/**
 * Feature names of one model as one string and the offset of each (names hold no
 * newline), so a name is cut out only when an explanation reports it.
 */
export class FeatureNames {
  private offsets: Int32Array | null = null;
  constructor(readonly joined: string, readonly count: number) {}
  static of(names: readonly string[]): FeatureNames {
    return new FeatureNames(names.join('\n'), names.length);
  }
  name(id: number): string {
    if (!this.offsets) {
      const offsets = new Int32Array(this.count + 1);
      let k = 0;
      for (let j = this.joined.indexOf('\n'); j >= 0; j = this.joined.indexOf('\n', j + 1)) offsets[++k] = j + 1;
      offsets[this.count] = this.joined.length + 1;
      this.offsets = offsets;
    }
    return this.joined.slice(this.offsets[id], this.offsets[id + 1]! - 1);
  }
}

/**
 * Open-addressing table from 64-bit keys to feature ids. Implements the `get`/`size` of
 * a read-only map from name to id, which is all scoring by strings asks of an index.
 * A slot is four int32s, [key lo, key hi, id (-1: empty), 0], so a probe reads one
 * cache line.
 */
export class FeatureTable {
  private readonly mask: number;

  /** A table from its slots (as `slots()` gives them: a power of two of them, at most half full). */
  constructor(
    private readonly table: Int32Array,
    readonly names: FeatureNames,
    /** Whether names are filed under their template and parts too (see `featureKeys`). */
    readonly splits: boolean,
  ) {
    const count = table.length / SLOT;
    this.mask = count - 1;
    if (!Number.isInteger(count) || count === 0 || (count & this.mask) !== 0) throw new Error('feature table: a power of two of slots expected');
    // One bit per key, about eight bits a key: a lookup of a feature the model lacks
    // (most of them) usually stops at this small array instead of a cache miss in the table.
    this.bitMask = count * 8 - 1;
    this.bits = new Int32Array((count * 8) >>> 5);
    for (let at = 0; at < table.length; at += SLOT) {
      if (table[at + 2] === -1) continue;
      const bit = table[at + 1]! & this.bitMask;
      this.bits[bit >>> 5]! |= 1 << (bit & 31);
    }
  }

  private readonly bits: Int32Array;
  private readonly bitMask: number;

  /** The table of a list of keys, at most half full. */
  static of(keys: FeatureKeys, names: FeatureNames, splits: boolean): FeatureTable {
    let count = 16;
    while (count < 2 * keys.ids.length) count *= 2;
    const slots = new Int32Array(count * SLOT);
    for (let at = 2; at < slots.length; at += SLOT) slots[at] = -1;
    const table = new FeatureTable(slots, names, splits);
    for (let k = 0; k < keys.ids.length; k++) table.put(keys.lo[k]!, keys.hi[k]!, keys.ids[k]!);
    return table;
  }

  /** The slots, for the compiled model file. */
  slots(): Int32Array {
    return this.table;
  }

  get size(): number {
    return this.names.count;
  }

  private put(lo: number, hi: number, id: number): void {
    const { table, mask } = this;
    for (let slot = (lo ^ (hi >>> 7)) & mask; ; slot = (slot + 1) & mask) {
      const at = slot * SLOT;
      const old = table[at + 2]!;
      if (old === -1) {
        table[at] = lo;
        table[at + 1] = hi;
        table[at + 2] = id;
        const bit = hi & this.bitMask;
        this.bits[bit >>> 5]! |= 1 << (bit & 31);
        return;
      }
      if (table[at] === lo && table[at + 1] === hi) {
        // The same name filed twice (one split equal to another) is fine; two names are not.
        if (old !== id) throw new Error(`feature keys collide: ${this.names.name(old)} and ${this.names.name(id)}`);
        return;
      }
    }
  }

  /** The feature id under a key, -1 when none. */
  find(lo: number, hi: number): number {
    const bit = hi & this.bitMask;
    if ((this.bits[bit >>> 5]! & (1 << (bit & 31))) === 0) return -1;
    const { table, mask } = this;
    for (let slot = (lo ^ (hi >>> 7)) & mask; ; slot = (slot + 1) & mask) {
      const at = slot * SLOT;
      const id = table[at + 2]!;
      if (id === -1 || (table[at] === lo && table[at + 1] === hi)) return id;
    }
  }

  /** The id of a whole feature name. */
  get(name: string): number | undefined {
    const e = this.splits ? name.indexOf('=') : -1;
    const id = e < 0 ? this.find(hashLo(name), hashHi(name)) : this.findPart(name.slice(0, e + 1), name.slice(e + 1));
    return id < 0 ? undefined : id;
  }

  private findPart(template: string, part: string): number {
    return this.findParts(1, hashLo(template), hashHi(template), hashLo(part), hashHi(part), 0, 0, 0, 0);
  }

  /** The id of a name a sink adds whole, from its key halves (hashed once per process). */
  findWhole(lo: number, hi: number, name: string): number {
    if (!this.splits || !name.includes('=')) return this.find(lo, hi);
    return this.get(name) ?? -1;
  }

  /** The id of a feature given by the key halves of its template and parts (`n` parts). */
  findParts(n: number, tl: number, th: number, al: number, ah: number, bl: number, bh: number, cl: number, ch: number): number {
    return this.find(partKeyLo(n, tl, al, bl, cl), partKeyHi(n, th, ah, bh, ch));
  }

  /** As `findParts`, from the template's prefixes (`partPrefixLo`, `partPrefixHi`) for `n` parts. */
  findFrom(n: number, pl: number, ph: number, al: number, ah: number, bl: number, bh: number, cl: number, ch: number): number {
    return this.find(partKeyLoFrom(n, pl, al, bl, cl), partKeyHiFrom(n, ph, ah, bh, ch));
  }
}
