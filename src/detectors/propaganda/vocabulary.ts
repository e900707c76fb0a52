import type { Token } from '../../core/types.js';
import { NO_WORD, UNANSWERED, WordAnswers } from '../../text/word-numbers.js';
import { hashHi, hashLo } from './feature-table.js';

/**
 * Words numbered once per process, so that whatever is derived from a word alone (its key
 * halves, its row in the word table, its polarity, the feature ids of its one-word
 * features) is computed the first time the word is met and read by number in every later
 * document, instead of being hashed and looked up again per document. Documents share most
 * of their words, so after a few hundred articles nearly every word is known.
 *
 * The numbering is bounded: when it holds MAX_WORDS words, the next list interned starts
 * a new generation (all numbers forgotten), and the caches keyed by word number compare
 * the generation they were filled in (`vocabularyGeneration`) before they are read.
 */
const MAX_WORDS = 1 << 18;

/** The length of a cache by word number that holds every word numbered so far, with room to grow (half as many again). */
export function wordCacheLength(): number {
  return Math.max(1024, numbers.size + (numbers.size >> 1));
}

let numbers = new Map<string, number>();
let keyLo = new Int32Array(4096);
let keyHi = new Int32Array(4096);
let generation = 0;
/**
 * This generation's number of each word that is some token's fold, by the spine's number of
 * that fold (Token.word, text/word-numbers.ts): a document's norms are numbered by an int read
 * per token, and only a form first met looked up by its string (see `normNumbersOf`).
 */
let byFold = new WordAnswers();

/** The numbers of a word list, in the generation they were given in. */
export interface WordNumbers {
  readonly generation: number;
  readonly ids: Int32Array;
}

const lists = new WeakMap<readonly string[], WordNumbers>();

/** The current generation: caches by word number filled in another one are stale. */
export function vocabularyGeneration(): number {
  return generation;
}

/** Words numbered so far in this generation (every number is below it). */
export function vocabularySize(): number {
  return numbers.size;
}

/** The low and high key halves (feature-table.ts `hashLo`, `hashHi`) of each word, by number; read them after interning, as they are replaced when they grow. */
export function wordKeys(): { readonly lo: Int32Array; readonly hi: Int32Array } {
  return { lo: keyLo, hi: keyHi };
}

/**
 * The word numbers of a list (a document's norms or lemmas), numbered once per list and
 * generation. `like`: a list of the same length whose words mostly equal these (the norms,
 * for the lemmas), whose numbers are reused where they do, instead of a map lookup.
 */
export function wordNumbersOf(words: readonly string[], like?: readonly string[]): WordNumbers {
  const known = lists.get(words);
  if (known && known.generation === generation) return known;
  const base = like !== undefined && like.length === words.length ? wordNumbersOf(like).ids : null;
  // A new generation only between lists (and not between `like` and this one), so the
  // numbers of one list are always of one generation.
  if (base === null) renewIfFull();
  const ids = new Int32Array(words.length);
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!;
    if (base !== null && w === like![k]) {
      ids[k] = base[k]!;
      continue;
    }
    let n = numbers.get(w);
    if (n === undefined) n = add(w);
    ids[k] = n;
  }
  const out = { generation, ids };
  lists.set(words, out);
  return out;
}

/**
 * The word numbers of a document's norms (`norms[k]` token k's), as `wordNumbersOf` gives them,
 * read where a norm is its token's fold by the spine's number of that fold (Token.word): one int
 * read per token instead of a Map read of its string.
 */
export function normNumbersOf(norms: readonly string[], tokens: readonly Token[]): WordNumbers {
  const known = lists.get(norms);
  if (known && known.generation === generation) return known;
  renewIfFull();
  const ids = new Int32Array(norms.length);
  for (let k = 0; k < norms.length; k++) {
    const w = norms[k]!;
    const t = tokens[k];
    if (t !== undefined && t.word !== NO_WORD && w === t.fold) {
      let n = byFold.get(t.word);
      if (n === UNANSWERED) byFold.set(t.word, (n = numberOf(w)));
      ids[k] = n;
    } else ids[k] = numberOf(w);
  }
  const out = { generation, ids };
  lists.set(norms, out);
  return out;
}

