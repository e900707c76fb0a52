/**
 * A word-level prefilter for the hate rules' patterns (rules.ts): each pattern read as an
 * automaton over a unit's words and the separators between them, which says whether a match
 * can begin at a word. It over-approximates the compiled regex (lookarounds, `\b` and `$`
 * are read as always true, any character class other than `[a-z*]` as any word) and never
 * under-approximates it on a unit of plain words (every word `[a-z*]+`, `GRP` or `SLUR`,
 * what the canonical words are): where it says no, the regex finds no match there, so the
 * regex runs only where it says yes and the matches are the regex's own. On news prose
 * almost every try of a rule is a miss, and most rules' regexes (large alternations of the
 * vocabulary's lists) are then never compiled nor run.
 *
 * A pattern it cannot read word by word (a quantifier on a letter, "{list}s", a class that
 * could match a space, "." ...) compiles to null, and rules.ts runs its regex as before.
 */
import { NO_WORD, wordNumber } from '../../text/word-numbers.js';
import type { CanonWord } from './rules.js';
import { childByNumber, endsAt, NO_NODE, numberedTrie } from './trie-numbers.js';

/** Empty moves, only while building. */
const EPS = 0;
const SPLIT = 1;
const SEP = 2;
const BOL = 3;
const LIT = 4;
/** `{W}`, `[a-z*]+`: any word but GRP and SLUR. */
const LOWER = 5;
/** A class the prefilter does not read exactly: any word. */
const ANY = 6;
/** GRP: the words GRP and SLUR. */
const GROUP = 7;
/** A {list} or an alternation of plain phrases, as a trie of words. */
const TRIE = 8;
const MATCH = 9;

/** Words of phrases, one level a word; `end` where a phrase ends. */
export interface WordTrie {
  next: Map<string, WordTrie>;
  end: boolean;
}

/**
 * The automaton with its empty moves (groups, alternatives, repetitions, lookarounds) taken
 * out: nodes that read something (a word, a separator), test "^", or accept, each with the
 * nodes that can come right after it.
 */
export interface WordPattern {
  kind: Uint8Array;
  /** LIT: the word; TRIE: the trie. */
  arg: (string | WordTrie | null)[];
  /** The nodes after node k: succ[succFrom[k] .. succFrom[k + 1]). */
  succFrom: Int32Array;
  succ: Int32Array;
  /** The nodes a match begins with. */
  starts: Int32Array;
  /**
   * Null, or what fills in `arg` before the automaton's first run: read from the compiled rule
   * set (shipped-rules.ts), a TRIE node's argument is its trie's number there until then, so
   * that tries no unit reaches are never built.
   */
  pending: ((wp: WordPattern) => void) | null;
  /** Null until the automaton first runs: then its words by number (patternNumbers). */
  numbers: PatternNumbers | null;
}

/**
 * A pattern's words by their process-wide numbers (text/word-numbers.ts), so that a step
 * compares numbers, not strings: per node, a LIT's word number (NO_WORD for other nodes, and
 * for a word the full numbering refused: that node compares strings) and a TRIE's numbered root
 * (trie-numbers.ts; NO_NODE for other nodes, and for a trie that could not be numbered: that
 * node reads the string trie).
 */
export interface PatternNumbers {
  lit: Int32Array;
  trie: Int32Array;
}

/** The automaton as built, empty moves included. */
interface Thompson {
  kind: number[];
  out1: number[];
  out2: number[];
}

type Node =
  | { t: 'seq'; items: Node[] }
  | { t: 'alt'; alts: Node[] }
  | { t: 'rep'; node: Node; min: number; max: number }
  | { t: 'lit'; word: string }
  | { t: 'lower' }
  | { t: 'any' }
  | { t: 'group' }
  | { t: 'trie'; trie: WordTrie }
  | { t: 'sep' }
  | { t: 'bol' }
  | { t: 'eps' };

class Unreadable extends Error {}

