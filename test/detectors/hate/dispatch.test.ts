import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dataPath } from '../../../src/core/paths.js';
import { loadRuleFile } from '../../../src/core/rules.js';
import { dispatchOf } from '../../../src/detectors/hate/dispatch.js';
import { compileRuleSet, matchGuards, matchRules, regexAt, type CanonWord, type Compiled, type GuardEntry, type HateRuleEntry, type HateRuleSet, type RuleHit, type VocabularyEntry } from '../../../src/detectors/hate/rules.js';
import { loadDefaultHateRules } from '../../../src/detectors/hate/shipped-rules.js';
import { compileWordPattern, needsGroupWord, phraseTrie } from '../../../src/detectors/hate/word-pattern.js';
import { joined, rng, unit } from './canon-units.js';

// The dispatch (dispatch.ts) tries in a unit only the regexes that can begin at one of its
// words, those every unit tries, and those whose required words it holds. These tests hold
// its hits against every pattern's own global regex run over the whole unit.

/** Every pattern's matches by its own global regex over the joined words, as [first word, last word]. */
function everyPattern(c: Compiled<{ id: string }>, words: readonly CanonWord[]): [number, number, number][] {
  const { text, starts } = joined(words);
  const wordAt = (offset: number) => {
    let k = 0;
    while (k + 1 < starts.length && starts[k + 1]! <= offset) k++;
    return k;
  };
  const out: [number, number, number][] = [];
  c.patterns.forEach((_, r) => {
    const re = regexAt(c as Compiled<HateRuleEntry>, r);
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      out.push([r, wordAt(m.index), wordAt(m.index + m[0].length - 1)]);
    }
  });
  return out;
}

const KINDS: GuardEntry['kind'][] = ['counter', 'denial', 'reclaimed', 'homonym', 'quoted', 'attributed', 'endorsed', 'benign'];

/** The guard hits and the rule hits (negated ones too, as [rule, start, end], sorted) the dispatch gives and the ones every pattern gives. */
function compare(set: HateRuleSet, words: readonly CanonWord[], label: string): number {
  const guards = matchGuards(set, words, KINDS).map((h) => [h.guard.id, h.start, h.end]);
  const expectedGuards = set.guards.flatMap((g) => everyPattern(g, words).map(([, a, b]) => [g.entry.id, words[a]!.start, words[b]!.end]));
  assert.deepEqual(guards, expectedGuards, `guards in ${label}`);
  const negated: RuleHit[] = [];
  const hits = matchRules(set, words, [], negated);
  const key = (id: string, start: number, end: number) => `${id}:${start}:${end}`;
  const rules = [...hits, ...negated].map((h) => key(h.rule.id, h.start, h.end)).sort();
  const expectedRules = set.rules
    .flatMap((rule) =>
      everyPattern(rule, words)
        .filter(([, a, b]) => {
          // matchRules' own filters after the match: targets (every group here is T), and a group that is the object of "who/whom" before a copula.
          const entry = rule.entry;
          const grouped = words.slice(a, b + 1).some((w) => w.group);
          const targets = grouped ? ['T'] : entry.target ? [entry.target] : [];
          return !entry.targets || targets.some((t) => entry.targets!.includes(t));
        })
        .map(([, a, b]) => key(rule.entry.id, words[a]!.start, words[b]!.end)),
    )
    .sort();
  assert.deepEqual(rules, expectedRules, `rules in ${label}`);
  return guards.length + rules.length;
}

const vocabulary: VocabularyEntry[] = [
  { id: 'vermin', description: 'x', source: 'x', words: ['rats', 'vermin', 'a plague', 'the scum of the earth'] },
  { id: 'verb', description: 'x', source: 'x', words: ['are', 'is', 'have become'] },
  { id: 'harm', description: 'x', source: 'x', words: ['kick', 'drive', 'throw'] },
];
const entry = { description: 'x', source: 'x' };
const rules: HateRuleEntry[] = [
  { id: 'anchored', ...entry, label: 'hatespeech', category: 'x', negation: 'allowed', patterns: ['GRP {verb} {vermin}', '(?:these|those) GRP (?:{W} ){0,2}{vermin}'] },
  { id: 'at-start', ...entry, label: 'hatespeech', category: 'x', negation: 'allowed', patterns: ['(?:^|we should )(?:{harm}) (?:the )?GRP out', '^{vermin} all of them'] },
  { id: 'unanchored', ...entry, label: 'offensive', category: 'x', negation: 'allowed', patterns: ['(?:{W} ){1,2}are {vermin}', '[a-z]+ GRP are rats'] },
  { id: 'no-group', ...entry, label: 'offensive', category: 'x', negation: 'allowed', target: 'T', patterns: ['{vermin} (?:is|are) everywhere', 'we should (?:{harm}) them out'] },
  { id: 'optional-group', ...entry, label: 'offensive', category: 'x', negation: 'allowed', target: 'T', patterns: ['(?:GRP )?{verb} the scum of the earth'] },
];
const guards: GuardEntry[] = [
  { id: 'counter', ...entry, kind: 'counter', patterns: ['(?:saying|claiming) (?:that )?GRP {verb} {vermin}', '^(?:{W} ){0,3}is hateful'] },
  { id: 'denial', ...entry, kind: 'denial', patterns: ['(?:it is )?not true that GRP', 'GRP are not {vermin}'] },
  { id: 'quoted', ...entry, kind: 'quoted', patterns: ['(?:^|, )yeah right'] },
  { id: 'benign', ...entry, kind: 'benign', patterns: ['(?:{W} )?GRP (?:should|must) not be (?:{harm})n?'] },
];
const POOL = ['GRP', 'GRP', 'SLUR', 'are', 'is', 'have', 'become', 'rats', 'vermin', 'a', 'plague', 'the', 'scum', 'of', 'earth', 'these', 'those', 'we', 'should', 'kick', 'drive', 'throw', 'out', 'all', 'them', 'everywhere', 'saying', 'claiming', 'that', 'hateful', 'it', 'not', 'true', 'yeah', 'right', 'must', 'be', 'x9', 'don\'t'];
/** Pieces of the patterns' matches, so that random units hold matches, near misses and overlaps. */
const PIECES = ['GRP are rats', 'GRP is a plague', 'these GRP', 'those SLUR are', 'the scum of the earth', 'we should kick the GRP out', 'drive GRP out', 'rats all of them', 'vermin is everywhere', 'we should throw them out', 'saying that GRP', 'not true that GRP', 'it is not true', 'yeah right', 'is hateful', 'GRP must not be', 'kickn', 'have become vermin', 'GRP are not rats'];

