/**
 * Which of a rule set's regexes a unit tries, found word by word: each word of the unit looks
 * up the regexes that can begin with it (the PatternIndex, compiled with the rules), and only
 * those, the regexes every unit tries (no anchor word, or a "^" start) and whose required
 * words the unit holds are handed to matchRules and matchGuards, in the order they would
 * try every pattern. A unit costs its words and the patterns that can begin at them, not the
 * whole rule set (635 regexes in 2026-12; a sentence of news prose wakes a few dozen).
 */
import { UnspinError } from '../../core/errors.js';
import type { RuleEntry } from '../../core/rules.js';
import type { CanonWord, Compiled, HateRuleSet } from './rules.js';
import { lookupWord, wordIndexOf, type WordIndex } from '../../text/word-index.js';
import { NO_WORD, UNANSWERED, WordAnswers } from '../../text/word-numbers.js';
import { needsGroupWord, plainWord } from './word-pattern.js';

/**
 * A rule set's regexes numbered in the order matchRules and matchGuards try them (each
 * rule's patterns in turn, then each guard's), with the set's PatternIndex renumbered to
 * match: a regex's number orders its hits, so the dispatch gives them in the old order.
 */
export interface PatternDispatch {
  /** Per regex: its rule or guard, and the pattern's number there. */
  owner: readonly Compiled<RuleEntry>[];
  pattern: Int32Array;
  /** Regexes [0, ruleCount) are the rules', the rest the guards'. */
  ruleCount: number;
  /** Per regex: anchored (false), also tried at every sentence start (true), or scanning the unit (null). */
  anchor: (boolean | null)[];
  /** Per regex: its required word sets, req[reqFrom[p] .. reqFrom[p + 1]) (numbered as in the PatternIndex). */
  reqFrom: Int32Array;
  req: Int32Array;
  requiredCount: number;
  /**
   * The words of the PatternIndex, looked up once per word of a unit (typed arrays, no Map of
   * strings: text/word-index.ts), and what word `w` wakes, each a run of a flat array: the
   * regexes that can begin with it, anchored[anchoredFrom[w] .. anchoredFrom[w + 1]); those of
   * them that can match in a unit with no GRP or SLUR word (groupless); the required word sets
   * that hold it (numbered as in the PatternIndex).
   */
  words: WordIndex;
  /**
   * For each canonical word with a number (text/word-numbers.ts), kept the first time it comes:
   * what scanUnit reads off it (wordFacts).
   */
  idsByWord: WordAnswers;
  anchoredFrom: Int32Array;
  anchored: Int32Array;
  grouplessFrom: Int32Array;
  groupless: Int32Array;
  requiredFrom: Int32Array;
  required: Int32Array;
  /** The regexes every unit tries, as a bit set (32 a word): all of them, and those that can match with no GRP or SLUR word. */
  always: Int32Array;
  alwaysGroupless: Int32Array;
}

const dispatches = new WeakMap<HateRuleSet, PatternDispatch>();

/**
 * The dispatch of a rule set, built on first use (a few milliseconds) and kept with it. Keyed
 * by the set itself: a set made from another with fewer guards (tests do) has its own.
 */
export function dispatchOf(set: HateRuleSet): PatternDispatch {
  let d = dispatches.get(set);
  if (!d) dispatches.set(set, (d = buildDispatch(set)));
  return d;
}