/** The trie of a list's phrases; null when a phrase is not plain words joined by single spaces, or holds "GRP" (the compiler rewrites it). */
export function phraseTrie(phrases: readonly string[]): WordTrie | null {
  const root: WordTrie = { next: new Map(), end: false };
  for (const phrase of phrases) {
    if (phrase.includes('GRP') || phrase.includes('\n')) return null;
    const words = phrase.split(' ');
    if (words.some((w) => w === '')) return null;
    let node = root;
    for (const w of words) {
      let child = node.next.get(w);
      if (!child) node.next.set(w, (child = { next: new Map(), end: false }));
      node = child;
    }
    node.end = true;
  }
  return root;
}

/**
 * The word automaton of a rule pattern (the syntax of rules.yml: words, spaces, {list}, {W},
 * GRP, groups, alternation, quantifiers, lookarounds, ^, \b), or null when the pattern is
 * outside what it reads exactly enough to be a sound prefilter. `trieOf` gives a list's
 * trie (null for an unknown list, or one phraseTrie refused).
 */
export function compileWordPattern(pattern: string, trieOf: (name: string) => WordTrie | null): WordPattern | null {
  let ast: Node;
  try {
    ast = parse(pattern, trieOf);
  } catch (e) {
    if (e instanceof Unreadable) return null;
    throw e;
  }
  const kind: number[] = [];
  const out1: number[] = [];
  const out2: number[] = [];
  const arg: (string | WordTrie | null)[] = [];
  const state = (k: number, a: number, b = -1, x: string | WordTrie | null = null): number => {
    kind.push(k);
    out1.push(a);
    out2.push(b);
    arg.push(x);
    return kind.length - 1;
  };
  const build = (node: Node, next: number): number => {
    switch (node.t) {
      case 'seq': {
        let entry = next;
        for (let i = node.items.length - 1; i >= 0; i--) entry = build(node.items[i]!, entry);
        return entry;
      }
      case 'alt': {
        let entry = build(node.alts[node.alts.length - 1]!, next);
        for (let i = node.alts.length - 2; i >= 0; i--) entry = state(SPLIT, build(node.alts[i]!, next), entry);
        return entry;
      }
      case 'rep': {
        let tail = next;
        if (node.max === Infinity) {
          const loop = state(SPLIT, -1, next);
          out1[loop] = build(node.node, loop);
          tail = loop;
        } else for (let k = node.min; k < node.max; k++) tail = state(SPLIT, build(node.node, tail), next);
        for (let k = 0; k < node.min; k++) tail = build(node.node, tail);
        return tail;
      }
      case 'lit':
        return state(LIT, next, -1, node.word);
      case 'lower':
        return state(LOWER, next);
      case 'any':
        return state(ANY, next);
      case 'group':
        return state(GROUP, next);
      case 'trie':
        return state(TRIE, next, -1, node.trie);
      case 'sep':
        return state(SEP, next);
      case 'bol':
        return state(BOL, next);
      case 'eps':
        return next;
    }
  };
  const match = state(MATCH, -1);
  const start = build(ast, match);
  const nfa: Thompson = { kind, out1, out2 };
  // Two word atoms with no space between ("{list}s", "(?:un)?{W}") match inside one word of the
  // text, which the automaton cannot: such a pattern is left to its regex.
  for (let s = 0; s < kind.length; s++) if (consumesWord(kind[s]!) && closure(nfa, out1[s]!).some((t) => consumesWord(kind[t]!))) return null;
  // Number the nodes that are not empty moves, and list each one's successors through them.
  const ids = new Map<number, number>();
  const order: number[] = [];
  const idOf = (st: number): number => {
    let id = ids.get(st);
    if (id === undefined) {
      id = order.length;
      ids.set(st, id);
      order.push(st);
    }
    return id;
  };
  const starts = closure(nfa, start).map(idOf);
  const succLists: number[][] = [];
  for (let k = 0; k < order.length; k++) {
    const st = order[k]!;
    succLists.push(kind[st] === MATCH ? [] : closure(nfa, out1[st]!).map(idOf));
  }
  const succFrom = new Int32Array(order.length + 1);
  for (let k = 0; k < order.length; k++) succFrom[k + 1] = succFrom[k]! + succLists[k]!.length;
  return {
    kind: Uint8Array.from(order.map((st) => kind[st]!)),
    arg: order.map((st) => arg[st]!),
    succFrom,
    succ: Int32Array.from(succLists.flat()),
    starts: Int32Array.from(starts),
    pending: null,
    numbers: null,
  };
}

