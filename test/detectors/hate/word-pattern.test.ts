import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dataPath } from '../../../src/core/paths.js';
import { loadRuleFile } from '../../../src/core/rules.js';
import { createHateDetector } from '../../../src/detectors/hate/index.js';
import { compileRuleSet, matchGuards, matchRules, stickyAt, type GuardEntry, type HateRuleEntry, type HateRuleSet, type VocabularyEntry } from '../../../src/detectors/hate/rules.js';
import { loadDefaultHateRules } from '../../../src/detectors/hate/shipped-rules.js';
import { compileWordPattern, mayMatchAnywhere, mayMatchAt, mayMatchAtAny, phraseTrie } from '../../../src/detectors/hate/word-pattern.js';
import { analyze } from '../../../src/pipeline/analyze.js';
import { joined, rng, unit } from './canon-units.js';

// The word automata (word-pattern.ts) only decide where a rule's regex is tried: where one says
// no, the regex must find nothing. These tests hold each automaton against its own regex.

const vocabulary: VocabularyEntry[] = [
  { id: 'vermin', description: 'x', source: 'x', words: ['rats', 'vermin', 'parasites', 'a plague', 'a plague on us', 'the scum of the earth'] },
  { id: 'verb', description: 'x', source: 'x', words: ['are', 'is', 'were', 'have become'] },
  { id: 'odd', description: 'x', source: 'x', words: ['anti-social', 'ok'] },
];

/** Patterns of my own in the rules' syntax, and whether the automaton reads each exactly (no lookaround or loose class). */
const PATTERNS: [string, boolean][] = [
  ['GRP {verb} {vermin}', true],
  ['GRP (?:{W} ){0,2}{verb} (?:all |just )?{vermin}', true],
  ['(?:^|we should |we must )(?:drive|kick) (?:all )?(?:the )?GRP out', true],
  ['{vermin} (?:is|are) (?:{W} ){1,3}GRP', true],
  ['GRP (?:are|is) (?:not )?(?:{W} )*{vermin}', true],
  ['GRP (?:are |were )+rats', true],
  ['GRP (?:{W})? rats', true],
  ['(?:a|the) (?:plague|rats) on GRP', true],
  ['GRP (?:are|is) (?!(?:not|never)\\b)(?:{W} ){0,2}{vermin}', false],
  ['GRP (?:[a-z*]+ ){0,2}rats?', true],
  ['(?:comments?|posts?) about GRP', true],
  ['GRP [a-z]+ (?:{vermin}|{odd})', false],
  ['SLUR (?:{W} )?are\\b {vermin}', true],
  ['(?:these|those) GRP(?! (?:are|is) ok)', false],
  ['(?<!not )GRP {verb} {odd}', false],
];

const WORDS = ['GRP', 'GRP', 'GRP', 'SLUR', 'are', 'are', 'rats', 'is', 'is', 'were', 'have', 'become', 'rats', 'rat', 'vermin', 'a', 'plague', 'on', 'us', 'the', 'scum', 'of', 'earth', 'we', 'should', 'must', 'drive', 'kick', 'all', 'out', 'just', 'not', 'never', 'comments', 'comment', 'posts', 'about', 'these', 'those', 'ok', 'x*y', 'parasites'];

function ruleSet(patterns: readonly string[]): HateRuleSet {
  const rules: HateRuleEntry[] = patterns.map((p, i) => ({ id: `r${i}`, description: 'x', source: 'x', label: 'hatespeech', category: 'x', patterns: [p] }));
  return compileRuleSet(vocabulary, rules, []);
}

test('word automata: where the regex matches at a word, the automaton says it may; where it reads exactly, it says nothing more', () => {
  const set = ruleSet(PATTERNS.map(([p]) => p));
  const next = rng(13);
  let regexMatches = 0;
  for (let round = 0; round < 6000; round++) {
    const length = 1 + Math.floor(next() * 7);
    const texts = Array.from({ length }, () => WORDS[Math.floor(next() * WORDS.length)]!);
    const opens = new Set<number>();
    for (let i = 1; i < length; i++) if (next() < 0.15) opens.add(i);
    const words = unit(texts, opens);
    const { text, starts } = joined(words);
    set.rules.forEach((rule, k) => {
      const wp = rule.words[0];
      assert.ok(wp, `${PATTERNS[k]![0]} reads word by word`);
      const sticky = stickyAt(rule, 0);
      // One search from every start answers as the searches from each start would together.
      const anywhere = Array.from({ length }, (_, i) => mayMatchAt(wp!, words, i)).some(Boolean);
      assert.equal(mayMatchAnywhere(wp!, words), anywhere, `${PATTERNS[k]![0]} anywhere in ${JSON.stringify(text)}`);
      // So does one search from some of the words (an anchored rule's starts), in order.
      const some = Int32Array.from({ length }, (_, i) => i).filter(() => next() < 0.5);
      const any = [...some].some((i) => mayMatchAt(wp!, words, i));
      assert.equal(mayMatchAtAny(wp!, words, some, some.length), any, `${PATTERNS[k]![0]} at words ${some.join(',')} of ${JSON.stringify(text)}`);
      for (let i = 0; i < length; i++) {
        sticky.lastIndex = starts[i]!;
        const m = sticky.exec(text);
        const regex = m !== null && m[0].length > 0;
        const automaton = mayMatchAt(wp!, words, i);
        if (regex) regexMatches++;
        if (regex) assert.ok(automaton, `${PATTERNS[k]![0]} at word ${i} of ${JSON.stringify(text)}: the regex matches, the automaton says no`);
        if (PATTERNS[k]![1]) assert.equal(automaton, regex, `${PATTERNS[k]![0]} at word ${i} of ${JSON.stringify(text)}`);
      }
    });
  }
  // The sample must hold matches, or the equality above says little.
  assert.ok(regexMatches > 500, `${regexMatches} regex matches`);
});