/**
 * The word numbers of a document's lemmas (`lemmas[k]` token k's), as `wordNumbersOf(lemmas,
 * norms)` gives them: a lemma equal to its norm takes the norm's number, and another one is
 * kept by its token's fold number (Token.word) with the lemma it was for, so a fold met again
 * with the same lemma ("said" and "say") is numbered by an int read and one string comparison
 * instead of a Map read of the lemma. Number the norms first (`normNumbersOf`).
 */
export function lemmaNumbersOf(lemmas: readonly string[], norms: readonly string[], tokens: readonly Token[]): WordNumbers {
  const known = lists.get(lemmas);
  if (known && known.generation === generation) return known;
  if (norms.length !== lemmas.length) return wordNumbersOf(lemmas);
  // No new generation between the norms and their lemmas (see `wordNumbersOf`).
  const base = wordNumbersOf(norms).ids;
  const ids = new Int32Array(lemmas.length);
  for (let k = 0; k < lemmas.length; k++) {
    const w = lemmas[k]!;
    if (w === norms[k]) {
      ids[k] = base[k]!;
      continue;
    }
    const fold = tokens[k]?.word ?? NO_WORD;
    if (fold === NO_WORD) {
      ids[k] = numberOf(w);
      continue;
    }
    if (fold < lemmaOfFold.length && lemmaOfFold[fold] === w) {
      ids[k] = lemmaNumberOfFold.get(fold);
      continue;
    }
    const n = numberOf(w);
    while (lemmaOfFold.length <= fold) lemmaOfFold.push('');
    lemmaOfFold[fold] = w;
    lemmaNumberOfFold.set(fold, n);
    ids[k] = n;
  }
  const out = { generation, ids };
  lists.set(lemmas, out);
  return out;
}

/** By the spine's fold number: the last lemma other than its norm met with that fold, and that lemma's number in this generation. */
let lemmaOfFold: string[] = [];
let lemmaNumberOfFold = new WordAnswers();

/** Starts a new generation (every number forgotten) once MAX_WORDS words are numbered. */
function renewIfFull(): void {
  if (numbers.size < MAX_WORDS) return;
  numbers = new Map();
  byFold = new WordAnswers();
  lemmaOfFold = [];
  lemmaNumberOfFold = new WordAnswers();
  generation++;
}

function numberOf(word: string): number {
  const n = numbers.get(word);
  return n === undefined ? add(word) : n;
}

function add(word: string): number {
  const n = numbers.size;
  if (n === keyLo.length) {
    const lo = new Int32Array(2 * n), hi = new Int32Array(2 * n);
    lo.set(keyLo);
    hi.set(keyHi);
    keyLo = lo;
    keyHi = hi;
  }
  keyLo[n] = hashLo(word);
  keyHi[n] = hashHi(word);
  numbers.set(word, n);
  return n;
}

/**
 * A number per word, by word number, computed once per word and generation (`compute`
 * answers for a word the first time it is asked): a word table's row of each word, the
 * polarity of each word.
 */
export class WordCache {
  private values = new Float64Array(0);
  private generation = -1;
  constructor(private readonly compute: (word: string) => number) {}

  /** The value of each word of `words` (a list numbered by `wordNumbersOf`). */
  of(words: readonly string[]): Float64Array {
    const { ids } = wordNumbersOf(words);
    if (this.generation !== generation || this.values.length < numbers.size) this.grow();
    const values = this.values;
    const out = new Float64Array(words.length);
    for (let k = 0; k < words.length; k++) {
      const n = ids[k]!;
      let v = values[n]!;
      if (v !== v) values[n] = v = this.compute(words[k]!);
      out[k] = v;
    }
    return out;
  }

  private grow(): void {
    const values = new Float64Array(wordCacheLength()).fill(NaN);
    if (this.generation === generation) values.set(this.values);
    this.values = values;
    this.generation = generation;
  }
}