function consumesWord(k: number): boolean {
  return k === LIT || k === LOWER || k === ANY || k === GROUP || k === TRIE;
}

/**
 * The states reachable from `from` by empty moves that are not themselves empty moves, in
 * order of first reach. "^" is no empty move here: it holds only at some words, so it is a node.
 */
function closure(nfa: Thompson, from: number): number[] {
  const seen = new Set<number>();
  const out: number[] = [];
  const stack = [from];
  while (stack.length > 0) {
    const s = stack.pop()!;
    if (s < 0 || seen.has(s)) continue;
    seen.add(s);
    const k = nfa.kind[s]!;
    if (k === EPS) stack.push(nfa.out1[s]!);
    else if (k === SPLIT) stack.push(nfa.out2[s]!, nfa.out1[s]!);
    else out.push(s);
  }
  return out;
}


/** Recursive descent over the pattern; throws Unreadable on anything outside the word reading. */
function parse(p: string, trieOf: (name: string) => WordTrie | null): Node {
  let i = 0;
  const fail = (): never => {
    throw new Unreadable();
  };
  const quantifier = (): { min: number; max: number } | null => {
    const c = p[i];
    let q: { min: number; max: number } | null = null;
    if (c === '?') q = { min: 0, max: 1 };
    else if (c === '*') q = { min: 0, max: Infinity };
    else if (c === '+') q = { min: 1, max: Infinity };
    else if (c === '{' && /\d/.test(p[i + 1] ?? '')) {
      const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(p.slice(i));
      if (!m) fail();
      const min = Number(m![1]);
      const max = m![2] ? (m![3] ? Number(m![3]) : Infinity) : min;
      i += m![0].length - 1;
      q = { min, max };
    }
    if (!q) return null;
    i++;
    if (p[i] === '?') i++; // lazy: the same words can match
    return q;
  };
  const quantified = (node: Node): Node => {
    const q = quantifier();
    if (!q) return node;
    if (q.max < q.min) fail();
    return { t: 'rep', node, min: q.min, max: q.max };
  };
  const alternation = (): Node => {
    const alts = [sequence()];
    while (p[i] === '|') {
      i++;
      alts.push(sequence());
    }
    return alts.length === 1 ? alts[0]! : plainAlternation(alts) ?? { t: 'alt', alts };
  };
  const sequence = (): Node => {
    const items: Node[] = [];
    let word = '';
    const flush = () => {
      if (word) items.push({ t: 'lit', word });
      word = '';
    };
    // Where the last escaped character ends ("\\??" is an optional literal question mark, left to the regex).
    let escapedTo = -1;
    while (i < p.length && p[i] !== '|' && p[i] !== ')') {
      const c = p[i]!;
      if (c === ' ') {
        flush();
        items.push({ t: 'sep' });
        i++;
      } else if (c === '(') {
        flush();
        let look = false;
        if (p.startsWith('(?:', i)) i += 3;
        else if (p.startsWith('(?=', i) || p.startsWith('(?!', i)) {
          i += 3;
          look = true;
        } else if (p.startsWith('(?<=', i) || p.startsWith('(?<!', i)) {
          i += 4;
          look = true;
        } else if (p.startsWith('(?<', i)) {
          const close = p.indexOf('>', i);
          if (close < 0) fail();
          i = close + 1;
        } else if (p[i + 1] === '?') fail();
        else i++;
        const inner = alternation();
        if (p[i] !== ')') fail();
        i++;
        // A lookaround constrains, never consumes: read as always true (a superset of matches).
        const node = quantified(look ? { t: 'eps' } : inner);
        items.push(look ? { t: 'eps' } : node);
      } else if (c === '{') {
        if (word || /\d/.test(p[i + 1] ?? '')) fail(); // a quantifier on a letter, or a list glued to one
        const close = p.indexOf('}', i);
        if (close < 0) fail();
        const name = p.slice(i + 1, close);
        i = close + 1;
        if (name === 'W') items.push(quantified({ t: 'lower' }));
        else {
          const trie = trieOf(name);
          if (!trie) fail();
          items.push(quantified({ t: 'trie', trie: trie! }));
        }
      } else if (c === '[') {
        if (word) fail();
        const close = classEnd(p, i);
        if (close < 0) fail();
        const body = p.slice(i + 1, close);
        // Only classes of letters, digits and the mask: none can match a separator.
        if (!/^(?:[A-Za-z0-9*'-]|\\[-*.'])+$/.test(body) || body.startsWith('^')) fail();
        i = close + 1;
        const q = quantifier();
        // The class and its repetition are one word: "[a-z*]+" is {W}; anything else any word.
        if (q && q.min === 0) fail(); // a word that may be empty leaves two separators in a row
        items.push(body === 'a-z*' && q && q.min === 1 && q.max === Infinity ? { t: 'lower' } : { t: 'any' });
        if (quantifier()) fail();
      } else if (c === '\\') {
        const e = p[i + 1];
        if (e === undefined) fail();
        if (e === 'b' || e === 'B') {
          flush();
          items.push({ t: 'eps' });
        } else if (/[A-Za-z0-9]/.test(e!)) fail();
        else word += e;
        i += 2;
        escapedTo = i;
      } else if (c === '^') {
        flush();
        items.push({ t: 'bol' });
        i++;
      } else if (c === '$') {
        flush();
        items.push({ t: 'eps' });
        i++;
      } else if (c === '?' && word.length >= 2 && wordEnds(p[i + 1]) && escapedTo !== i) {
        // "comments?": the word with or without its last letter.
        items.push({ t: 'trie', trie: phraseTrie([word, word.slice(0, -1)])! });
        word = '';
        i++;
      } else if (c === '.' || c === '?' || c === '*' || c === '+') fail();
      else if (p.startsWith('GRP', i)) {
        if (word) fail();
        i += 3;
        items.push(quantified({ t: 'group' }));
      } else {
        word += c;
        i++;
      }
    }
    flush();
    return items.length === 1 ? items[0]! : { t: 'seq', items };
  };
  const node = alternation();
  if (i !== p.length) fail();
  return node;
}

