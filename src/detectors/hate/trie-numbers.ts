/**
 * Word tries (word-pattern.ts `WordTrie`) keyed by the process-wide word numbers
 * (text/word-numbers.ts) instead of strings, so that the word automata's trie step is an integer
 * hash probe: on news prose almost every step is a miss at the root, and a Map read on a
 * token's string (a fresh string, not the interned key) was the largest cost of the prefilter.
 *
 * Every numbered trie's nodes are numbers, and all their edges one open-addressed table keyed
 * by (node, word number), in typed arrays shared by the process: the shipped rules' tries hold
 * some 34,000 nodes, and an object with a table of its own per node cost megabytes.
 *
 * A trie is numbered once, the first time an automaton that reads it runs. One with a word the
 * numbering can no longer number (it is full) is not: its readers keep the string trie. A
 * numbered trie needs no such fallback for the text's words: a word the numbering refuses is a
 * form it has never numbered, so it is none of the trie's words.
 */
import { NO_WORD, wordNumber } from '../../text/word-numbers.js';
import type { WordTrie } from './word-pattern.js';

/** No node: a trie that could not be numbered, or a step that reads no edge. */
export const NO_NODE = -1;

/** Per node: 1 where a phrase ends. */
let ends = new Uint8Array(1024);
let nodeCount = 0;
/** The edges: slot -> (node, word number, child); edgeNode NO_NODE where the slot is empty. */
let edgeNode = new Int32Array(1024).fill(NO_NODE);
let edgeWord = new Int32Array(1024);
let edgeChild = new Int32Array(1024);
let edgeCount = 0;
/** 32 less log2 of the table's length: an edge's home slot is its hash shifted right by this. */
let shift = 22;

const roots = new WeakMap<WordTrie, number>();

/** The root node of a trie, numbered on first use, or NO_NODE where one of its words cannot be numbered. */
export function numberedTrie(trie: WordTrie): number {
  let root = roots.get(trie);
  if (root === undefined) roots.set(trie, (root = numberable(trie) ? add(trie) : NO_NODE));
  return root;
}

/** Whether every word of the trie has a number (numbering them): only then are its nodes made. */
function numberable(trie: WordTrie): boolean {
  for (const [word, child] of trie.next) if (wordNumber(word) === NO_WORD || !numberable(child)) return false;
  return true;
}

function add(trie: WordTrie): number {
  const node = nodeCount++;
  if (node === ends.length) {
    const grown = new Uint8Array(2 * ends.length);
    grown.set(ends);
    ends = grown;
  }
  ends[node] = trie.end ? 1 : 0;
  for (const [word, child] of trie.next) insert(node, wordNumber(word), add(child));
  return node;
}

function home(node: number, word: number): number {
  // Node and word numbers are both consecutive: mix them, then keep the product's high bits.
  return Math.imul(node ^ Math.imul(word, 0x85ebca6b), 0x9e3779b1) >>> shift;
}

function insert(node: number, word: number, child: number): void {
  // At most half full, so a miss ends at an empty slot soon.
  if (2 * (edgeCount + 1) > edgeNode.length) rehash();
  const mask = edgeNode.length - 1;
  let slot = home(node, word);
  while (edgeNode[slot] !== NO_NODE) slot = (slot + 1) & mask;
  edgeNode[slot] = node;
  edgeWord[slot] = word;
  edgeChild[slot] = child;
  edgeCount++;
}

function rehash(): void {
  const oldNode = edgeNode;
  const oldWord = edgeWord;
  const oldChild = edgeChild;
  edgeNode = new Int32Array(2 * oldNode.length).fill(NO_NODE);
  edgeWord = new Int32Array(edgeNode.length);
  edgeChild = new Int32Array(edgeNode.length);
  shift--;
  edgeCount = 0;
  for (let slot = 0; slot < oldNode.length; slot++) if (oldNode[slot] !== NO_NODE) insert(oldNode[slot]!, oldWord[slot]!, oldChild[slot]!);
}

/** The child of `node` by word number `word` (NO_WORD: none), or NO_NODE. */
export function childByNumber(node: number, word: number): number {
  if (word === NO_WORD) return NO_NODE;
  const nodes = edgeNode;
  const mask = nodes.length - 1;
  for (let slot = home(node, word); ; slot = (slot + 1) & mask) {
    const n = nodes[slot]!;
    if (n === NO_NODE) return NO_NODE;
    if (n === node && edgeWord[slot] === word) return edgeChild[slot]!;
  }
}

/** Whether a phrase of the trie ends at `node`. */
export function endsAt(node: number): boolean {
  return ends[node] === 1;
}
