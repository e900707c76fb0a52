import { dataPath } from '../../core/paths.js';
import { loadRuleFile, type RuleEntry } from '../../core/rules.js';
import { UnspinError } from '../../core/errors.js';
import type { TextSpan } from '../../core/types.js';
import type { LexiconMatch, LexWord } from './lexicon.js';

export interface VocabularyEntry extends RuleEntry {
  words: string[];
}

export interface HateRuleEntry extends RuleEntry {
  label: 'hatespeech' | 'offensive';
  category: string;
  patterns: string[];
  negation?: 'allowed' | 'guarded';
  /** Only fire for these targets. */
  targets?: string[];
  /** The target when the pattern has no group slot. */
  target?: string;
  /** Slur rules: the severity of slur they report. */
  slur?: 'hatespeech' | 'offensive';
  examples?: string[];
  counterexamples?: string[];
}

export interface GuardEntry extends RuleEntry {
  kind: 'counter' | 'denial' | 'reclaimed';
  patterns: string[];
}

interface Compiled<E> {
  entry: E;
  regexes: RegExp[];
  /** Per regex: whether it can only match with a group mention in the unit. */
  needsGroup: boolean[];
}

export interface HateRuleSet {
  rules: Compiled<HateRuleEntry>[];
  guards: Compiled<GuardEntry>[];
  negation: ReadonlySet<string>;
  /** Vocabulary phrases that hold a negation word themselves ("not human"), as word lists. */
  negativePhrases: readonly string[][];
}

/** Words before a match that a negation may stand in ("Jews, I am told, do not control ..."). */
export const NEGATION_WINDOW = 5;
/** Words that end the clause a negation could reach across. */
const CLAUSE_BREAKS = new Set(['but', 'because', 'yet', 'so', 'although', 'though', 'while', 'whereas']);

/**
 * Whether a rule match [a, b] is negated: a negation word inside it, or up to
 * NEGATION_WINDOW words before it in the same clause. A negation that belongs to the
 * predicate itself ("not human", "never loyal to") does not count.
 */
export function negatedAt(set: HateRuleSet, words: readonly CanonWord[], a: number, b: number): boolean {
  for (let k = b; k >= Math.max(0, a - NEGATION_WINDOW); k--) {
    const w = words[k]!.text;
    if (k < a && CLAUSE_BREAKS.has(w)) return false;
    if (set.negation.has(w) && !insidePhrase(set.negativePhrases, words, k)) return true;
  }
  return false;
}

function insidePhrase(phrases: readonly string[][], words: readonly CanonWord[], k: number): boolean {
  return phrases.some((p) => p.some((pw, j) => pw === words[k]!.text && p.every((x, m) => words[k - j + m]?.text === x)));
}

/** One word of a sentence in the rules' normal form; group mentions read as GRP, slurs as SLUR. */
export interface CanonWord {
  text: string;
  start: number;
  end: number;
  /** Set on GRP/SLUR words. */
  group?: GroupRef;
}

export interface GroupRef {
  target: string;
  match: LexiconMatch;
  /** Set when the word is a pronoun standing for an earlier group mention. */
  antecedent?: TextSpan;
}

export interface RuleHit {
  rule: HateRuleEntry;
  targets: string[];
  /** Group words (or pronouns) and the predicate words. */
  evidence: { start: number; end: number }[];
  start: number;
  end: number;
  pronouns: GroupRef[];
}

export interface GuardHit {
  guard: GuardEntry;
  start: number;
  end: number;
}

/** Compiles rule and guard files against a vocabulary; fails on unknown {names}. */
export function compileRuleSet(vocabulary: readonly VocabularyEntry[], rules: readonly HateRuleEntry[], guards: readonly GuardEntry[], source = 'data/hate'): HateRuleSet {
  const lists = new Map(vocabulary.map((v) => [v.id, v.words]));
  const compile = (pattern: string, id: string): RegExp => {
    const body = pattern
      .replace(/\{W\}/g, '[a-z*]+')
      .replace(/\{([a-z0-9-]+)\}/g, (_m, name: string) => {
        const words = lists.get(name);
        if (!words) throw new UnspinError('MODEL_INVALID', `${source}: rule ${id} uses unknown word list {${name}}`, { input: source });
        return '(?:' + [...words].sort((a, b) => b.length - a.length).map(escape).join('|') + ')';
      })
      .replace(/GRP/g, '(?:GRP|SLUR)');
    try {
      return new RegExp(`(?<![A-Za-z*])(?:${body})(?![A-Za-z*])`, 'g');
    } catch (cause) {
      throw new UnspinError('MODEL_INVALID', `${source}: rule ${id} has a bad pattern (${(cause as Error).message})`, { input: source, cause });
    }
  };
  const negation = new Set(lists.get('negation') ?? []);
  return {
    rules: rules.map((entry) => {
      const patterns = entry.patterns.filter((p) => p !== 'SLUR');
      return { entry, regexes: patterns.map((p) => compile(p, entry.id)), needsGroup: patterns.map((p) => needsGroup(p)) };
    }),
    guards: guards.map((entry) => ({ entry, regexes: entry.patterns.map((p) => compile(p, entry.id)), needsGroup: entry.patterns.map((p) => needsGroup(p)) })),
    negation,
    negativePhrases: negativePhrases(negation, [...[...lists.entries()].filter(([name]) => name !== 'negation').flatMap(([, words]) => words), ...rules.filter((r) => r.negation !== 'allowed').flatMap((r) => r.patterns.flatMap(literalAlternatives))]),
  };
}