/** An alternation of plain words or phrases ("is|are|has been") as one trie; null when any alternative is anything else. */
function plainAlternation(alts: readonly Node[]): Node | null {
  const phrases: string[] = [];
  for (const a of alts) {
    if (a.t === 'lit') phrases.push(a.word);
    else if (a.t === 'seq' && a.items.every((x, k) => (k % 2 === 0 ? x.t === 'lit' : x.t === 'sep')) && a.items.length % 2 === 1) phrases.push(a.items.map((x) => (x.t === 'lit' ? x.word : ' ')).join(''));
    else return null;
  }
  const trie = phraseTrie(phrases);
  return trie ? { t: 'trie', trie } : null;
}

/** Whether a pattern character (or the end) ends a word: a space, a group's end or an alternative's. */
function wordEnds(c: string | undefined): boolean {
  return c === undefined || c === ' ' || c === ')' || c === '|';
}

function classEnd(p: string, open: number): number {
  for (let i = open + 1; i < p.length; i++) {
    if (p[i] === '\\') i++;
    else if (p[i] === ']') return i;
  }
  return -1;
}

/**
 * Whether every match of the pattern reads a GRP or SLUR word: no path from a start to the
 * match avoids the GRP nodes (and literal words holding "GRP" or "SLUR"). A property of the
 * pattern's structure, which its regex shares (the automaton is built from the same syntax,
 * lookarounds and loose classes only widening it): where no word of a unit holds "GRP" or
 * "SLUR", such a regex finds nothing, whatever the words are. Read off the nodes alone, so
 * tries still pending are not built.
 */
