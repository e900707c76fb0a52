import type { ClaimFeatureSink } from './features.js';
import { widened } from '../../core/packed.js';

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

/**
 * Features by hash, for every sentence of a document in turn: entries accumulate, and
 * `beginUnit` starts a sentence, from which a feature given twice counts once (in the order
 * first given, as the names path's Set keeps them). Each entry keeps the pieces it was given
 * (references, not copies), so that `nameOf` can write its name out when a sentence is
 * reported, and only then.
 */
export class FeatureHashes implements ClaimFeatureSink {
  count = 0;
  /** shared[i]: FNV-1a of entry i's name, as an unsigned 32-bit integer. */
  shared = new Uint32Array(1024);
  /** copy[i]: FNV-1a of the domain, "|", then entry i's name. */
  copy = new Uint32Array(1024);
  readonly domain: string;
  /** FNV state after the domain and "|". */
  private readonly start: number;
  private s = 0;
  private c = 0;
  /** Every piece given, in order; entry i's are pieces[pieceStart[i]] up to pieces[pieceEnd[i]]. */
  private readonly pieces: string[] = [];
  private pieceCount = 0;
  private pieceStart = new Int32Array(1024);
  private pieceEnd = new Int32Array(1024);
  /** Where the open feature's pieces start. */
  private openedAt = 0;
  /** The first entry of the sentence being written: repeats are looked for from there. */
  private unitStart = 0;
  /** Open addressing over `shared`: slot -> entry index, valid where stamps[slot] === stamp. */
  private slots = new Int32Array(1024);
  private stamps = new Uint32Array(1024);
  private stamp = 1;

  constructor(domain: string) {
    this.domain = domain;
    this.start = fnv(domain + '|', FNV_OFFSET);
  }

  /** Forgets every entry. */
  reset(): void {
    this.count = 0;
    this.pieceCount = 0;
    this.beginUnit();
  }

  /** Starts a sentence: what follows is checked for repeats among the entries from here on only. Returns the first entry's index. */
  beginUnit(): number {
    this.unitStart = this.count;
    if (++this.stamp === 0xffffffff) {
      this.stamps.fill(0);
      this.stamp = 1;
    }
    return this.count;
  }

  name(name: string): void {
    this.open(name);
    this.close();
  }

  /** Each bucket name's two hashes by bucket number, worked out the first time it is given (known[key] = 1). */
  private bucketShared = new Int32Array(0);
  private bucketCopy = new Int32Array(0);
  private bucketKnown = new Uint8Array(0);

  bucket(key: number, name: string): void {
    if (key >= this.bucketKnown.length) this.growBuckets(key);
    if (this.bucketKnown[key] === 0) {
      this.open(name);
      this.bucketShared[key] = this.s;
      this.bucketCopy[key] = this.c;
      this.bucketKnown[key] = 1;
    } else {
      this.s = this.bucketShared[key]!;
      this.c = this.bucketCopy[key]!;
      this.openedAt = this.pieceCount;
      this.pieces[this.pieceCount++] = name;
    }
    this.close();
  }

  open(prefix: string): void {
    this.s = FNV_OFFSET;
    this.c = this.start;
    this.openedAt = this.pieceCount;
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
    this.pieces[this.pieceCount++] = text;
  }

  /** Ends the feature opened: kept unless the sentence gave the same name before. */
  close(): void {
    const s = this.s >>> 0;
    const c = this.c >>> 0;
    const mask = this.slots.length - 1;
    let slot = (s ^ (s >>> 16)) & mask;
    while (this.stamps[slot] === this.stamp) {
      const e = this.slots[slot]!;
      if (this.shared[e] === s && this.copy[e] === c) {
        this.pieceCount = this.openedAt;
        return;
      }
      slot = (slot + 1) & mask;
    }
    this.stamps[slot] = this.stamp;
    this.slots[slot] = this.count;
    this.push(s, c);
    if ((this.count - this.unitStart) * 2 > this.slots.length) this.rehash();
  }

  /**
   * Adds a whole name as it comes, without looking for a repeat (the names path appends context
   * features and the source marker to the deduplicated names). Call it once the sentence's
   * deduplicated features are in.
   */
  append(name: string): void {
    this.open(name);
    this.push(this.s >>> 0, this.c >>> 0);
  }

  /** Entry e's name, written out. */
  nameOf(e: number): string {
    const from = this.pieceStart[e]!;
    const to = this.pieceEnd[e]!;
    let name = this.pieces[from]!;
    for (let p = from + 1; p < to; p++) name += this.pieces[p]!;
    return name;
  }

  /** Entry e's name without its first piece (its prefix), written out. */
  bodyOf(e: number): string {
    const from = this.pieceStart[e]! + 1;
    const to = this.pieceEnd[e]!;
    if (from >= to) return '';
    let body = this.pieces[from]!;
    for (let p = from + 1; p < to; p++) body += this.pieces[p]!;
    return body;
  }

  /** Entry e's first piece: its whole name, or its prefix ("b:"). */
  firstPiece(e: number): string {
    return this.pieces[this.pieceStart[e]!]!;
  }

  /** How many pieces entry e was given, its prefix included. */
  piecesOf(e: number): number {
    return this.pieceEnd[e]! - this.pieceStart[e]!;
  }

  /** Entry e's i-th piece (0: its prefix). */
  pieceOf(e: number, i: number): string {
    return this.pieces[this.pieceStart[e]! + i]!;
  }

  private push(s: number, c: number): void {
    if (this.count === this.shared.length) this.grow();
    this.shared[this.count] = s;
    this.copy[this.count] = c;
    this.pieceStart[this.count] = this.openedAt;
    this.pieceEnd[this.count] = this.pieceCount;
    this.count++;
  }

  private growBuckets(key: number): void {
    const size = Math.max(2048, 2 * key);
    this.bucketShared = widened(this.bucketShared, size);
    this.bucketCopy = widened(this.bucketCopy, size);
    this.bucketKnown = widened(this.bucketKnown, size);
  }

  private grow(): void {
    const size = this.shared.length * 2;
    this.shared = widened(this.shared, size);
    this.copy = widened(this.copy, size);
    this.pieceStart = widened(this.pieceStart, size);
    this.pieceEnd = widened(this.pieceEnd, size);
  }

  /** Doubles the slots and puts the sentence's entries (all deduplicated: append comes last) back. */
  private rehash(): void {
    const size = this.slots.length * 2;
    this.slots = new Int32Array(size);
    this.stamps = new Uint32Array(size);
    this.stamp = 1;
    const mask = size - 1;
    for (let e = this.unitStart; e < this.count; e++) {
      const s = this.shared[e]!;
      let slot = (s ^ (s >>> 16)) & mask;
      while (this.stamps[slot] === this.stamp) slot = (slot + 1) & mask;
      this.stamps[slot] = this.stamp;
      this.slots[slot] = e;
    }
  }
}