test('dispatch: a rule set of my own gives, unit by unit, the hits of every pattern tried everywhere', () => {
  const set = compileRuleSet(vocabulary, rules, guards);
  const next = rng(18);
  let hits = 0;
  for (let round = 0; round < 3000; round++) {
    const texts: string[] = [];
    for (let n = 1 + Math.floor(next() * 5); n > 0; n--) texts.push(...(next() < 0.5 ? [POOL[Math.floor(next() * POOL.length)]!] : PIECES[Math.floor(next() * PIECES.length)]!.split(' ')));
    const length = texts.length;
    const opens = new Set<number>();
    for (let i = 1; i < length; i++) if (next() < 0.15) opens.add(i);
    hits += compare(set, unit(texts, opens), JSON.stringify(texts));
  }
  assert.ok(hits > 1000, `${hits} hits`);
});

test('dispatch: the shipped rules and guards give the hits of every pattern, on words drawn from their own lists', () => {
  const set = loadDefaultHateRules();
  const vocab = loadRuleFile<VocabularyEntry>(dataPath('hate', 'vocabulary.yml'), ['words']).entries;
  // Not "who"/"whom": matchRules drops a group that is the object of a relative clause, which the reference does not read.
  const pool = [...new Set(vocab.flatMap((v) => v.words.flatMap((w) => w.split(' '))).filter((w) => /^[a-z*]+$/.test(w) && w !== 'who' && w !== 'whom'))];
  pool.push('GRP', 'GRP', 'GRP', 'SLUR', 'the', 'are', 'is', 'they', 'all', 'we', 'should', 'not', 'and', 'of');
  const next = rng(1807);
  let hits = 0;
  for (let round = 0; round < 600; round++) {
    const length = 2 + Math.floor(next() * 14);
    const texts = Array.from({ length }, () => pool[Math.floor(next() * pool.length)]!);
    const opens = new Set<number>();
    for (let i = 1; i < length; i++) if (next() < 0.1) opens.add(i);
    hits += compare(set, unit(texts, opens), texts.join(' '));
  }
  assert.ok(hits > 50, `${hits} hits`);
});

test('dispatch: regexes are numbered in the order the rules and guards list them, and a set with fewer guards has its own', () => {
  const set = compileRuleSet(vocabulary, rules, guards);
  const d = dispatchOf(set);
  const order = d.owner.map((c, p) => `${c.entry.id}#${d.pattern[p]}`);
  assert.deepEqual(order, [...set.rules, ...set.guards].flatMap((c) => c.patterns.map((_, r) => `${c.entry.id}#${r}`)));
  assert.equal(d.ruleCount, rules.reduce((n, r) => n + r.patterns.length, 0));
  const fewer = { ...set, guards: set.guards.filter((g) => g.entry.kind !== 'counter') };
  const words = unit(['saying', 'GRP', 'are', 'rats'], new Set());
  assert.deepEqual(matchGuards(set, words, KINDS).map((h) => h.guard.id), ['counter']);
  assert.deepEqual(matchGuards(fewer, words, KINDS).map((h) => h.guard.id), []);
  assert.notEqual(dispatchOf(fewer), d);
});

test('word automata: a pattern needs a GRP or SLUR word only where every path to a match reads one', () => {
  const trieOf = (name: string) => phraseTrie(vocabulary.find((v) => v.id === name)?.words ?? []);
  const needs = (p: string) => needsGroupWord(compileWordPattern(p, trieOf)!);
  assert.equal(needs('GRP {verb} {vermin}'), true);
  assert.equal(needs('(?:these|those) GRP (?:{W} ){0,2}{vermin}'), true);
  assert.equal(needs('(?:GRP|SLUR) are rats'), true);
  assert.equal(needs('SLUR are rats'), true, 'a literal SLUR');
  assert.equal(needs('(?:GRP )?{verb} rats'), false);
  assert.equal(needs('GRP? rats'), false, 'the regex reads GRP? as an optional group');
  assert.equal(needs('{vermin} (?:is|are) everywhere'), false);
  assert.equal(needs('(?:GRP|they) are rats'), false);
  assert.equal(needs('(?!GRP){W} are rats'), false, 'a lookahead reads nothing');
});