export function needsGroupWord(wp: WordPattern): boolean {
  const { kind, arg, succFrom, succ } = wp;
  const seen = new Uint8Array(kind.length);
  const stack: number[] = [];
  for (const s of wp.starts) stack.push(s);
  while (stack.length > 0) {
    const s = stack.pop()!;
    if (seen[s]) continue;
    seen[s] = 1;
    const k = kind[s]!;
    if (k === MATCH) return false;
    if (k === GROUP) continue;
    if (k === LIT && /GRP|SLUR/.test(arg[s] as string)) continue;
    for (let j = succFrom[s]!; j < succFrom[s + 1]!; j++) stack.push(succ[j]!);
  }
  return true;
}

/** Whether the automaton reads the word exactly: `[a-z*]+`, GRP or SLUR (the canonical words always are). */
export function plainWord(t: string): boolean {
  if (t.length === 0) return false;
  if (t === 'GRP' || t === 'SLUR') return true;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || c === 42)) return false;
  }
  return true;
}

// Positions: 2k is before word k, 2k+1 the separator after it (or the end). Shared scratch,
// stamped so that nothing is cleared between calls.
let visited = new Int32Array(1024);
let stamp = 0;
let stackS = new Int32Array(256);
let stackP = new Int32Array(256);
let top = 0;

/**
 * Whether a non-empty match of the pattern may begin at word `at` of plain words (see
 * plainWord, every word of the unit): false only where the regex, tried there, finds none.
 */
export function mayMatchAt(wp: WordPattern, words: readonly CanonWord[], at: number): boolean {
  return mayMatchFrom(wp, words, at, at + 1);
}

/**
 * Whether a non-empty match may begin at any word: one search from every start at once, so
 * each node and position is visited once for the whole unit, not once per start.
 */
export function mayMatchAnywhere(wp: WordPattern, words: readonly CanonWord[]): boolean {
  return mayMatchFrom(wp, words, 0, words.length);
}

/**
 * Whether a non-empty match may begin at any of the words at[0 .. count) (in increasing order):
 * one search from all of them, as mayMatchAnywhere, for a rule tried at several words of a unit
 * (nearly every such try is a miss, and the searches from each word share most of their states).
 */
export function mayMatchAtAny(wp: WordPattern, words: readonly CanonWord[], at: Int32Array, count: number): boolean {
  begin(wp, words, count);
  for (let j = count - 1; j >= 0; j--) seed(wp, at[j]!);
  return search(wp, words);
}

/** Whether a non-empty match may begin at some word in [from, to). */
function mayMatchFrom(wp: WordPattern, words: readonly CanonWord[], from: number, to: number): boolean {
  begin(wp, words, to - from);
  for (let at = to - 1; at >= from; at--) seed(wp, at);
  return search(wp, words);
}

/** Readies the shared scratch for a search of `wp` over `words` from `count` words. */
function begin(wp: WordPattern, words: readonly CanonWord[], count: number): void {
  if (wp.pending !== null) wp.pending(wp);
  if (wp.numbers === null) wp.numbers = patternNumbers(wp);
  if (unitWords !== words) numberUnit(words);
  const need = wp.kind.length * (2 * words.length + 1);
  if (visited.length < need) visited = new Int32Array(Math.max(need, visited.length * 2));
  if (++stamp >= 0x3fffffff) {
    visited.fill(0);
    stamp = 1;
  }
  top = 0;
  if (wp.starts.length * count > stackS.length) grow(wp.starts.length * count);
}

/** Pushes the pattern's start nodes at word `at`. Later words are seeded first, so the search (a stack) tries the earliest first. */
function seed(wp: WordPattern, at: number): void {
  const starts = wp.starts;
  for (let k = 0; k < starts.length; k++) {
    stackS[top] = starts[k]!;
    stackP[top++] = 2 * at;
  }
}

