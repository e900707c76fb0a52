import type { ClaimFeatureSink } from './features.js';

/**
 * The claim model finds a feature's weights by the FNV-1a hash of its name ("w:troops") and of
 * its domain copy ("claimbuster|w:troops"). `FeatureHashes` is the scoring sink: it works both
 * hashes out from a feature's prefix and pieces as they come (features.ts), so no name is ever
 * built, and keeps each feature once, in the order first given, as the names path's Set does.
 */
export const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a 32-bit: fast, stable across platforms, no dependency; `state` continues a prefix. */
export function fnv(text: string, state: number): number {
  let h = state;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h;
}

/** A sentence's features: hashes of each name and of its domain copy, in order. */
export interface HashedNames {
  count: number;
  /** shared[i]: FNV-1a of the i-th name, as an unsigned 32-bit integer. */
  shared: Uint32Array;
  /** copy[i]: FNV-1a of the domain, "|", then the i-th name. */
  copy: Uint32Array;
}

export class FeatureHashes implements ClaimFeatureSink, HashedNames {
  count = 0;
  shared = new Uint32Array(256);
  copy = new Uint32Array(256);
  readonly domain: string;
  /** FNV state after the domain and "|". */
  private readonly start: number;
  private s = 0;
  private c = 0;
  /** Open addressing over `shared`: slot -> entry index, valid where stamps[slot] === stamp. */
  private slots = new Int32Array(1024);
  private stamps = new Uint32Array(1024);
  private stamp = 1;

  constructor(domain: string) {
    this.domain = domain;
    this.start = fnv(domain + '|', FNV_OFFSET);
  }

  /** Forgets the features given so far. */
  reset(): void {
    this.count = 0;
    if (++this.stamp === 0xffffffff) {
      this.stamps.fill(0);
      this.stamp = 1;
    }
  }

  name(name: string): void {
    this.open(name);
    this.close();
  }

  open(prefix: string): void {
    this.s = FNV_OFFSET;
    this.c = this.start;
    this.piece(prefix);
  }

  piece(text: string): void {
    let s = this.s;
    let c = this.c;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      s = Math.imul(s ^ ch, FNV_PRIME);
      c = Math.imul(c ^ ch, FNV_PRIME);
    }
    this.s = s;
    this.c = c;
  }

  /** Ends the feature opened: kept unless the same name was given before. */
  close(): void {
    const s = this.s >>> 0;
    const c = this.c >>> 0;
    const mask = this.slots.length - 1;
    let slot = (s ^ (s >>> 16)) & mask;
    while (this.stamps[slot] === this.stamp) {
      const e = this.slots[slot]!;
      if (this.shared[e] === s && this.copy[e] === c) return;
      slot = (slot + 1) & mask;
    }
    this.stamps[slot] = this.stamp;
    this.slots[slot] = this.count;
    this.push(s, c);
    if (this.count * 2 > this.slots.length) this.rehash();
  }

  /**
   * Adds a whole name after the deduplicated ones, as it comes (the names path appends context
   * features and the source marker to the deduplicated names without checking for repeats).
   * Call it only once every deduplicated feature is in.
   */
  append(name: string): void {
    this.open(name);
    this.push(this.s >>> 0, this.c >>> 0);
  }

  /** The features so far, copied. */
  snapshot(): HashedNames {
    return { count: this.count, shared: this.shared.slice(0, this.count), copy: this.copy.slice(0, this.count) };
  }

  /** Starts again from a snapshot: its features, in order, then whatever is appended. */
  restore(from: HashedNames): void {
    this.reset();
    while (this.shared.length < from.count) this.grow();
    this.shared.set(from.shared.subarray(0, from.count));
    this.copy.set(from.copy.subarray(0, from.count));
    this.count = from.count;
  }

  private push(s: number, c: number): void {
    if (this.count === this.shared.length) this.grow();
    this.shared[this.count] = s;
    this.copy[this.count] = c;
    this.count++;
  }

  private grow(): void {
    const shared = new Uint32Array(this.shared.length * 2);
    shared.set(this.shared);
    const copy = new Uint32Array(this.copy.length * 2);
    copy.set(this.copy);
    this.shared = shared;
    this.copy = copy;
  }

  /** Doubles the slots and puts every entry (all deduplicated: append comes last) back. */
  private rehash(): void {
    const size = this.slots.length * 2;
    this.slots = new Int32Array(size);
    this.stamps = new Uint32Array(size);
    this.stamp = 1;
    const mask = size - 1;
    for (let e = 0; e < this.count; e++) {
      const s = this.shared[e]!;
      let slot = (s ^ (s >>> 16)) & mask;
      while (this.stamps[slot] === this.stamp) slot = (slot + 1) & mask;
      this.stamps[slot] = this.stamp;
      this.slots[slot] = e;
    }
  }
}
