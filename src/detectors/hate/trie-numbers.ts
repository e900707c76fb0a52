/**
 * A word trie (word-pattern.ts `WordTrie`) keyed by the process-wide word numbers
 * (text/word-numbers.ts) instead of strings, so that the word automata's trie step is an integer
 * hash probe: on news prose almost every step is a miss at the root, and a Map read on a
 * token's string (a fresh string, not the interned key) was the largest cost of the prefilter.
 *
 * Built once per trie, the first time an automaton that reads it runs. A trie with a word the
 * numbering can no longer number (it is full) has no numbered form: its readers keep the
 * string trie. A numbered trie needs no such fallback for the text's words: a word the
 * numbering refuses is a form it has never numbered, so it is none of the trie's words.
 */
import { NO_WORD, wordNumber } from '../../text/word-numbers.js';
import type { WordTrie } from './word-pattern.js';

export interface NumberedTrie {
  /** The children's word numbers in an open-addressed table (NO_WORD where empty; a power of two long). */
  keys: Int32Array;
  /** The child at each slot of `keys`. */
  kids: (NumberedTrie | null)[];
  /** 32 less log2 of the table's length: a number's home slot is its hash shifted right by this. */
  shift: number;
  /** A phrase ends here. */
  end: boolean;
}

const numbered = new WeakMap<WordTrie, NumberedTrie | null>();

/** The numbered form of a trie, or null where one of its words cannot be numbered. */
export function numberedTrie(trie: WordTrie): NumberedTrie | null {
  let out = numbered.get(trie);
  if (out === undefined) numbered.set(trie, (out = build(trie)));
  return out;
}

function build(trie: WordTrie): NumberedTrie | null {
  let size = 2;
  while (size < 2 * trie.next.size) size *= 2;
  const keys = new Int32Array(size).fill(NO_WORD);
  const kids: (NumberedTrie | null)[] = new Array<NumberedTrie | null>(size).fill(null);
  const node: NumberedTrie = { keys, kids, shift: 32 - Math.log2(size), end: trie.end };
  for (const [word, child] of trie.next) {
    const n = wordNumber(word);
    const kid = n === NO_WORD ? null : build(child);
    if (kid === null) return null;
    let slot = home(n, node.shift);
    while (keys[slot] !== NO_WORD) slot = (slot + 1) & (size - 1);
    keys[slot] = n;
    kids[slot] = kid;
  }
  return node;
}

/** Fibonacci hashing: word numbers are consecutive, and the product's high bits spread them (tables are 2 slots or more, so `shift` is below 32). */
function home(n: number, shift: number): number {
  return Math.imul(n, 0x9e3779b1) >>> shift;
}

/** The child of `node` by word number `n` (NO_WORD: none), or null. */
export function childByNumber(node: NumberedTrie, n: number): NumberedTrie | null {
  if (n === NO_WORD) return null;
  const keys = node.keys;
  const mask = keys.length - 1;
  for (let slot = home(n, node.shift); ; slot = (slot + 1) & mask) {
    const k = keys[slot]!;
    if (k === n) return node.kids[slot]!;
    if (k === NO_WORD) return null;
  }
}