test('word automata: patterns that match inside a word, or could match a separator, are left to their regex', () => {
  const trieOf = (name: string) => phraseTrie(vocabulary.find((v) => v.id === name)?.words ?? []);
  for (const p of ['{vermin}s', '(?:un)?{W} GRP', 'GRP ?are', 'GRP.are', 'GRP\\sare', "GRP's rats", 'GRP [^a-z]+ rats', 'GRP [a-z ]+ rats', '(?:a|b)c', 'GRP (?:are|were)+ rats', 'GRP a? rats', 'GRP\\1']) {
    assert.equal(compileWordPattern(p, trieOf), null, p);
  }
  // A list with a phrase the compiler rewrites is no trie.
  assert.equal(phraseTrie(['GRP lovers']), null);
  assert.equal(phraseTrie(['two  spaces']), null);
  assert.notEqual(compileWordPattern('GRP {verb} {vermin}', trieOf), null);
});

/** The rule set with every word automaton removed: every try runs the regex, as before them. */
function regexOnly(set: HateRuleSet): HateRuleSet {
  const strip = <T extends { words: unknown[] }>(c: T): T => ({ ...c, words: c.words.map(() => null) });
  return { ...set, rules: set.rules.map(strip), guards: set.guards.map(strip) };
}

test('shipped rules and guards: the same hits with and without the word automata, on words drawn from their own lists', () => {
  const set = loadDefaultHateRules();
  const plain = regexOnly(set);
  const vocab = loadRuleFile<VocabularyEntry>(dataPath('hate', 'vocabulary.yml'), ['words']).entries;
  const pool = [...new Set(vocab.flatMap((v) => v.words.flatMap((w) => w.split(' '))).filter((w) => /^[a-z*]+$/.test(w)))];
  pool.push('GRP', 'GRP', 'GRP', 'SLUR', 'the', 'are', 'is', 'they', 'all', 'we', 'should', 'not');
  const next = rng(7);
  const kinds: GuardEntry['kind'][] = ['counter', 'denial', 'reclaimed', 'homonym', 'quoted', 'attributed', 'endorsed', 'benign'];
  let hits = 0;
  for (let round = 0; round < 400; round++) {
    const length = 2 + Math.floor(next() * 14);
    const texts = Array.from({ length }, () => pool[Math.floor(next() * pool.length)]!);
    const opens = new Set<number>();
    for (let i = 1; i < length; i++) if (next() < 0.1) opens.add(i);
    // Two copies of the words: the unit scan is cached per word list.
    const a = unit(texts, opens);
    const b = unit(texts, opens);
    const fast = { rules: matchRules(set, a, []), guards: matchGuards(set, a, kinds) };
    const slow = { rules: matchRules(plain, b, []), guards: matchGuards(plain, b, kinds) };
    hits += fast.rules.length + fast.guards.length;
    assert.deepEqual(fast, slow, texts.join(' '));
  }
  assert.ok(hits > 0);
});

test('shipped rules: the detector gives the same findings with and without the word automata on every rule and guard example', () => {
  const rules = loadRuleFile<HateRuleEntry>(dataPath('hate', 'rules.yml'), ['label', 'category', 'patterns']).entries;
  const guards = loadRuleFile<GuardEntry>(dataPath('hate', 'guards.yml'), ['kind', 'patterns']).entries;
  const texts = [...rules, ...guards].flatMap((e) => [...((e as { examples?: string[] }).examples ?? []), ...((e as { counterexamples?: string[] }).counterexamples ?? [])]);
  assert.ok(texts.length > 200);
  const fast = createHateDetector({ rules: loadDefaultHateRules() });
  const slow = createHateDetector({ rules: regexOnly(loadDefaultHateRules()) });
  let flagged = 0;
  for (const text of texts) {
    const a = analyze(text, { detectors: [fast] }).findings;
    const b = analyze(text, { detectors: [slow] }).findings;
    flagged += a.length;
    assert.deepEqual(a, b, text);
  }
  assert.ok(flagged > 100, `${flagged} findings`);
});
