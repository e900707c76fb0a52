import type { ClaimPart } from '../../core/types.js';
import { SIGNAL_NAMES } from './features.js';
import type { CompiledCue } from './cues.js';
import { MEANING_FEATURE, type ScoredFeature } from './model.js';
import type { FeatureHashes } from './hashed.js';
import { packedMap } from '../../core/packed.js';
import { displayBody, Phrases } from './phrases.js';

const MEANING_WORTH_SAYING = 0.1;

/** What the paragraph names, gathered from a sentence's contributions: signal and cue weights, the pooled word vectors, the context features (summed) and the word features (by phrase). */
class Tally {
  readonly weightOf = new Map<string, number>();
  meaning: number;
  place: number;
  /** "w:in" and "b:<s> in" read the same; one entry per phrase, with their weights summed, in the order first met. */
  readonly byPhrase: Phrases;

  constructor(byPhrase: Phrases) {
    // Both sums are fractions, or 0 when nothing adds to them. Stored first as a fraction, each
    // field holds a double from the start: a field that starts as the integer 0 and later
    // holds a fraction changes the object's hidden class, and explanationOf, optimised on the
    // integer, deoptimised ("not a Smi", "wrong map") in the first pass over a corpus.
    this.meaning = 0.5;
    this.place = 0.5;
    this.meaning = 0;
    this.place = 0;
    this.byPhrase = byPhrase;
  }
}

/** The phrases of the sentence being explained, reused from one sentence to the next. */
const phrases = new Phrases();

function emptyTally(): Tally {
  phrases.reset();
  return new Tally(phrases);
}

/** Adds one contribution, by its whole name. */
function tallyName(tally: Tally, name: string, weight: number): void {
  // Most names are word buckets ("k1:225"), tags and lengths, which the paragraph does not name:
  // their first letter rules them out before any prefix is compared.
  const first = name.charCodeAt(0);
  if (!(first === 119 || first === 98 || first === 116 || first === 108 || first === 99 || first === 112 || first === 110 || first === 109 || first === 115)) return; // w b t l c p n m s
  if (isWordFeature(name)) tally.byPhrase.add(displayWords(name), weight);
  else if (name.startsWith('ctx:') || name.startsWith('prev:') || name.startsWith('next:')) tally.place += weight;
  else if (name === MEANING_FEATURE) tally.meaning = weight;
  // Only signals ("sig:", "cue:") are looked up below; the buckets, tags and the rest are not.
  else if (name.startsWith('sig:') || name.startsWith('cue:')) tally.weightOf.set(name, weight);
}

/** One paragraph a reader can check: score, the signals and cue lists that pushed it up, the words that weighed most, the parts. */
/** `_cues` is kept for callers: a cue signal ("cue:<id>") names its list itself. */
export function explainClaim(probability: number, threshold: number, signals: readonly string[], contributions: readonly ScoredFeature[], parts: readonly ClaimPart[], _cues: readonly CompiledCue[]): string {
  const tally = emptyTally();
  for (const c of contributions) tallyName(tally, c.name, c.weight);
  return explanationOf(probability, threshold, signals, tally, parts);
}

/** Prefixes of the features given in pieces (features.ts) that name no word, signal or context: what they add is not named. */
function isUnnamedPrefix(prefix: string): boolean {
  return prefix === 'p:' || prefix === 'pp:' || prefix === 'e:';
}

/**
 * explainClaim for a sentence scored by its hashes (classify.ts): the same paragraph, from
 * entries from..to of `own`, every entry of `extra`, then the pooled word vectors (weights[n]
 * is what the n-th of them added; `meaning` says whether the last one counts), without writing
 * out the names of the features the paragraph does not name (buckets, tags).
 */
export function explainHashed(probability: number, threshold: number, signals: readonly string[], own: FeatureHashes, from: number, to: number, extra: FeatureHashes, weights: Float64Array, meaning: boolean, parts: readonly ClaimPart[]): string {
  const tally = emptyTally();
  let n = 0;
  for (let e = from; e < to; e++) tallyEntry(tally, own, e, weights[n++]!);
  for (let e = 0; e < extra.count; e++) tallyEntry(tally, extra, e, weights[n++]!);
  if (meaning) tally.meaning = weights[n]!;
  return explanationOf(probability, threshold, signals, tally, parts);
}

/**
 * tallyName for a hashed entry, reading its pieces: a whole name, or a prefix and pieces. A
 * word feature's phrase is its body pieces (or one of them) as they stand unless they hold a
 * sentence mark or a placeholder ("<", "#"), so it is given as pieces, and written out only if
 * the paragraph names it.
 */
