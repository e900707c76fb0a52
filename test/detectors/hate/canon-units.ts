import type { LexiconMatch } from '../../../src/detectors/hate/lexicon.js';
import { canonWord, type CanonWord } from '../../../src/detectors/hate/rules.js';

// Units of canonical words built by hand, for the tests that hold the rule matcher's word
// automata and its dispatch against each pattern's own regex.

/** A small deterministic generator, so that a failure names a reproducible case. */
export function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 2 ** 32;
  };
}

export const GROUP_MATCH = { kind: 'group', from: 0, to: 1, start: 0, end: 0, target: 'T', surface: 'x', entry: {} } as unknown as LexiconMatch;

/** Canonical words of the given texts, GRP and SLUR as group mentions; `opens` marks the words that open a sentence. */
export function unit(texts: readonly string[], opens: ReadonlySet<number> = new Set()): CanonWord[] {
  let at = 0;
  return texts.map((t, i) => {
    const w = canonWord(t, at, at + t.length, t === 'GRP' || t === 'SLUR' ? { target: 'T', match: GROUP_MATCH, antecedent: undefined } : undefined, opens.has(i));
    at += t.length + 1;
    return w;
  });
}

/** The words joined as rules.ts joins them: a line break before a word that opens a sentence. */
export function joined(words: readonly CanonWord[]): { text: string; starts: number[] } {
  let text = '';
  const starts: number[] = [];
  words.forEach((w, i) => {
    if (i > 0) text += w.opens ? '\n' : ' ';
    starts.push(text.length);
    text += w.text;
  });
  return { text, starts };
}