const AUXILIARIES = new Set(['do', 'does', 'did', 'have', 'has', 'had', 'got', 'is', 'are', 're', 'was', 'were', 'will', 'would', 'can', 'could', 'should', 'must', 'be']);

/** Phrases of several words with a negation that is part of their meaning ("not human"; not "do not"). */
function negativePhrases(negation: ReadonlySet<string>, phrases: readonly string[]): string[][] {
  const out = new Map<string, string[]>();
  for (const phrase of phrases) {
    const ws = phrase.trim().split(/\s+/);
    if (ws.length < 2 || !ws.some((x) => negation.has(x))) continue;
    if (ws.every((x) => negation.has(x) || AUXILIARIES.has(x))) continue;
    out.set(ws.join(' '), ws);
  }
  return [...out.values()];
}

/** The plain-word alternatives of a pattern ("not human" in "(?:not human|not people)"). */
function literalAlternatives(pattern: string): string[] {
  return pattern.split(/[()|?:]+/).filter((x) => /^ ?[a-z][a-z ]*[a-z] ?$/.test(x));
}

/** A pattern whose every match has GRP or SLUR in it (not inside an optional group: kept simple, GRP outside parentheses). */
function needsGroup(pattern: string): boolean {
  let depth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (depth === 0 && (pattern.startsWith('GRP', i) || pattern.startsWith('SLUR', i))) return true;
  }
  return false;
}

function escape(phrase: string): string {
  return phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

let cached: HateRuleSet | undefined;

/** The shipped rules (data/hate/vocabulary.yml, rules.yml, guards.yml), read on first use. */
export function loadDefaultHateRules(): HateRuleSet {
  cached ??= compileRuleSet(
    loadRuleFile<VocabularyEntry>(dataPath('hate', 'vocabulary.yml'), ['words']).entries,
    loadRuleFile<HateRuleEntry>(dataPath('hate', 'rules.yml'), ['label', 'category', 'patterns']).entries,
    loadRuleFile<GuardEntry>(dataPath('hate', 'guards.yml'), ['kind', 'patterns']).entries,
  );
  return cached;
}

const PRONOUNS = new Set(['they', 'them', 'theyre', 'these', 'those']);
const PRONOUN_FOLLOWERS = new Set(['people', 'ones', 'creatures', 'folks', 'types', 'animals', 'things', 'guys']);

/**
 * The words of a unit in normal form. Group and slur mentions become GRP / SLUR;
 * "they", "them" and "these/those people" become GRP when `antecedent` (the last
 * group mentioned before) is given and no group was named earlier in the unit.
 */
export function canonicalWords(words: readonly LexWord[], matches: readonly LexiconMatch[], antecedent: GroupRef | null): CanonWord[] {
  const out: CanonWord[] = [];
  let m = 0;
  let last: GroupRef | null = antecedent;
  for (let i = 0; i < words.length; ) {
    const match = matches[m];
    if (match && match.from === i) {
      const group: GroupRef = { target: match.target, match };
      out.push({ text: match.kind === 'slur' ? 'SLUR' : 'GRP', start: match.start, end: match.end, group });
      last = group;
      i = match.to;
      m++;
      continue;
    }
    const w = words[i]!;
    // The tokeniser splits "can't" into "ca" + "n't" and "cannot" into "can" + "not": one word again.
    const next = words[i + 1];
    if ((w.fold === 'ca' || w.fold === 'can') && next && (next.fold === 'nt' || next.fold === 'not') && next.start - w.end <= 1) {
      out.push({ text: 'cannot', start: w.start, end: next.end });
      i += 2;
      continue;
    }
    const fold = w.fold === 'nt' ? 'not' : w.fold;
    if (last && PRONOUNS.has(fold)) {
      const after = next?.fold;
      const isDeterminer = fold === 'these' || fold === 'those';
      if (!isDeterminer || (after && PRONOUN_FOLLOWERS.has(after))) {
        const end = isDeterminer ? words[i + 1]!.end : w.end;
        out.push({ text: 'GRP', start: w.start, end, group: { target: last.target, match: last.match, antecedent: { start: last.match.start, end: last.match.end, text: '' } } });
        i += isDeterminer ? 2 : 1;
        continue;
      }
    }
    out.push({ text: fold, start: w.start, end: w.end });
    i++;
  }
  return out;
}

/** The canonical string and, for each character, the index of its word. */
function joinWords(words: readonly CanonWord[]): { text: string; wordAt: Int32Array } {
  const text = words.map((w) => w.text).join(' ');
  const wordAt = new Int32Array(text.length + 1).fill(-1);
  let pos = 0;
  words.forEach((w, i) => {
    for (let k = 0; k <= w.text.length; k++) wordAt[pos + k] = i;
    pos += w.text.length + 1;
  });
  return { text, wordAt };
}

function wordRange(wordAt: Int32Array, index: number, length: number): [number, number] {
  let a = index;
  while (a < wordAt.length && wordAt[a]! < 0) a++;
  const b = Math.max(index, index + length - 1);
  return [wordAt[a]!, wordAt[b]!];
}

/** The word ranges [first, last] of every non-empty match of a global regex over the joined words. */
function* matchedWordRanges(re: RegExp, text: string, wordAt: Int32Array): Generator<[number, number]> {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    yield wordRange(wordAt, m.index, m[0].length);
  }
}

