import assert from 'node:assert/strict';
import { test } from 'node:test';
import { childByNumber, endsAt, NO_NODE, numberedTrie } from '../../../src/detectors/hate/trie-numbers.js';
import { compileWordPattern, mayMatchAt, phraseTrie, type WordPattern, type WordTrie } from '../../../src/detectors/hate/word-pattern.js';
import { NO_WORD, wordNumber } from '../../../src/text/word-numbers.js';
import { rng, unit } from './canon-units.js';

// The numbered trie must answer every walk as the string trie does. This file fills the
// process-wide numbering to its bound (its last test), so it runs in a process of its own,
// as every test file does.

/** The phrases a walk from the root reads, and where each ends, by the string trie. */
function stringWalk(trie: WordTrie, words: readonly string[]): number[] {
  const ends: number[] = [];
  let node: WordTrie | undefined = trie;
  for (let j = 0; j < words.length && node; j++) {
    node = node.next.get(words[j]!);
    if (node?.end) ends.push(j);
  }
  return ends;
}

function numberWalk(root: number, words: readonly string[]): number[] {
  const ends: number[] = [];
  let node = root;
  for (let j = 0; j < words.length && node !== NO_NODE; j++) {
    node = childByNumber(node, wordNumber(words[j]!));
    if (node !== NO_NODE && endsAt(node)) ends.push(j);
  }
  return ends;
}

test('a numbered trie reads every walk as its string trie does, in large and small nodes', () => {
  const next = rng(7);
  const vocabulary = Array.from({ length: 300 }, (_, i) => `w${i.toString(36)}`);
  const pick = () => vocabulary[Math.floor(next() * vocabulary.length)]!;
  // A root of some 200 first words (a table of many probes) over phrases of one to four words.
  const phrases = Array.from({ length: 400 }, () => Array.from({ length: 1 + Math.floor(next() * 4) }, pick).join(' '));
  const trie = phraseTrie(phrases)!;
  const numbered = numberedTrie(trie);
  assert.notEqual(numbered, NO_NODE);
  assert.equal(numberedTrie(trie), numbered, 'built once per trie');
  // More tries after it, whose edges grow the shared table (rehashing the first trie's).
  const others = Array.from({ length: 12 }, (_, t) => phraseTrie(Array.from({ length: 150 }, () => Array.from({ length: 1 + Math.floor(next() * 3) }, pick).join(' ')).concat(`only${t}`))!);
  const otherRoots = others.map(numberedTrie);
  let ends = 0;
  for (let round = 0; round < 5000; round++) {
    // Words of the phrases, and words no phrase holds (numbered or not yet).
    const words = Array.from({ length: 1 + Math.floor(next() * 5) }, () => (next() < 0.9 ? pick() : `x${Math.floor(next() * 50)}`));
    const expected = stringWalk(trie, words);
    ends += expected.length;
    assert.deepEqual(numberWalk(numbered, words), expected, words.join(' '));
  }
  assert.ok(ends > 1000, `${ends} phrase ends met`);
  for (let round = 0; round < 2000; round++) {
    const t = Math.floor(next() * others.length);
    const words = Array.from({ length: 1 + Math.floor(next() * 4) }, () => (next() < 0.05 ? `only${Math.floor(next() * others.length)}` : pick()));
    assert.deepEqual(numberWalk(otherRoots[t]!, words), stringWalk(others[t]!, words), `trie ${t}: ${words.join(' ')}`);
  }
  // An empty trie and NO_WORD read nothing.
  assert.equal(childByNumber(numberedTrie(phraseTrie([])!), wordNumber('w0')), NO_NODE);
  assert.equal(childByNumber(numbered, NO_WORD), NO_NODE);
});

test('past the numbering bound: old tries stay numbered, a new word leaves its trie and literal to strings, and the automata answer as before', () => {
  const oldTrie: WordTrie = phraseTrie(['vermin', 'a plague'])!;
  let newTrie: WordTrie | null = null;
  const pattern = (p: string): WordPattern => compileWordPattern(p, (name) => (name === 'old' ? oldTrie : name === 'new' ? newTrie : null))!;
  const before = pattern('GRP are {old}');
  const probe = unit(['GRP', 'are', 'a', 'plague']);
  assert.equal(mayMatchAt(before, probe, 0), true);
  // Fill the numbering: every form after this one gets NO_WORD.
  for (let i = 0; wordNumber(`filler-${i}`) !== NO_WORD; i++);
  assert.equal(wordNumber('a-form-never-seen'), NO_WORD);
  assert.equal(wordNumber('vermin'), wordNumber('vermin'), 'a numbered form keeps its number');
  assert.notEqual(numberedTrie(oldTrie), NO_NODE, 'a trie numbered before the bound');
  newTrie = phraseTrie(['vermin', 'brand new pests'])!;
  assert.equal(numberedTrie(newTrie), NO_NODE, 'a trie with a word the full numbering refuses');
  // Patterns first run after the bound, with new words in a literal and a trie.
  const after = pattern('GRP (?:are|remain) {new} forevermore');
  const old = pattern('GRP are {old}');
  const cases: [string[], boolean, boolean][] = [
    [['GRP', 'remain', 'brand', 'new', 'pests', 'forevermore'], true, false],
    [['GRP', 'are', 'vermin', 'forevermore'], true, true],
    [['GRP', 'are', 'brand', 'new', 'forevermore'], false, false],
    [['GRP', 'are', 'a', 'plague', 'forevermore'], false, true],
    [['GRP', 'are', 'unseen', 'forevermore'], false, false],
    // Two forms the numbering refused are not the same word.
    [['GRP', 'are', 'vermin', 'nevermore'], false, true],
  ];
  for (const [texts, newMatch, oldMatch] of cases) {
    const words = unit(texts);
    assert.equal(mayMatchAt(after, words, 0), newMatch, `new pattern on ${texts.join(' ')}`);
    assert.equal(mayMatchAt(old, words, 0), oldMatch, `old pattern on ${texts.join(' ')}`);
  }
  assert.equal(mayMatchAt(before, probe, 0), true);
});
