import { fnv, FNV_OFFSET, type FeatureHashes } from './hashed.js';
import { widened } from '../../core/packed.js';

const FNV_PRIME = 0x01000193;
const LESS_THAN = 60;
const HASH_SIGN = 35;

/**
 * The phrases of one sentence's word features, as the explanation reads them ("b:in #year"
 * reads "in <year>"), each with the weights of the features that read the same summed, in the
 * order first met: a Map from phrase to sum, without writing out a phrase the paragraph never
 * names. A phrase comes whole (`add`) or as pieces of a hashed entry (`addPieces`); phrases
 * are told apart by an FNV-1a hash of their text, worked out from the pieces, and two phrases
 * of one hash by their texts, so a collision merges nothing.
 */
export class Phrases {
  count = 0;
  /** sum[p]: the weights of phrase p, added in the order given, from 0. */
  sum = new Float64Array(64);
  private hash = new Uint32Array(64);
  /** Phrase p's text once written out, else null and its pieces: pieces from..to of entry `entry` of `source`. */
  private text: (string | null)[] = [];
  private source: (FeatureHashes | null)[] = [];
  private entry = new Int32Array(64);
  private from = new Int32Array(64);
  private to = new Int32Array(64);
  /** Open addressing over `hash`: slot -> phrase index + 1, 0 empty. */
  private slots = new Int32Array(256);

  reset(): void {
    if (this.count > 0) this.slots.fill(0);
    for (let p = 0; p < this.count; p++) this.source[p] = null;
    this.count = 0;
  }

  /** Adds a weight to a phrase given as its text. */
  add(text: string, weight: number): void {
    const p = this.find(fnv(text, FNV_OFFSET) >>> 0, text, null, 0, 0, 0);
    this.sum[p]! += weight;
  }

  /**
   * Adds a weight to the phrase of entry e of `hashes` that is its pieces from..to (the prefix
   * is piece 0) as they stand; pieces holding a sentence mark or a placeholder are written out
   * and read as displayBody reads them.
   */
  addPieces(hashes: FeatureHashes, e: number, from: number, to: number, weight: number): void {
    let h = FNV_OFFSET;
    for (let i = from; i < to; i++) {
      const piece = hashes.pieceOf(e, i);
      for (let j = 0; j < piece.length; j++) {
        const c = piece.charCodeAt(j);
        if (c === LESS_THAN || c === HASH_SIGN) return this.add(displayBody(piecesText(hashes, e, from, to)), weight);
        h = Math.imul(h ^ c, FNV_PRIME);
      }
    }
    const p = this.find(h >>> 0, null, hashes, e, from, to);
    this.sum[p]! += weight;
  }

  /** Phrase p's text, written out once. */
  textOf(p: number): string {
    let text = this.text[p];
    if (text === null || text === undefined) {
      text = piecesText(this.source[p]!, this.entry[p]!, this.from[p]!, this.to[p]!);
      this.text[p] = text;
      this.source[p] = null;
    }
    return text;
  }

  /** The index of the phrase of this hash and text (given, or pieces), added at 0 when new. */
  private find(hash: number, text: string | null, source: FeatureHashes | null, entry: number, from: number, to: number): number {
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    for (let at = this.slots[slot]!; at !== 0; at = this.slots[slot]!) {
      const p = at - 1;
      if (this.hash[p] === hash && this.textOf(p) === (text ?? piecesText(source!, entry, from, to))) return p;
      slot = (slot + 1) & mask;
    }
    if (this.count === this.hash.length) this.grow();
    const p = this.count++;
    this.hash[p] = hash;
    this.sum[p] = 0;
    this.text[p] = text;
    this.source[p] = source;
    this.entry[p] = entry;
    this.from[p] = from;
    this.to[p] = to;
    this.slots[slot] = p + 1;
    if (this.count * 2 > this.slots.length) this.rehash();
    return p;
  }

  private grow(): void {
    const size = this.hash.length * 2;
    this.sum = widened(this.sum, size);
    this.hash = widened(this.hash, size);
    this.entry = widened(this.entry, size);
    this.from = widened(this.from, size);
    this.to = widened(this.to, size);
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let p = 0; p < this.count; p++) {
      let slot = this.hash[p]! & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = p + 1;
    }
    this.slots = slots;
  }
}

function piecesText(hashes: FeatureHashes, e: number, from: number, to: number): string {
  let text = hashes.pieceOf(e, from);
  for (let i = from + 1; i < to; i++) text += hashes.pieceOf(e, i);
  return text;
}

/** A word feature's words as displayWords writes them, from its body (the name after "w:" and the like). */
export function displayBody(body: string): string {
  // Most phrases hold no sentence mark and no placeholder: they read as they are.
  if (!body.includes('<') && !body.includes('#')) return body;
  return body
    .replace(/<s> |\s?<\/s>/g, '')
    .replace(/#year/g, '<year>')
    .replace(/#num/g, '<number>');
}