/** Guards that match a unit. */
export function matchGuards(set: HateRuleSet, words: readonly CanonWord[], kinds: readonly GuardEntry['kind'][] = ['counter', 'denial', 'reclaimed']): GuardHit[] {
  const { text, wordAt } = joinWords(words);
  const hits: GuardHit[] = [];
  for (const { entry, regexes } of set.guards) {
    if (!kinds.includes(entry.kind)) continue;
    for (const re of regexes) {
      for (const [a, b] of matchedWordRanges(re, text, wordAt)) hits.push({ guard: entry, start: words[a]!.start, end: words[b]!.end });
    }
  }
  return hits;
}

/**
 * Rule hits in a unit: pattern rules over the canonical string, then slur rules for
 * every slur not in an in-group frame. Negated matches go to `negated` instead: a
 * negated hateful claim ("Jews do not control the banks") clears the unit.
 */
export function matchRules(set: HateRuleSet, words: readonly CanonWord[], reclaimed: readonly GuardHit[], negated: RuleHit[] = [], hasGroup = true): RuleHit[] {
  const { text, wordAt } = joinWords(words);
  const hits: RuleHit[] = [];
  for (const { entry, regexes, needsGroup } of set.rules) {
    for (let r = 0; r < regexes.length; r++) {
      if (!hasGroup && needsGroup[r]) continue;
      for (const [a, b] of matchedWordRanges(regexes[r]!, text, wordAt)) {
        const span = words.slice(a, b + 1);
        const groups = span.filter((w) => w.group).map((w) => w.group!);
        const targets = groups.length ? unique(groups.map((g) => g.target)) : entry.target ? [entry.target] : [];
        if (entry.targets && !targets.some((t) => entry.targets!.includes(t))) continue;
        const isNegated = entry.negation !== 'allowed' && negatedAt(set, words, a, b);
        (isNegated ? negated : hits).push({ rule: entry, targets, evidence: evidenceOf(span), start: span[0]!.start, end: span[span.length - 1]!.end, pronouns: groups.filter((g) => g.antecedent) });
      }
    }
  }
  for (const { entry } of set.rules) {
    if (!entry.slur) continue;
    for (const w of words) {
      const g = w.group;
      if (!g || g.antecedent || g.match.kind !== 'slur') continue;
      const slur = g.match.entry as { severity?: string; reclaimable?: boolean; graded?: boolean };
      const inGroup = slur.reclaimable === true && reclaimed.some((r) => r.start <= w.start && r.end >= w.end);
      if (inGroup) continue;
      if (slurSeverity(slur, w) !== entry.slur) continue;
      hits.push({ rule: entry, targets: [g.target], evidence: [{ start: w.start, end: w.end }], start: w.start, end: w.end, pronouns: [] });
    }
  }
  return hits;
}

/** A graded slur used in the plural is aimed at the whole group: hate speech, not an insult. */
export function slurSeverity(slur: { severity?: string; graded?: boolean }, word: { text: string; group?: GroupRef }): string | undefined {
  if (slur.graded && word.group && word.group.match.kind === 'slur' && /s$/i.test(surfaceOf(word.group.match))) return 'hatespeech';
  return slur.severity;
}

function surfaceOf(match: LexiconMatch): string {
  return match.surface;
}

/** Group words on their own, the rest of the match as one stretch between them. */
function evidenceOf(span: readonly CanonWord[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let run: { start: number; end: number } | null = null;
  for (const w of span) {
    if (w.group) {
      if (run) out.push(run);
      run = null;
      out.push({ start: w.start, end: w.end });
    } else if (run) run.end = w.end;
    else run = { start: w.start, end: w.end };
  }
  if (run) out.push(run);
  return out;
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