function tallyEntry(tally: Tally, hashes: FeatureHashes, e: number, weight: number): void {
  const first = hashes.firstPiece(e);
  const count = hashes.piecesOf(e);
  if (count === 1) return tallyName(tally, first, weight);
  if (isUnnamedPrefix(first)) return;
  if (first === 'w:' && count === 2) return tally.byPhrase.addPieces(hashes, e, 1, 2, weight);
  if (first === 'b:') {
    // "b:<s> in" and "b:in </s>" read "in", as displayWords has them, when the word holds no "<".
    const a = hashes.pieceOf(e, 1);
    if (count === 4 && a === '<s>' && hashes.pieceOf(e, 2) === ' ') {
      if (!hashes.pieceOf(e, 3).includes('<')) return tally.byPhrase.addPieces(hashes, e, 3, 4, weight);
    } else if (count === 3 && hashes.pieceOf(e, 2) === ' </s>' && !a.includes('<')) return tally.byPhrase.addPieces(hashes, e, 1, 2, weight);
  }
  // "l:troop/NOUN": the lemma, when the tag is upper-case letters (as the names path's regex takes it off).
  if (first === 'l:' && count === 4 && hashes.pieceOf(e, 2) === '/' && isTag(hashes.pieceOf(e, 3))) return tally.byPhrase.addPieces(hashes, e, 1, 2, weight);
  if (first === 'b:' || first === 't:') return tally.byPhrase.addPieces(hashes, e, 1, count, weight);
  tallyName(tally, hashes.nameOf(e), weight);
}

function isTag(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 65 || c > 90) return false;
  }
  return true;
}

function explanationOf(probability: number, threshold: number, signals: readonly string[], tally: Tally, parts: readonly ClaimPart[]): string {
  const { weightOf, meaning, place, byPhrase } = tally;
  // A cue signal is "cue:<id>": the list's id is what follows.
  const describe = (s: string) => SIGNAL_NAMES[s] ?? (s.startsWith('cue:') ? `${s.slice(4)} words` : s);
  // Filled by push from empty literals, as the lines below push to them: arrays made by
  // filter/map and by a literal start with different elements kinds (hidden classes).
  const helped: string[] = [];
  const hurt: string[] = [];
  for (const s of signals) {
    const weight = weightOf.get(s) ?? 0;
    if (weight > 0) helped.push(describe(s));
    else if (weight < 0) hurt.push(describe(s));
  }
  // The pooled word vectors: one number for "what the sentence is about", named when it matters.
  const meaningText = `what its words are about (${meaning >= 0 ? '+' : ''}${meaning.toFixed(2)})`;
  if (meaning >= MEANING_WORTH_SAYING) helped.push(meaningText);
  if (meaning <= -MEANING_WORTH_SAYING) hurt.push(meaningText);
  // Context features (context.ts): one number for where the sentence stands (speaker, turn, neighbours).
  const placeText = `where it stands: its speaker, its turn, the sentences around it (${place >= 0 ? '+' : ''}${place.toFixed(2)})`;
  if (place >= MEANING_WORTH_SAYING) helped.push(placeText);
  if (place <= -MEANING_WORTH_SAYING) hurt.push(placeText);
  const top: ScoredFeature[] = [];
  const bottom: ScoredFeature[] = [];
  for (let p = 0; p < byPhrase.count; p++) {
    const weight = byPhrase.sum[p]!;
    if (weight > 0) keepBest(top, 3, byPhrase, p, weight, 1);
    else if (weight < 0) keepBest(bottom, 2, byPhrase, p, weight, -1);
  }
  const word = (c: ScoredFeature) => `"${c.name}" (${c.weight >= 0 ? '+' : ''}${c.weight.toFixed(2)})`;

  const lines = [`Check-worthy claim: model score ${probability.toFixed(2)} (threshold ${threshold.toFixed(2)}).`];
  if (helped.length > 0) lines.push(`Signals for: ${helped.join(', ')}.`);
  if (top.length > 0) lines.push(`Words for: ${packedMap(top, word).join(', ')}.`);
  if (hurt.length > 0 || bottom.length > 0) lines.push(`Against: ${[...hurt, ...packedMap(bottom, word)].join(', ')}.`);
  if (parts.length > 0) lines.push(`Parts: ${packedMap(parts, (p) => `${p.type} "${p.text}"${p.value !== undefined && p.value !== null ? ` = ${p.value}${p.unit ? ' ' + p.unit : ''}` : ''}`).join('; ')}.`);
  return lines.join(' ');
}

/**
 * Keeps `best` the first `size` items of a stable sort by weight (descending for sign 1,
 * ascending for -1) of every phrase offered, in one walk instead of sorting them all: an item
 * goes after those that weigh the same, as a stable sort leaves it. A phrase's text is written
 * out only when it is kept.
 */
function keepBest(best: ScoredFeature[], size: number, phrases: Phrases, p: number, weight: number, sign: 1 | -1): void {
  let at = best.length;
  while (at > 0 && sign * weight > sign * best[at - 1]!.weight) at--;
  if (at >= size) return;
  best.splice(at, 0, { name: phrases.textOf(p), weight });
  if (best.length > size) best.pop();
}

/** A word n-gram or lemma feature: "w:", "b:", "t:" or "l:". */
function isWordFeature(name: string): boolean {
  if (name.charCodeAt(1) !== 58) return false; // ':'
  const kind = name.charCodeAt(0);
  return kind === 119 || kind === 98 || kind === 116 || kind === 108; // w b t l
}

/** "b:in #year" -> "in <year>", "l:troop/NOUN" -> "troop" (lemma), "b:<s> we" -> "we" (sentence start). */
function displayWords(name: string): string {
  return displayBody(name.startsWith('l:') ? name.slice(2).replace(/\/[A-Z]+$/, '') : name.slice(2));
}