/** The search from the seeded stack: whether it reaches the match. */
function search(wp: WordPattern, words: readonly CanonWord[]): boolean {
  const numbers = wp.numbers!;
  const nums = unitNums;
  const groupAt = unitGroup;
  const n = words.length;
  const width = 2 * n + 1;
  const { kind, arg } = wp;
  while (top > 0) {
    top--;
    const s = stackS[top]!;
    const p = stackP[top]!;
    const key = s * width + p;
    if (visited[key] === stamp) continue;
    visited[key] = stamp;
    const k = kind[s]!;
    if (k === MATCH) {
      // A match ends after a word (the regex's closing lookahead), past the start.
      if ((p & 1) === 1) return true;
      continue;
    }
    if (k === SEP) {
      if ((p & 1) === 1 && (p + 1) >> 1 < n) pushNext(wp, s, p + 1);
      continue;
    }
    if ((p & 1) === 1) continue;
    const w = p >> 1;
    if (k === BOL) {
      if (w === 0 || words[w]!.opens) pushNext(wp, s, p);
      continue;
    }
    if (w >= n) continue;
    let ok = false;
    if (k === LIT) {
      const lit = numbers.lit[s]!;
      ok = lit !== NO_WORD ? nums[w] === lit : words[w]!.text === arg[s];
    } else if (k === LOWER) ok = groupAt[w] === 0;
    else if (k === ANY) ok = true;
    else if (k === GROUP) ok = groupAt[w] === 1;
    else if (k === TRIE) {
      const root = numbers.trie[s]!;
      if (root !== NO_NODE) {
        let node = root;
        for (let j = w; j < n; j++) {
          const child = childByNumber(node, nums[j]!);
          if (child === NO_NODE) break;
          if (endsAt(child)) pushNext(wp, s, 2 * j + 1);
          node = child;
        }
      } else {
        let node = arg[s] as WordTrie;
        for (let j = w; j < n; j++) {
          const child = node.next.get(words[j]!.text);
          if (!child) break;
          if (child.end) pushNext(wp, s, 2 * j + 1);
          node = child;
        }
      }
      continue;
    }
    if (ok) pushNext(wp, s, p + 1);
  }
  return false;
}

/** A pattern's words numbered (PatternNumbers), on its first run, after `pending` has put its tries in. */
function patternNumbers(wp: WordPattern): PatternNumbers {
  const lit = new Int32Array(wp.kind.length).fill(NO_WORD);
  const trie = new Int32Array(wp.kind.length).fill(NO_NODE);
  for (let s = 0; s < wp.kind.length; s++) {
    if (wp.kind[s] === LIT) lit[s] = wordNumber(wp.arg[s] as string);
    else if (wp.kind[s] === TRIE) trie[s] = numberedTrie(wp.arg[s] as WordTrie);
  }
  return { lit, trie };
}

// The last unit the automata read, numbered: every automaton tried on a unit reads the same
// words (matchRules and matchGuards try dozens), so they are numbered once per unit.
let unitWords: readonly CanonWord[] | null = null;
let unitNums = new Int32Array(64);
let unitGroup = new Uint8Array(64);

/**
 * Each word's number (a token's fold keeps the spine's; GRP, SLUR and the repaired or joined
 * words are looked up by their text, NO_WORD where the numbering is full and the form new: such
 * a word is none of a pattern's numbered words) and whether it is GRP or SLUR.
 */
function numberUnit(words: readonly CanonWord[]): void {
  if (unitNums.length < words.length) {
    unitNums = new Int32Array(Math.max(words.length, 2 * unitNums.length));
    unitGroup = new Uint8Array(unitNums.length);
  }
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const n = w.word ?? NO_WORD;
    unitNums[i] = n !== NO_WORD ? n : wordNumber(w.text);
    unitGroup[i] = w.text === 'GRP' || w.text === 'SLUR' ? 1 : 0;
  }
  unitWords = words;
}

/** Pushes the nodes after node `s`, at position `p`, on the shared stack. */
function pushNext(wp: WordPattern, s: number, p: number): void {
  const from = wp.succFrom[s]!;
  const to = wp.succFrom[s + 1]!;
  if (top + to - from > stackS.length) grow(top + to - from);
  const succ = wp.succ;
  for (let k = from; k < to; k++) {
    stackS[top] = succ[k]!;
    stackP[top++] = p;
  }
}

function grow(size: number): void {
  const s = new Int32Array(Math.max(size, 2 * stackS.length));
  const p = new Int32Array(s.length);
  s.set(stackS);
  p.set(stackP);
  stackS = s;
  stackP = p;
}