function buildDispatch(set: HateRuleSet): PatternDispatch {
  const owner: Compiled<RuleEntry>[] = [];
  const pattern: number[] = [];
  const anchor: (boolean | null)[] = [];
  const groupless: boolean[] = [];
  const reqFrom: number[] = [0];
  const req: number[] = [];
  const position = new Int32Array(set.index.regexCount).fill(-1);
  const add = (c: Compiled<RuleEntry>) => {
    for (let r = 0; r < c.patterns.length; r++) {
      const id = c.ids[r]!;
      if (!(id >= 0 && id < position.length) || position[id] !== -1) throw new UnspinError('MODEL_INVALID', `${c.source.origin}: rule ${c.entry.id} has regex number ${id}, outside its index or taken`, { input: c.source.origin });
      position[id] = owner.length;
      owner.push(c);
      pattern.push(r);
      anchor.push(c.anchors[r]!);
      const wp = c.words[r];
      groupless.push(!(wp && needsGroupWord(wp)));
      req.push(...c.requiredIds[r]!);
      reqFrom.push(req.length);
    }
  };
  for (const rule of set.rules) add(rule);
  const ruleCount = owner.length;
  for (const guard of set.guards) add(guard);
  const count = owner.length;
  const always = new Int32Array((count + 31) >> 5);
  const alwaysGroupless = new Int32Array(always.length);
  for (let p = 0; p < count; p++) {
    if (anchor[p] === false) continue;
    always[p >> 5]! |= 1 << (p & 31);
    if (groupless[p]) alwaysGroupless[p >> 5]! |= 1 << (p & 31);
  }
  const words: string[] = [];
  const anchored: number[] = [];
  const anchoredFrom: number[] = [0];
  const grouplessOnes: number[] = [];
  const grouplessFrom: number[] = [0];
  const required: number[] = [];
  const requiredFrom: number[] = [0];
  for (const [word, entry] of set.index.at) {
    words.push(word);
    // Regexes of this set only (a set may have dropped some of its index's), in number order.
    const ps = entry.anchored.map((id) => position[id]!).filter((p) => p >= 0).sort((a, b) => a - b);
    anchored.push(...ps);
    anchoredFrom.push(anchored.length);
    grouplessOnes.push(...ps.filter((p) => groupless[p]));
    grouplessFrom.push(grouplessOnes.length);
    required.push(...entry.required);
    requiredFrom.push(required.length);
  }
  return {
    owner,
    pattern: Int32Array.from(pattern),
    ruleCount,
    anchor,
    reqFrom: Int32Array.from(reqFrom),
    req: Int32Array.from(req),
    requiredCount: set.index.requiredCount,
    words: wordIndexOf(words),
    idsByWord: new WordAnswers(),
    anchoredFrom: Int32Array.from(anchoredFrom),
    anchored: Int32Array.from(anchored),
    grouplessFrom: Int32Array.from(grouplessFrom),
    groupless: Int32Array.from(grouplessOnes),
    requiredFrom: Int32Array.from(requiredFrom),
    required: Int32Array.from(required),
    always,
    alwaysGroupless,
  };
}

/**
 * One unit seen through a PatternDispatch: where each regex can begin, which required sets it
 * meets, and the regexes it tries. One scratch object for every unit, in typed arrays stamped
 * per scan (nothing is allocated or cleared per unit but the bit set of regexes, a word per 32).
 */
export interface UnitScan {
  /** This scan's number: head and met entries of other numbers are stale. */
  stamp: number;
  /** Per regex: its first start node (valid where headStamp is this stamp) and its last. */
  head: Int32Array;
  tail: Int32Array;
  headStamp: Int32Array;
  /** Start nodes: the word where a regex may begin, and the next node of the same regex (-1: none), in word order. */
  nodeWord: Int32Array;
  nodeNext: Int32Array;
  /** Per required set id: this stamp where the unit holds one of its words. */
  met: Int32Array;
  /** The words a "^" can match before, in order: 0 and every word that opens a sentence. */
  openings: number[];
  /** Every word is one the word automata read exactly (plainWord): they may then skip the regex. */
  plain: boolean;
  /** The regexes woken, as a bit set. */
  woken: Int32Array;
  /** Per word of the unit: its number in the dispatch's words, or -1. */
  ids: Int32Array;
  /** The regexes the unit tries, live[0 .. liveCount), in order: woken, with every required set met. */
  live: Int32Array;
  liveCount: number;
}

const scratch: UnitScan = {
  stamp: 0,
  head: new Int32Array(0),
  tail: new Int32Array(0),
  headStamp: new Int32Array(0),
  nodeWord: new Int32Array(256),
  nodeNext: new Int32Array(256),
  met: new Int32Array(0),
  openings: [],
  plain: false,
  woken: new Int32Array(0),
  ids: new Int32Array(64),
  live: new Int32Array(0),
  liveCount: 0,
};

/** The last unit scanned: matchRules and matchGuards read the same words one after the other. */
let lastDispatch: PatternDispatch | undefined;
let lastWords: readonly CanonWord[] | undefined;

/** What scanUnit reads off a word, packed: (its row in `d.words` + 1) * 4, + 1 where plain (plainWord), + 2 where it is or holds a placeholder. */
function wordFacts(d: PatternDispatch, t: string): number {
  const plain = plainWord(t);
  const group = t === 'GRP' || t === 'SLUR' || (!plain && (t.includes('GRP') || t.includes('SLUR')));
  return ((lookupWord(d.words, t) + 1) << 2) | (plain ? 1 : 0) | (group ? 2 : 0);
}

export function scanUnit(d: PatternDispatch, words: readonly CanonWord[]): UnitScan {
  const sc = scratch;
  if (lastWords === words && lastDispatch === d) return sc;
  const count = d.owner.length;
  if (sc.head.length < count) {
    sc.head = new Int32Array(count);
    sc.tail = new Int32Array(count);
    sc.headStamp = new Int32Array(count);
    sc.live = new Int32Array(count);
  }
  if (sc.woken.length < d.always.length) sc.woken = new Int32Array(d.always.length);
  if (sc.met.length < d.requiredCount) sc.met = new Int32Array(d.requiredCount);
  if (++sc.stamp >= 0x3fffffff) {
    sc.headStamp.fill(0);
    sc.met.fill(0);
    sc.stamp = 1;
  }
  const stamp = sc.stamp;
  if (sc.ids.length < words.length) sc.ids = new Int32Array(Math.max(words.length, 2 * sc.ids.length));
  const { head, tail, headStamp, met, openings, woken, ids } = sc;
  // Whether the words are plain (see plainWord), and whether one holds "GRP" or "SLUR".
  let plain = true;
  let group = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const n = w.word ?? NO_WORD;
    if (n !== NO_WORD) {
      // A token's fold: its id, plainness and placeholder (as below) read by number.
      let known = d.idsByWord.get(n);
      if (known === UNANSWERED) d.idsByWord.set(n, (known = wordFacts(d, w.text)));
      ids[i] = (known >> 2) - 1;
      if ((known & 1) === 0) plain = false;
      if ((known & 2) !== 0) group = true;
      continue;
    }
    const t = w.text;
    ids[i] = lookupWord(d.words, t);
    if (t === 'GRP' || t === 'SLUR') group = true;
    else if (!plainWord(t)) {
      plain = false;
      // Only a word with capitals can hold a placeholder glued to other letters.
      if (t.includes('GRP') || t.includes('SLUR')) group = true;
    }
  }
  woken.set(group ? d.always : d.alwaysGroupless);
  openings.length = 0;
  openings.push(0);
  let nodes = 0;
  for (let i = 0; i < words.length; i++) {
    if (i > 0 && words[i]!.opens) openings.push(i);
    const id = ids[i]!;
    if (id < 0) continue;
    const anchored = group ? d.anchored : d.groupless;
    const from = group ? d.anchoredFrom[id]! : d.grouplessFrom[id]!;
    const to = group ? d.anchoredFrom[id + 1]! : d.grouplessFrom[id + 1]!;
    if (nodes + to - from > sc.nodeWord.length) {
      const size = Math.max(2 * sc.nodeWord.length, nodes + to - from);
      const word = new Int32Array(size);
      const next = new Int32Array(size);
      word.set(sc.nodeWord);
      next.set(sc.nodeNext);
      sc.nodeWord = word;
      sc.nodeNext = next;
    }
    const { nodeWord, nodeNext } = sc;
    for (let k = from; k < to; k++) {
      const p = anchored[k]!;
      nodeWord[nodes] = i;
      nodeNext[nodes] = -1;
      if (headStamp[p] !== stamp) {
        headStamp[p] = stamp;
        head[p] = nodes;
        woken[p >> 5]! |= 1 << (p & 31);
      } else nodeNext[tail[p]!] = nodes;
      tail[p] = nodes;
      nodes++;
    }
    const required = d.required;
    for (let k = d.requiredFrom[id]!, end = d.requiredFrom[id + 1]!; k < end; k++) met[required[k]!] = stamp;
  }
  // The woken regexes in number order, less those missing a required word.
  const { reqFrom, req } = d;
  const live = sc.live;
  let n = 0;
  for (let w = 0; w < d.always.length; w++) {
    let bits = woken[w]!;
    while (bits !== 0) {
      const low = bits & -bits;
      bits ^= low;
      const p = (w << 5) | (31 - Math.clz32(low));
      let ok = true;
      for (let j = reqFrom[p]!; j < reqFrom[p + 1]! && ok; j++) ok = met[req[j]!] === stamp;
      if (ok) live[n++] = p;
    }
  }
  sc.liveCount = n;
  sc.plain = plain;
  lastDispatch = d;
  lastWords = words;
  return sc;
}
