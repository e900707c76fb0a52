import type { RuleEntry } from '../../core/rules.js';
import { UnspinError } from '../../core/errors.js';
import type { TextSpan } from '../../core/types.js';
import type { LexiconMatch, LexWord } from './lexicon.js';
import { dispatchOf, scanUnit, type UnitScan } from './dispatch.js';
import { compileWordPattern, mayMatchAnywhere, mayMatchAt, mayMatchAtAny, phraseTrie, type WordPattern, type WordTrie } from './word-pattern.js';
import type { SubjectModifierWords } from './subject-head.js';
import { NO_WORD } from '../../text/word-numbers.js';

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
  /**
   * counter / denial: clear the unit; reclaimed: an in-group use of a reclaimable slur;
   * homonym: the slur word in its ordinary sense ("a fag" to smoke), not a group mention;
   * quoted: words outside the unit's quotation marks that condemn the hate it quotes;
   * attributed: words outside them that give the quote to someone else (said, a sign);
   * endorsed: words outside them that make the quote the author's own ("so true");
   * benign: negated or praising frames ("none of the ... I know are thieves", "... should
   * not be deported", "... would be poorer without ...") that clear only the placeholder
   * network's decision, whose bag of words misses the negation's scope; rules are unaffected.
   */
  kind: 'counter' | 'denial' | 'reclaimed' | 'homonym' | 'quoted' | 'attributed' | 'endorsed' | 'benign';
  patterns: string[];
  /**
   * homonym: the slurs (singular terms of slurs.yml) that have the guard's ordinary sense; a
   * match frees only those ("a pack of fags", not "a pack of filthy kikes"). Absent: any slur.
   */
  slurs?: string[];
}

export interface Compiled<E> {
  entry: E;
  /** The patterns the regexes are compiled from (a rule's bare SLUR pattern left out: matchRules reads slurs itself). */
  patterns: readonly string[];
  /**
   * Per pattern: its global regex, made on first use (regexAt). The word automata and required
   * words rule most patterns out on most units, so most regexes (large alternations of the
   * vocabulary's lists) are never built, parsed or compiled in a process.
   */
  regexes: (RegExp | undefined)[];
  /** Per pattern: the same regex, sticky, for the anchored tries (stickyAt). */
  sticky: (RegExp | undefined)[];
  /** The vocabulary the patterns' {lists} stand for, shared by every pattern of the set. */
  source: PatternSource;
  /** Per regex: whether it can only match with a group mention in the unit. */
  needsGroup: boolean[];
  /**
   * Per regex: null when the pattern's start is not a plain word list (the regex then scans
   * the unit); else the regex is tried only where a word it can begin with starts (the set's
   * PatternIndex), and this says whether it may also begin at the start of the unit or of a
   * sentence in it whatever the word ("(?:^|we should ){harm}").
   */
  anchors: (boolean | null)[];
  /** Per regex: its number in the set's PatternIndex. */
  ids: number[];
  /**
   * Per regex: the numbers, in the set's PatternIndex, of word sets of which a unit must hold
   * at least one word each for a match (the first words of the {lists} the pattern cannot do
   * without), checked before the regex runs.
   */
  requiredIds: number[][];
  /**
   * Per regex: the pattern as a word automaton (word-pattern.ts) that says where a match may
   * begin, so that the regex runs (and is compiled) only there; null where it cannot read the pattern.
   */
  words: (WordPattern | null)[];
}

/** The vocabulary's lists, and each list's regex alternation once it has been built. */
export interface PatternSource {
  lists: ReadonlyMap<string, readonly string[]>;
  alternations: Map<string, string>;
  /** Where the lists came from, for error messages. */
  origin: string;
}

/**
 * Which regexes can begin at a word, and which required word sets hold it, for all rules
 * and guards at once: a unit is scanned once, instead of every regex testing every word.
 */
export interface PatternIndex {
  /** Word -> the ids of the anchored regexes that can begin with it, and of the required word sets that hold it (empty lists where none). */
  at: ReadonlyMap<string, { anchored: readonly number[]; required: readonly number[] }>;
  regexCount: number;
  requiredCount: number;
}

/** Word lists of the group-insult reading (hate23): adverbs after the copula, determiners of the group's phrase, words after which it opens its clause. */
export interface GroupInsultWords {
  adverbs: ReadonlySet<string>;
  determiners: ReadonlySet<string>;
  openers: ReadonlySet<string>;
}

export interface HateRuleSet {
  rules: Compiled<HateRuleEntry>[];
  guards: Compiled<GuardEntry>[];
  negation: ReadonlySet<string>;
  /** The word sets of the negation reading (vocabulary.yml, `negation-*` lists; hate12 moved them out of the code). */
  cues: NegationCues;
  /**
   * Per rule id, the phrases of its own patterns and of the vocabulary lists they name that hold
   * a negation word themselves ("not human", "cannot stand"), as word lists. Scoped to the rule:
   * a negative phrase of one rule ("no one ... disgusts me") does not keep the negation that
   * stands in the same words ("No one in this town thinks ... are parasites") from negating another.
   */
  negativePhrases: ReadonlyMap<string, readonly string[][]>;
  /** Phrases with a negation word that never negate the claim around them, for every rule ("cannot express how much", "no wonder"; vocabulary.yml `negation-intensifiers`). */
  intensifierPhrases: readonly string[][];
  /** The word lists of the subject-head view (vocabulary.yml `subject-modifier-*`, read by subject-head.ts). */
  subjectModifier: SubjectModifierWords;
  /** Nouns for a place, an institution or a custom after a group word (vocabulary.yml `attributive-heads`, read by classify.ts). */
  attributiveHeads: ReadonlySet<string>;
  /** Words by which a writer speaks as themselves or to the reader (vocabulary.yml `commentator-words`, read by classify.ts's commentary gate). */
  commentatorWords: ReadonlySet<string>;
  /** Pronouns of one person, as news narrative has them (vocabulary.yml `one-person-pronouns`, read by the commentary gate). */
  onePersonPronouns: ReadonlySet<string>;
  /** The words around a condemnation said of the group itself (vocabulary.yml `group-insult-*`, read by classify.ts `withoutGroupInsult`). */
  groupInsult: GroupInsultWords;
  /** Anchors and required word sets of every rule and guard regex, for one scan per unit. */
  index: PatternIndex;
  /** Single words of the vocabulary and the rule patterns, the targets of spelling repair. */
  predicateWords: ReadonlySet<string>;
  /** Each one-letter deletion of a predicate word (5 letters or more) and the word; null when two words share it. */
  predicateDeletes: ReadonlyMap<string, string | null>;
  /** Single words of the labels a group is called ({vermin}, {insult}, {criminal}, {lesser}, {squalor}), the second half of two glued predicates ("filthyanimals"). */
  labelWords: ReadonlySet<string>;
  /** Single words of the emotion list ("hate", "despise"), which a glued subject may hide ("ihate"). */
  emotionWords: ReadonlySet<string>;
  /** Words never read as a misspelt predicate (vocabulary.yml `repair-exempt`: "whats" is not "hates"). */
  repairExempt: ReadonlySet<string>;
  /** The words that stand for the group named before (vocabulary.yml `reference-*`, read by canonicalWords). */
  references: ReferenceWords;
}

/**
 * Words that refer back to the last group named: "they", "them", "these people"; and "their
 * lot", "that lot", "their sort", "their kind" when a verb follows (hate15: "… opened a club.
 * Their lot are a plague."), not "that lot of donations", "their kind words" or "accepted their
 * lot in life". Each set is a vocabulary list.
 */
export interface ReferenceWords {
  /** `reference-pronouns`: they, them, these, those. */
  pronouns: ReadonlySet<string>;
  /** `reference-followers`: the nouns after "these" or "those" that make them a pronoun ("these people"). */
  followers: ReadonlySet<string>;
  /** `reference-determiners`: "their", "that" before a `reference-nouns` word. */
  determiners: ReadonlySet<string>;
  /** `reference-nouns`: "lot", "sort", "kind". */
  nouns: ReadonlySet<string>;
  /** `reference-verbs`: the words after "their lot" that make it a subject. */
  verbs: ReadonlySet<string>;
}

/** Words before a match that a negation may stand in ("Jews, I am told, do not control ..."). */
export const NEGATION_WINDOW = 5;
/** The word sets the negation reading consults, each a vocabulary list (named in NEGATION_CUE_LISTS). */
export interface NegationCues {
  /** Words that end the clause a negation could reach across. */
  clauseBreaks: ReadonlySet<string>;
  /** Verbs of saying a denied denial negates ("I can't say I don't ..."). */
  saying: ReadonlySet<string>;
  /** Words between a negation and the silenced verb ("nobody is even allowed to say"). */
  silenceAux: ReadonlySet<string>;
  /** Words of leave or courage that make the negation silence the saying. */
  silenceLeave: ReadonlySet<string>;
  /** Verbs of saying that a negation may silence. */
  silencedSay: ReadonlySet<string>;
  /** "lying" in "I'd be lying if I said ...". */
  lying: ReadonlySet<string>;
  /** Subjects after the inverted auxiliary of a negative question; GRP is always one. */
  invertedSubjects: ReadonlySet<string>;
  /** Places after "the" in such a question ("wouldn't the world be better ..."). */
  invertedPlaces: ReadonlySet<string>;
  /** Auxiliaries a negative question inverts. */
  questionAuxiliaries: ReadonlySet<string>;
  /** Verbs of belief and saying whose clause a negated subject far before them negates ("nobody in this town thinks ..."). */
  beliefVerbs: ReadonlySet<string>;
  /** Factive verbs whose negation leaves the "that" clause standing ("he doesn't care that they're thieves"). */
  factive: ReadonlySet<string>;
  /** Negative adverbials that open a sentence, as phrases ("not once", "at no point"); their inversion negates the clause. */
  frontedAdverbials: ReadonlySet<string>;
  /** Auxiliaries inverted after a fronted negation ("Never have I ..."). */
  frontedAuxiliaries: ReadonlySet<string>;
  /** Subjects after that auxiliary: pronouns, or a determiner opening a short noun phrase. */
  frontedSubjects: ReadonlySet<string>;
  /** Words that make a fronted negation emphatic rather than negating ("Never have I seen such ...", "... more than ..."). */
  frontedEmphatic: ReadonlySet<string>;
}

const NEGATION_CUE_LISTS: Record<keyof NegationCues, string> = {
  clauseBreaks: 'negation-clause-breaks',
  saying: 'negation-saying',
  silenceAux: 'negation-silence-aux',
  silenceLeave: 'negation-silence-leave',
  silencedSay: 'negation-silenced-say',
  lying: 'negation-lying',
  invertedSubjects: 'negation-inverted-subjects',
  invertedPlaces: 'negation-inverted-places',
  questionAuxiliaries: 'negation-question-auxiliaries',
  beliefVerbs: 'negation-belief-verbs',
  factive: 'negation-factive',
  frontedAdverbials: 'fronted-negation',
  frontedAuxiliaries: 'fronted-negation-auxiliaries',
  frontedSubjects: 'fronted-negation-subjects',
  frontedEmphatic: 'fronted-negation-emphatic',
};

function negationCues(lists: ReadonlyMap<string, readonly string[]>): NegationCues {
  const cues = {} as Record<keyof NegationCues, ReadonlySet<string>>;
  for (const [key, name] of Object.entries(NEGATION_CUE_LISTS) as [keyof NegationCues, string][]) cues[key] = new Set(lists.get(name) ?? []);
  cues.invertedSubjects = new Set([...cues.invertedSubjects, 'GRP']);
  return cues;
}

/** Punctuation that ends the clause (or sentence) a negation before a match could reach across. */
const CLAUSE_MARKS = new Set([0x2c, 0x3b, 0x3a, 0x2e, 0x21, 0x3f, 0x28, 0x29, 0x2014, 0x2013]);

/**
 * Whether a rule match [a, b] is negated: a negation word inside it, or up to
 * NEGATION_WINDOW words before it in the same clause. A negation that belongs to the
 * predicate itself ("not human", "never loyal to") does not count. With the unit's `text`,
 * punctuation between a negation and the match also ends the clause: "Can't lie, I hate
 * ..." and "You can't reason with ..., they're born dishonest" are not negated.
 */
export function negatedAt(set: HateRuleSet, words: readonly CanonWord[], a: number, b: number, question = false, text?: string, phrases: readonly string[][] = []): boolean {
  // A match that runs on into a later sentence ("Shouting won't shift ... . Cracked skulls will.")
  // asserts its claim there: a negation before the match does not reach it, one inside it does.
  const spans = spansSentences(words, a, b);
  if (!spans && frontedNegation(set.cues, words, a, text)) return true;
  const from = spans ? a : Math.max(0, a - Math.max(NEGATION_WINDOW, beliefReach(set, words, a)));
  for (let k = b; k >= from; k--) {
    const w = words[k]!.text;
    if (k < a && (set.cues.clauseBreaks.has(w) || copulaThat(words, k) || (text !== undefined && punctuatedGap(text, words[k]!.end, words[k + 1]!.start)))) return false;
    if (set.negation.has(w) && !insidePhrase(phrases, words, k) && !insidePhrase(set.intensifierPhrases, words, k) && !(question && invertedAt(set.cues, words, k)) && !silencedSaying(set.cues, words, k) && !(k < a && factiveAt(set.cues, words, k, a))) return !deniedDenial(set, words, k);
  }
  return false;
}

/** The longest phrase of `fronted-negation`, in words. */
const FRONTED_PHRASE = 5;
/** Words a fronted negative adverbial may take before its inverted auxiliary ("Never in my whole life have I ..."). */
const FRONTED_TAIL = 6;
/** Subjects of `fronted-negation-subjects` that open a noun phrase rather than stand alone. */
const FRONTED_DETERMINERS: ReadonlySet<string> = new Set(['my', 'our', 'your', 'his', 'her', 'their', 'the', 'a', 'an', 'any', 'this', 'that']);

/**
 * Whether the match at `a` stands in a clause that a fronted negative adverbial negates by
 * inverting its auxiliary and subject (counter27): "Not once in my life have I felt disgust
 * towards ...", "Never, not once, have I hated ...", "At no point did my parents say ...". The
 * adverbial opens the sentence, however far from the match and past commas; the match begins at
 * or after the inverted subject, in the same clause (no punctuation or clause break between).
 * The subject is a pronoun or a short noun phrase without the group: in "Not once have ... done
 * anything useful" the adverbial denies the group something good (a negated positive). Not when
 * the clause is emphatic ("Never have I seen such filth as ...", "Never have I hated anything
 * more than ..."), and not across a sentence ("Never have I been so sure: ... are vermin").
 */
function frontedNegation(cues: NegationCues, words: readonly CanonWord[], a: number, text?: string): boolean {
  let s = a;
  while (s > 0 && !words[s]!.opens) s--;
  if (s === a) return false;
  let n = 0;
  let phrase = '';
  for (let k = s; k < a && k < s + FRONTED_PHRASE; k++) {
    phrase = k === s ? words[k]!.text : `${phrase} ${words[k]!.text}`;
    if (cues.frontedAdverbials.has(phrase)) n = k - s + 1;
  }
  if (n === 0) return false;
  for (let k = s + n; k < a && k <= s + n + FRONTED_TAIL; k++) {
    if (words[k]!.group) return false;
    const subject = words[k + 1];
    if (!cues.frontedAuxiliaries.has(words[k]!.text) || subject === undefined || subject.group || !cues.frontedSubjects.has(subject.text) || k + 1 > a) continue;
    if (FRONTED_DETERMINERS.has(subject.text) && (words[k + 2]?.group || words[k + 3]?.group)) return false;
    return sameClause(cues, words, k + 1, a, text);
  }
  return false;
}

/** Whether the words from the inverted subject at `from` to the end of the clause after `a` hold no break before `a` and no emphatic word. */
function sameClause(cues: NegationCues, words: readonly CanonWord[], from: number, a: number, text?: string): boolean {
  for (let m = from; m < words.length; m++) {
    if (m > from && words[m]!.opens) return true;
    if (cues.frontedEmphatic.has(words[m]!.text)) return false;
    const gap = text !== undefined && m + 1 < words.length && punctuatedGap(text, words[m]!.end, words[m + 1]!.start);
    if (m < a && (gap || cues.clauseBreaks.has(words[m]!.text))) return false;
    if (m >= a && gap) return true;
  }
  return true;
}

/** Whether a word inside the match (a, b] opens a sentence. */
function spansSentences(words: readonly CanonWord[], a: number, b: number): boolean {
  for (let m = b; m > a; m--) if (words[m]!.opens) return true;
  return false;
}

/** "(the reason ... never ...) is that": a copula's that-clause stands apart from a negation before the copula. */
function copulaThat(words: readonly CanonWord[], k: number): boolean {
  if (words[k]!.text !== 'that' || k === 0) return false;
  const before = words[k - 1]!.text;
  return before === 'is' || before === 'was' || before === 's';
}

/** How many words before a belief verb a negated subject may stand ("none of the teachers at my school think ..."). */
const BELIEF_REACH = 8;

/**
 * How far back from a match the negation reading may look, past NEGATION_WINDOW, when the match
 * is the clause of a verb of belief or saying right before it ("nobody in this town thinks
 * (that) ... are parasites", "I have never once heard anyone say that ..."): the negated subject
 * with its modifiers may stand further off: the words from the verb to the match and BELIEF_REACH
 * before it. 0 when no such verb precedes the match.
 */
function beliefReach(set: HateRuleSet, words: readonly CanonWord[], a: number): number {
  let v = a - 1;
  if (v >= 0 && words[v]!.text === 'that') v--;
  if (v < 0 || !set.cues.beliefVerbs.has(words[v]!.text)) return 0;
  return a - v + BELIEF_REACH;
}


/**
 * A negation that silences the saying, not the claim: "why is nobody allowed to say that ... are
 * subhuman?", "no one dares (to) say it", "nobody's saying what they are: a plague". The claim
 * after it is asserted as a truth kept quiet. "Nobody says ... are vermin" (no leave, no "what"
 * or "it") keeps its negation.
 */
function silencedSaying(cues: NegationCues, words: readonly CanonWord[], k: number): boolean {
  let j = k + 1;
  let leave = false;
  for (let n = 0; n < 5 && j < words.length; n++, j++) {
    const w = words[j]!.text;
    if (cues.silenceLeave.has(w)) leave = true;
    else if (cues.silencedSay.has(w)) {
      const next = words[j + 1]?.text;
      return leave || next === 'what' || next === 'it';
    } else if (!cues.silenceAux.has(w)) return false;
  }
  return false;
}

/**
 * A negated factive verb right before the match, with or without "that": "he doesn't care
 * (that) they're all thieves", "she won't admit that they're vermin" keep the claim that
 * follows (hate19). "I don't think they're thieves" is no factive and stays negated.
 */
function factiveAt(cues: NegationCues, words: readonly CanonWord[], k: number, a: number): boolean {
  let j = k + 1;
  if (!cues.factive.has(words[j]?.text ?? '')) return false;
  j++;
  if (words[j]?.text === 'that') j++;
  return j === a;
}

/**
 * A negation that is itself denied, so the claim stands: "I can't say I don't despise ...",
 * "I won't pretend I don't hate ...", "I'd be lying if I said (to you) I didn't hate ...".
 * "I don't hate ..." and "I can't say I hate ..." keep their negation.
 */
function deniedDenial(set: HateRuleSet, words: readonly CanonWord[], k: number): boolean {
  let j = k - 1;
  if (words[j]?.text === 'do' || words[j]?.text === 'did' || words[j]?.text === 'does') j--;
  if (words[j]?.text === 'i' || words[j]?.text === 'we') j--;
  if (words[j]?.text === 'that') j--;
  if (words[j]?.text === 'you') j--;
  if (j < 1 || !set.cues.saying.has(words[j]!.text)) return false;
  let n = j - 1;
  if (words[n]?.text === 'honestly' || words[n]?.text === 'really' || words[n]?.text === 'truthfully') n--;
  if (n >= 0 && set.negation.has(words[n]!.text)) return true;
  // "lying if I said", "a liar if we claimed"
  return n >= 2 && (words[n]!.text === 'i' || words[n]!.text === 'we') && words[n - 1]!.text === 'if' && set.cues.lying.has(words[n - 2]!.text);
}

function punctuatedGap(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (CLAUSE_MARKS.has(text.charCodeAt(i))) return true;
  return false;
}

// GRP too: "aren't Roma just animals?" asks for agreement about the group.
// "wouldn't the world be better without ...?": a place after the inverted auxiliary ("don't the
// Roma ever ...?": a determiner and a group).

/**
 * A negative question's inverted auxiliary ("don't you think ...?", "isn't it obvious
 * that ...?") asks for agreement; it does not negate the claim that follows.
 */
function invertedAt(cues: NegationCues, words: readonly CanonWord[], k: number): boolean {
  const next = words[k + 1]?.text;
  const after = words[k + 2]?.text ?? '';
  const determined = (next === 'the' || next === 'these' || next === 'those' || next === 'all') && after === 'GRP';
  if (next === undefined || !(cues.invertedSubjects.has(next) || determined || ((next === 'the' || next === 'this' || next === 'our') && cues.invertedPlaces.has(after)))) return false;
  return words[k]!.text === 'cannot' || (k > 0 && cues.questionAuxiliaries.has(words[k - 1]!.text));
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
  group?: GroupRef | undefined;
  /**
   * The word opens a sentence (or a clause after ";" or ":", or a new line) inside the unit:
   * a rule's "^" matches before it as well as at the unit's start (see markSentenceStarts).
   */
  opens: boolean;
  /**
   * The process-wide number of `text` (text/word-numbers.ts) where the word is a token's fold
   * as the spine gave it, for the dispatch's lookup by number; NO_WORD (or absent, in a word
   * built by hand) for every other word: GRP, SLUR, repaired and joined words.
   */
  word?: number;
}

export interface GroupRef {
  target: string;
  match: LexiconMatch;
  /** Set when the word is a pronoun standing for an earlier group mention. */
  antecedent?: TextSpan | undefined;
}

/**
 * Every canonical word and group reference is built by these two, with all fields in one order
 * (an absent group or antecedent is undefined, not missing): words and references then share one
 * hidden class each, and matchRules, optimised on one, does not deoptimise on the other ("wrong map").
 */
export function canonWord(text: string, start: number, end: number, group?: GroupRef, opens = false, word = NO_WORD): CanonWord {
  return { text, start, end, group, opens, word };
}

/** Marks that end a sentence or a clause a "^" pattern may start after: . ! ? ; : and a line break. */
const SENTENCE_MARKS = new Set([0x2e, 0x21, 0x3f, 0x3b, 0x3a, 0x0a, 0x2026]);

/**
 * Sets `opens` on each word (after the unit's first) with a sentence mark in the text between
 * it and the word before: "Who cares? Drive the Roma out" opens at "drive". One pass over the
 * gaps between words, so linear in the unit.
 */
export function markSentenceStarts(text: string, words: CanonWord[]): void {
  for (let i = 1; i < words.length; i++) {
    const w = words[i]!;
    for (let c = words[i - 1]!.end; c < w.start; c++) {
      if (SENTENCE_MARKS.has(text.charCodeAt(c))) {
        w.opens = true;
        break;
      }
    }
  }
}

function groupRef(target: string, match: LexiconMatch, antecedent?: TextSpan): GroupRef {
  return { target, match, antecedent };
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

/**
 * Compiles rule and guard files against a vocabulary; fails on unknown {names} and bad patterns.
 * The shipped files are compiled by `npm run build:data` and read back by shipped-rules.ts.
 */
export function compileRuleSet(vocabulary: readonly VocabularyEntry[], rules: readonly HateRuleEntry[], guards: readonly GuardEntry[], origin = 'data/hate'): HateRuleSet {
  const lists = new Map(vocabulary.map((v) => [v.id, v.words]));
  const source: PatternSource = { lists, alternations: new Map(), origin };
  const compiled = <E extends RuleEntry>(entry: E, patterns: readonly string[]): Compiled<E> => {
    // Built now, so that a bad pattern fails here (the build), not at its first use.
    const regexes = patterns.map((p) => compilePattern(source, p, entry.id));
    const anchors = patterns.map((p) => anchorOf(p, lists));
    const required = patterns.map((p) => requiredLists(p, lists, firstWordsOf));
    const ids = anchors.map((anchor) => {
      const id = regexCount++;
      if (anchor) for (const w of anchor.words) push(anchoredAt, w, id);
      return id;
    });
    const requiredIds = required.map((sets) =>
      sets.map((set) => {
        let key = setKeys.get(set);
        if (key === undefined) setKeys.set(set, (key = [...set].sort().join('|')));
        let id = requiredKeys.get(key);
        if (id === undefined) {
          id = requiredKeys.size;
          requiredKeys.set(key, id);
          for (const w of set) push(requiredAt, w, id);
        }
        return id;
      }),
    );
    const words = patterns.map((p) => compileWordPattern(p, trieOf));
    return compiledPatterns(entry, patterns, source, {
      regexes,
      needsGroup: patterns.map((p) => needsGroup(p)),
      anchors: anchors.map((anchor) => (anchor ? anchor.atStart : null)),
      ids,
      requiredIds,
      words,
    });
  };
  // Each list's phrases as a trie of words, once for all the word automata that read the list.
  const tries = new Map<string, WordTrie | null>();
  const trieOf = (name: string): WordTrie | null => {
    if (!tries.has(name)) tries.set(name, lists.has(name) ? phraseTrie(lists.get(name)!) : null);
    return tries.get(name)!;
  };
  let regexCount = 0;
  const anchoredAt = new Map<string, number[]>();
  const requiredAt = new Map<string, number[]>();
  const requiredKeys = new Map<string, number>();
  // A list's first words are one set object for every pattern that requires the list, so
  // that its key (a sort of up to a few thousand words) is computed once, not per pattern.
  const firstWordsOf = new Map<string, ReadonlySet<string>>();
  const setKeys = new Map<ReadonlySet<string>, string>();
  const push = (map: Map<string, number[]>, key: string, id: number) => {
    const list = map.get(key);
    if (list) list.push(id);
    else map.set(key, [id]);
  };
  const compiledRules = rules.map((entry) => compiled(entry, rulePatterns(entry)));
  const compiledGuards = guards.map((entry) => compiled(entry, entry.patterns));
  const negation = new Set(lists.get('negation') ?? []);
  const index: PatternIndex = { at: joinIndex(anchoredAt, requiredAt), regexCount, requiredCount: requiredKeys.size };
  const phrases = new Map<string, string[][]>();
  for (const r of rules) {
    if (r.negation === 'allowed') continue;
    const own = negativePhrases(negation, [...r.patterns.flatMap((p) => namedLists(p).flatMap((name) => (name === 'negation' ? [] : lists.get(name) ?? []))), ...r.patterns.flatMap(literalAlternatives)]);
    if (own.length > 0) phrases.set(r.id, own);
  }
  return assembleRuleSet(lists, compiledRules, compiledGuards, index, phrases);
}

/** The patterns of a rule that compile to regexes: all but a bare SLUR (slur rules match in matchRules' second loop). */
export function rulePatterns(entry: HateRuleEntry): string[] {
  return entry.patterns.filter((p) => p !== 'SLUR');
}

/** The compiled form of an entry's patterns; regexes not given are made on first use. */
export function compiledPatterns<E>(
  entry: E,
  patterns: readonly string[],
  source: PatternSource,
  parts: { regexes?: RegExp[]; needsGroup: boolean[]; anchors: (boolean | null)[]; ids: number[]; requiredIds: number[][]; words: (WordPattern | null)[] },
): Compiled<E> {
  const none = (): (RegExp | undefined)[] => patterns.map(() => undefined);
  return { entry, patterns, regexes: parts.regexes ?? none(), sticky: none(), source, needsGroup: parts.needsGroup, anchors: parts.anchors, ids: parts.ids, requiredIds: parts.requiredIds, words: parts.words };
}

/**
 * A rule set from its compiled parts, with the word sets read off the vocabulary's lists
 * (shared by compileRuleSet and the compiled file's reader, shipped-rules.ts).
 */
export function assembleRuleSet(
  lists: ReadonlyMap<string, readonly string[]>,
  rules: Compiled<HateRuleEntry>[],
  guards: Compiled<GuardEntry>[],
  index: PatternIndex,
  negativePhrases: ReadonlyMap<string, readonly string[][]>,
): HateRuleSet {
  const negation = new Set(lists.get('negation') ?? []);
  const predicateWords = new Set<string>();
  for (const name of REPAIRED_LISTS) for (const w of lists.get(name) ?? []) for (const x of w.split(' ')) if (x.length >= 4 && /^[a-z]+$/.test(x)) predicateWords.add(x);
  const predicateDeletes = new Map<string, string | null>();
  for (const w of predicateWords) {
    if (w.length < 5) continue;
    for (const d of deletions(w)) {
      const seen = predicateDeletes.get(d);
      predicateDeletes.set(d, seen === undefined || seen === w ? w : null);
    }
  }
  const emotionWords = new Set((lists.get('emotion') ?? []).filter((w) => /^[a-z]{4,}$/.test(w)));
  const labelWords = new Set(LABEL_LISTS.flatMap((name) => lists.get(name) ?? []).filter((w) => /^[a-z]{4,}$/.test(w)));
  return {
    predicateWords,
    predicateDeletes,
    emotionWords,
    labelWords,
    repairExempt: new Set(lists.get('repair-exempt') ?? []),
    rules,
    guards,
    index,
    negation,
    cues: negationCues(lists),
    subjectModifier: { openers: new Set(lists.get('subject-modifier-openers') ?? []), stops: new Set(lists.get('subject-modifier-stops') ?? []), leadIns: new Set(lists.get('subject-modifier-lead-ins') ?? []), objectTakers: new Set([...(lists.get('attack-participles') ?? []), ...(lists.get('attack-verbs') ?? [])].filter((w) => !w.includes(' '))) },
    attributiveHeads: new Set(lists.get('attributive-heads') ?? []),
    commentatorWords: new Set(lists.get('commentator-words') ?? []),
    groupInsult: { adverbs: new Set(lists.get('group-insult-adverbs') ?? []), determiners: new Set(lists.get('group-insult-determiners') ?? []), openers: new Set(lists.get('group-insult-openers') ?? []) },
    onePersonPronouns: new Set(lists.get('one-person-pronouns') ?? []),
    references: {
      pronouns: new Set(lists.get('reference-pronouns') ?? []),
      followers: new Set(lists.get('reference-followers') ?? []),
      determiners: new Set(lists.get('reference-determiners') ?? []),
      nouns: new Set(lists.get('reference-nouns') ?? []),
      verbs: new Set(lists.get('reference-verbs') ?? []),
    },
    negativePhrases,
    intensifierPhrases: (lists.get('negation-intensifiers') ?? []).map((p) => p.split(' ')),
  };
}

/** A pattern's regex source: {W}, the {lists} (each list's alternation built once per source), GRP and the word separators spelt out. */
function patternRegex(source: PatternSource, pattern: string, id: string): string {
  const body = pattern
    .replace(/\{W\}/g, '[a-z*]+')
    .replace(/\{([a-z0-9-]+)\}/g, (_m, name: string) => {
      const known = source.alternations.get(name);
      if (known !== undefined) return known;
      const words = source.lists.get(name);
      if (!words) throw new UnspinError('MODEL_INVALID', `${source.origin}: rule ${id} uses unknown word list {${name}}`, { input: source.origin });
      const alternation = '(?:' + [...words].sort((a, b) => b.length - a.length).map(escape).join('|') + ')';
      source.alternations.set(name, alternation);
      return alternation;
    })
    .replace(/GRP/g, '(?:GRP|SLUR)')
    // Words are joined by a space, or by a line break where a sentence opens (joinWords).
    .replace(/ /g, '[ \\n]');
  return `(?<![A-Za-z*])(?:${body})(?![A-Za-z*])`;
}

function compilePattern(source: PatternSource, pattern: string, id: string): RegExp {
  const body = patternRegex(source, pattern, id);
  try {
    return new RegExp(body, 'gm');
  } catch (cause) {
    throw new UnspinError('MODEL_INVALID', `${source.origin}: rule ${id} has a bad pattern (${(cause as Error).message})`, { input: source.origin, cause });
  }
}

/** Pattern r's global regex, made on first use. */
export function regexAt(c: Compiled<RuleEntry>, r: number): RegExp {
  return (c.regexes[r] ??= compilePattern(c.source, c.patterns[r]!, c.entry.id));
}

/** Pattern r's sticky regex, made on first use. */
export function stickyAt(c: Compiled<RuleEntry>, r: number): RegExp {
  return (c.sticky[r] ??= new RegExp(regexAt(c, r).source, 'ym'));
}

function joinIndex(anchoredAt: ReadonlyMap<string, readonly number[]>, requiredAt: ReadonlyMap<string, readonly number[]>): Map<string, { anchored: readonly number[]; required: readonly number[] }> {
  const out = new Map<string, { anchored: readonly number[]; required: readonly number[] }>();
  for (const w of new Set([...anchoredAt.keys(), ...requiredAt.keys()])) out.set(w, { anchored: anchoredAt.get(w) ?? [], required: requiredAt.get(w) ?? [] });
  return out;
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

/** The vocabulary lists a pattern names ({name}). */
function namedLists(pattern: string): string[] {
  return [...pattern.matchAll(/\{([a-z0-9-]+)\}/g)].map((m) => m[1]!).filter((name) => name !== 'W');
}

/** The plain-word alternatives of a pattern ("not human" in "(?:not human|not people)"). */
function literalAlternatives(pattern: string): string[] {
  return pattern.split(/[()|?:]+/).filter((x) => /^ ?[a-z][a-z ]*[a-z] ?$/.test(x));
}

/** A pattern whose every match has GRP or SLUR in it (not inside an optional group: kept simple, GRP outside parentheses). */
function needsGroup(pattern: string): boolean {
  return someOutsideParentheses(pattern, (i) => pattern.startsWith('GRP', i) || pattern.startsWith('SLUR', i));
}

/** Whether `test` holds at some index of `pattern` outside every parenthesis (escaped characters skipped). */
function someOutsideParentheses(pattern: string, test: (i: number) => boolean): boolean {
  let depth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (depth === 0 && test(i)) return true;
  }
  return false;
}

/** The vocabulary lists whose words a misspelling is repaired to: the hateful predicates, not the frame words. */
const REPAIRED_LISTS = ['vermin', 'infest', 'breed', 'breed-object', 'harm', 'harmed', 'expel', 'criminal', 'insult', 'attack', 'profane', 'profanity', 'emotion', 'emotion-object', 'contempt', 'destroy', 'destroying', 'replace', 'control', 'plot', 'cause-verb'];

export interface Anchor {
  words: ReadonlySet<string>;
  /** The pattern can match at the start of the unit or of a sentence in it whatever the first word ("(?:^|we should ){harm}"). */
  atStart: boolean;
}

/**
 * What a match cannot do without, as word sets: the {lists} outside any parentheses and not
 * optional (a match needs one of each list's first words), and the groups outside them, not
 * optional, whose every alternative is plain words, a {list} or GRP (one of the
 * alternatives' first words: "(?:is|are|has been)" needs "is", "are" or "has").
 */
function requiredLists(pattern: string, lists: ReadonlyMap<string, readonly string[]>, firstWordsOf: Map<string, ReadonlySet<string>>): ReadonlySet<string>[] {
  if (topLevelAlternatives(pattern).length > 1) return [];
  const out: ReadonlySet<string>[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '(') {
      const end = closing(pattern, i);
      if (end < 0) break;
      const words = groupFirstWords(pattern, i, end, lists);
      if (words) out.push(words);
      i = end;
    } else if (c === '{' && !/\d/.test(pattern[i + 1] ?? '')) {
      const end = pattern.indexOf('}', i);
      const name = pattern.slice(i + 1, end);
      const list = lists.get(name);
      const after = pattern[end + 1];
      if (!list || after === '?' || after === '*' || after === '{') continue;
      let words = firstWordsOf.get(name);
      if (!words) firstWordsOf.set(name, (words = new Set(list.map((w) => w.split(' ')[0]!))));
      out.push(words);
    }
  }
  return out;
}

/**
 * The first words of a group's alternatives when the group is required and each of those
 * words is a whole word of a match; null otherwise. The group must begin a word (at the
 * pattern's start, after a space, or after a group whose alternatives all end in a space or
 * are "^"), and a one-word alternative must end one (the group is followed by a space or ends
 * the pattern).
 */
function groupFirstWords(pattern: string, open: number, close: number, lists: ReadonlyMap<string, readonly string[]>): ReadonlySet<string> | null {
  if (!pattern.startsWith('(?:', open)) return null;
  const after = pattern[close + 1];
  if (after === '?' || after === '*' || after === '{') return null;
  const endsWord = after === undefined || after === ' ';
  if (!wordStartAt(pattern, open)) return null;
  const words = new Set<string>();
  const addPhrase = (phrase: string): boolean => {
    const space = phrase.indexOf(' ');
    if (space < 0 && !endsWord) return false;
    words.add(space < 0 ? phrase : phrase.slice(0, space));
    return true;
  };
  for (const alt of topLevelAlternatives(pattern.slice(open + 3, close))) {
    if (alt === 'GRP' || alt === 'SLUR') {
      if (!endsWord) return null;
      words.add('GRP').add('SLUR');
    } else if (/^\{[a-z0-9-]+\}$/.test(alt)) {
      const list = lists.get(alt.slice(1, -1));
      if (!list) return null;
      for (const w of list) if (!/^[a-z]+(?: [a-z]+)*$/.test(w) || !addPhrase(w)) return null;
    } else if (/^[a-z]+(?: [a-z]+)* ?$/.test(alt)) {
      if (!addPhrase(alt)) return null;
    } else return null;
  }
  return words.size > 0 ? words : null;
}

/**
 * Whether whatever matches from `pos` on begins a word: `pos` is the pattern's start or
 * follows a space, or follows a group whose every alternative ends in a space (or is "^");
 * a group that may match nothing ("(?:the )?", "(?:{W} ){0,4}") needs the same before it.
 */
function wordStartAt(pattern: string, pos: number): boolean {
  if (pos === 0 || pattern[pos - 1] === ' ') return true;
  let shut = pos - 1;
  let optional = false;
  const q = pattern[shut];
  if (q === '?' || q === '*') {
    optional = true;
    shut--;
  } else if (q === '}') {
    const brace = pattern.lastIndexOf('{', shut);
    const m = /^\{(\d+)(?:,\d*)?\}$/.exec(pattern.slice(brace, shut + 1));
    if (!m) return false;
    optional = m[1] === '0';
    shut = brace - 1;
  }
  if (pattern[shut] !== ')') return false;
  const opener = openingOf(pattern, shut);
  if (opener < 0 || !pattern.startsWith('(?:', opener)) return false;
  if (!topLevelAlternatives(pattern.slice(opener + 3, shut)).every((alt) => alt === '^' || (alt.endsWith(' ') && !alt.endsWith('\\ ')))) return false;
  return !optional || wordStartAt(pattern, opener);
}

/** Index of the parenthesis that opens the one that closes at `close`. */
function openingOf(p: string, close: number): number {
  let depth = 0;
  for (let i = close; i >= 0; i--) {
    if (p[i] === ')' && p[i - 1] !== '\\') depth++;
    else if (p[i] === '(' && p[i - 1] !== '\\' && --depth === 0) return i;
  }
  return -1;
}

/** Index of the parenthesis that closes the one at `open`. */
function closing(p: string, open: number): number {
  let depth = 0;
  for (let i = open; i < p.length; i++) {
    if (p[i] === '\\') i++;
    else if (p[i] === '(') depth++;
    else if (p[i] === ')' && --depth === 0) return i;
  }
  return -1;
}

/** Splits at `|` outside parentheses. */
function topLevelAlternatives(p: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < p.length; i++) {
    if (p[i] === '\\') i++;
    else if (p[i] === '(') depth++;
    else if (p[i] === ')') depth--;
    else if (p[i] === '|' && depth === 0) {
      out.push(p.slice(from, i));
      from = i + 1;
    }
  }
  out.push(p.slice(from));
  return out;
}

/**
 * The words a pattern's match can begin with, read off its leading elements (GRP, a
 * {list}, a group of literal alternatives, a literal word; optional ones add what
 * follows them). Null when the start is anything else ({W}, a character class...).
 */
function anchorOf(pattern: string, lists: ReadonlyMap<string, readonly string[]>): Anchor | null {
  const words = new Set<string>();
  let atStart = false;
  const firstOf = (phrase: string) => phrase.trim().split(' ')[0]!;
  /** Adds the first words of a sequence; returns whether the whole sequence can be empty, or null when unreadable. */
  const sequence = (p: string): boolean | null => {
    p = p.replace(/^ +/, '');
    if (p === '') return true;
    let nullable: boolean | null;
    let rest: string;
    if (p.startsWith('GRP') || p.startsWith('SLUR')) {
      words.add('GRP').add('SLUR');
      return false;
    } else if (p.startsWith('{')) {
      const end = p.indexOf('}');
      const list = lists.get(p.slice(1, end));
      if (!list) return null;
      for (const w of list) words.add(firstOf(w));
      nullable = false;
      rest = p.slice(end + 1);
    } else if (p.startsWith('(?:')) {
      const end = closing(p, 0);
      if (end < 0) return null;
      nullable = false;
      for (const alt of topLevelAlternatives(p.slice(3, end))) {
        if (alt === '^') {
          atStart = true;
          continue;
        }
        const r = sequence(alt);
        if (r === null) return null;
        if (r) nullable = true;
      }
      // After a "^" alternative the match begins at the unit's start or a sentence's, which are always tried.
      rest = p.slice(end + 1);
    } else {
      const m = /^[a-z]+/.exec(p);
      if (!m) return null;
      words.add(m[0]);
      return false;
    }
    const quantifier = rest[0];
    if (quantifier === '?' || quantifier === '*') {
      nullable = true;
      rest = rest.slice(1);
    } else if (/^\{\d/.test(rest)) return null;
    if (!nullable) return false;
    return sequence(rest);
  };
  for (const alt of topLevelAlternatives(pattern)) {
    const r = sequence(alt);
    if (r === null || r === true) return null;
  }
  return { words, atStart };
}

/** The words one deleted letter away. */
function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) if (i === 0 || word[i] !== word[i - 1]) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** Leetspeak whole words the letter fold cannot read ("h8" folds to "hb"). */
const LEET_WORDS: Record<string, string> = { hb: 'hate', hbe: 'hate', hbed: 'hated', hbs: 'hates', hber: 'hater', hbers: 'haters', hbing: 'hating' };
/** Words glued to a predicate ("aretrash"). */
const GLUED_PREFIXES = ['are', 'r', 'is', 'all', 'so', 'such', 'just', 'the'];
/** Subjects glued to the verb after them ("ihate", "wedespise"; "I h a t e" folds to "ihate"). */
const GLUED_SUBJECTS = ['i', 'we', 'im'];

/**
 * The predicate word a misspelt word stands for: leetspeak whole words, stretched letters
 * ("haaate"), and, for a word the shared word table does not know (`known`), one dropped,
 * added or changed letter ("vermn", "parasitez", "despize"). Null when none fits.
 */
export function repairWord(set: HateRuleSet, word: string, known: (w: string) => boolean): string | null {
  if (word.length < 2 || set.predicateWords.has(word) || set.repairExempt.has(word)) return null;
  const leet = LEET_WORDS[word];
  if (leet) return leet;
  if (word.length < 4 || !/^[a-z]+$/.test(word)) return null;
  if (/(.)\1\1/.test(word)) {
    const once = word.replace(/(.)\1\1+/g, '$1');
    if (set.predicateWords.has(once)) return once;
    const twice = word.replace(/(.)\1\1+/g, '$1$1');
    if (set.predicateWords.has(twice)) return twice;
  }
  if (word.length < 5 || known(word)) return null;
  const dropped = set.predicateDeletes.get(word);
  if (dropped) return dropped;
  for (const d of deletions(word)) {
    if (set.predicateWords.has(d)) return d;
    const changed = set.predicateDeletes.get(d);
    if (changed) return changed;
  }
  return null;
}

/**
 * The unit's words with misspelt predicate words repaired (see repairWord), a predicate
 * split by a space joined again ("dis gusting") and one glued to a short word split
 * ("aretrash"). Returns the input itself when nothing changed (the common case).
 */
export function repairWords(set: HateRuleSet, words: readonly CanonWord[], known: (w: string) => boolean): readonly CanonWord[] {
  let out: CanonWord[] | null = null;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    let replacement: CanonWord[] | null = null;
    if (!w.group && !set.predicateWords.has(w.text)) {
      const next = words[i + 1];
      // A predicate split in two ("dis gusting", "sub human"): one part is short.
      const joined = next && !next.group && (w.text.length <= 4 || next.text.length <= 4) ? w.text + next.text : '';
      if (joined.length >= 6 && set.predicateWords.has(joined) && !set.predicateWords.has(next!.text) && /^[a-z]+$/.test(joined)) {
        replacement = [canonWord(joined, w.start, next!.end, undefined, w.opens)];
        out ??= words.slice(0, i);
        out.push(...replacement);
        i++;
        continue;
      }
      // A subject glued to its verb first: the one-letter repair would read "ihate" as "hate" and lose the "I".
      const subject = w.text.length >= 5 && !known(w.text) ? GLUED_SUBJECTS.find((p) => w.text.startsWith(p) && w.text.length - p.length >= 4 && set.emotionWords.has(w.text.slice(p.length))) : undefined;
      const fixed = subject ? null : repairWord(set, w.text, known);
      if (subject) replacement = [canonWord(subject, w.start, w.end, undefined, w.opens), canonWord(w.text.slice(subject.length), w.start, w.end)];
      else if (fixed) replacement = [canonWord(fixed, w.start, w.end, undefined, w.opens)];
      else if (w.text.length >= 7 && !known(w.text)) {
        const prefix = GLUED_PREFIXES.find((p) => w.text.startsWith(p) && set.predicateWords.has(w.text.slice(p.length)));
        const split = prefix ? 0 : gluedPredicates(set, w.text);
        if (prefix) replacement = [canonWord(prefix, w.start, w.end, undefined, w.opens), canonWord(w.text.slice(prefix.length), w.start, w.end)];
        else if (split) replacement = [canonWord(w.text.slice(0, split), w.start, w.end, undefined, w.opens), canonWord(w.text.slice(split), w.start, w.end)];
      }
    }
    if (replacement) {
      out ??= words.slice(0, i);
      out.push(...replacement);
    } else if (out) out.push(w);
  }
  return out ?? words;
}

/** The lists whose words name what a group is called: the second half of two glued predicates. */
const LABEL_LISTS = ['vermin', 'insult', 'criminal', 'lesser', 'squalor'];

/**
 * Where an unknown word splits into a predicate word and a label glued together ("filthyanimals",
 * "dirtyrats"), the length of the first; 0 when it does not (hate12). Each part has four
 * letters or more; one pass over the split points of one word.
 */
function gluedPredicates(set: HateRuleSet, word: string): number {
  for (let j = 4; j + 4 <= word.length; j++) if (set.predicateWords.has(word.slice(0, j)) && set.labelWords.has(word.slice(j))) return j;
  return 0;
}

function escape(phrase: string): string {
  return phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The words of a unit in normal form. Group and slur mentions become GRP / SLUR;
 * "they", "them" and "these/those people" become GRP when `antecedent` (the last
 * group mentioned before) is given and no group was named earlier in the unit.
 */
export function canonicalWords(words: readonly LexWord[], matches: readonly LexiconMatch[], antecedent: GroupRef | null, references: ReferenceWords, rivals?: ReadonlySet<number>): CanonWord[] {
  const out: CanonWord[] = [];
  let m = 0;
  let last: GroupRef | null = antecedent;
  for (let i = 0; i < words.length; ) {
    const match = matches[m];
    if (match && match.from === i) {
      const group = groupRef(match.target, match);
      out.push(canonWord(match.kind === 'slur' ? 'SLUR' : 'GRP', match.start, match.end, group));
      last = group;
      i = match.to;
      m++;
      continue;
    }
    const w = words[i]!;
    // The tokeniser splits "can't" into "ca" + "n't" and "cannot" into "can" + "not": one word again.
    const next = words[i + 1];
    if ((w.fold === 'ca' || w.fold === 'can') && next && (next.fold === 'nt' || next.fold === 'not') && next.start - w.end <= 1) {
      out.push(canonWord('cannot', w.start, next.end));
      i += 2;
      continue;
    }
    const fold = w.fold === 'nt' ? 'not' : w.fold;
    if (rivals?.has(w.start)) last = null;
    if (last && references.determiners.has(fold) && next && references.nouns.has(next.fold)) {
      const verb = words[i + 2];
      if (verb && references.verbs.has(verb.fold) && !matches.some((x) => x.from === i + 1)) {
        out.push(canonWord('GRP', w.start, next.end, groupRef(last.target, last.match, { start: last.match.start, end: last.match.end, text: '' })));
        i += 2;
        continue;
      }
    }
    if (last && references.pronouns.has(fold)) {
      const after = next?.fold;
      const isDeterminer = fold === 'these' || fold === 'those';
      if (!isDeterminer || (after && references.followers.has(after))) {
        const end = isDeterminer ? words[i + 1]!.end : w.end;
        out.push(canonWord('GRP', w.start, end, groupRef(last.target, last.match, { start: last.match.start, end: last.match.end, text: '' })));
        i += isDeterminer ? 2 : 1;
        continue;
      }
    }
    // The lexicon word's number stays with it where the text is its fold (every word but "nt").
    out.push(canonWord(fold, w.start, w.end, undefined, false, fold === w.fold ? (w.word ?? NO_WORD) : NO_WORD));
    i++;
  }
  return out;
}

/** The canonical string and where each word starts in it. */
interface Joined {
  text: string;
  starts: Int32Array;
}

/** joinWords on first use, once per word list (matchRules and matchGuards read the same one). */
function lazyJoin(words: readonly CanonWord[]): () => Joined {
  return () => {
    if (lastJoin?.words !== words) lastJoin = { words, joined: joinWords(words) };
    return lastJoin.joined;
  };
}

let lastJoin: { words: readonly CanonWord[]; joined: Joined } | undefined;

/**
 * The words joined by spaces, with a line break instead before a word that opens a sentence:
 * patterns compile with the multiline flag, so "^" matches there too, and every space of a
 * pattern matches either separator, so a pattern still reads across sentences.
 */
function joinWords(words: readonly CanonWord[]): Joined {
  const starts = new Int32Array(words.length);
  let text = '';
  for (let i = 0; i < words.length; i++) {
    if (i > 0) text += words[i]!.opens ? '\n' : ' ';
    starts[i] = text.length;
    text += words[i]!.text;
  }
  return { text, starts };
}

/**
 * Word ranges of a compiled pattern's matches (regex `p` of the scan's dispatch, pattern `r` of
 * `c`; its required words are met): with an anchor, the sticky regex is tried only where a word
 * it can begin with starts (left to right, not overlapping, as the global regex would find
 * them); without one, the global regex scans the text.
 */
function patternRanges(c: Compiled<RuleEntry>, r: number, p: number, scan: UnitScan, join: () => Joined, words: readonly CanonWord[]): readonly [number, number][] {
  // Arrays, not a generator: most regexes are skipped in most units, and a generator object per regex and unit was garbage.
  const anchor = c.anchors[r]!;
  // Where the word automaton reads the unit exactly, a start it rules out is one the regex would find nothing at.
  const wp = scan.plain ? c.words[r]! : null;
  if (anchor === null) {
    if (wp && !mayMatchAnywhere(wp, words)) return NO_RANGES;
    const joined = join();
    return matchedWordRanges(regexAt(c, r), joined.text, joined.starts);
  }
  const { nodeWord, nodeNext } = scan;
  // The regex's start nodes, a list in word order.
  let s = scan.headStamp[p] === scan.stamp ? scan.head[p]! : -1;
  // A pattern that may begin at a sentence's start ("^") is tried at every opening word too,
  // whatever the word: the two sorted lists are merged as they are read.
  const openings = anchor ? scan.openings : NO_STARTS;
  if (s < 0 && openings.length === 0) return NO_RANGES;
  let count = 0;
  let o = 0;
  while (s >= 0 || o < openings.length) {
    let i: number;
    if (o >= openings.length || (s >= 0 && nodeWord[s]! < openings[o]!)) {
      i = nodeWord[s]!;
      s = nodeNext[s]!;
    } else if (s >= 0 && nodeWord[s] === openings[o]) {
      i = nodeWord[s]!;
      s = nodeNext[s]!;
      o++;
    } else i = openings[o++]!;
    if (count === startWords.length) startWords = growInt32(startWords);
    startWords[count++] = i;
  }
  // One automaton search from every start first: nearly every try is a miss at all of them.
  if (wp && !mayMatchAtAny(wp, words, startWords, count)) return NO_RANGES;
  const starts = startWords;
  const re = stickyAt(c, r);
  let out: [number, number][] | undefined;
  let after = 0;
  for (let j = 0; j < count; j++) {
    const i = starts[j]!;
    if (wp && count > 1 && !mayMatchAt(wp, words, i)) continue;
    // The joined text is built only for units where some pattern can begin.
    const joined = join();
    const at = joined.starts[i]!;
    if (at < after) continue;
    re.lastIndex = at;
    const m = re.exec(joined.text);
    if (!m || m[0].length === 0) continue;
    after = at + m[0].length;
    (out ??= []).push(wordRange(joined.starts, at, m[0].length));
  }
  return out ?? NO_RANGES;
}

const NO_RANGES: readonly [number, number][] = [];

/** The words an anchored regex is tried at in one unit, in order (shared scratch: patternRanges reads it before any other call fills it). */
let startWords: Int32Array = new Int32Array(64);

function growInt32(a: Int32Array): Int32Array {
  const out = new Int32Array(2 * a.length);
  out.set(a);
  return out;
}
const NO_STARTS: readonly number[] = [];

/** Words [first, last] of a match at `index` of `length` characters (a space counts with the word before it). */
function wordRange(starts: Int32Array, index: number, length: number): [number, number] {
  return [wordAtOffset(starts, index), wordAtOffset(starts, Math.max(index, index + length - 1))];
}

/** The last word that starts at or before character `offset` of the joined text. */
function wordAtOffset(starts: Int32Array, offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The word ranges [first, last] of every non-empty match of a global regex over the joined words. */
function matchedWordRanges(re: RegExp, text: string, starts: Int32Array): [number, number][] {
  const out: [number, number][] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    out.push(wordRange(starts, m.index, m[0].length));
  }
  return out;
}

/** Guards that match a unit. */
export function matchGuards(set: HateRuleSet, words: readonly CanonWord[], kinds: readonly GuardEntry['kind'][] = ['counter', 'denial', 'reclaimed']): GuardHit[] {
  if (!set.guards.some((g) => kinds.includes(g.entry.kind))) return [];
  const joined = lazyJoin(words);
  const d = dispatchOf(set);
  const scan = scanUnit(d, words);
  const hits: GuardHit[] = [];
  // The regexes the unit woke, guards' after the rules', in the order of every guard's every pattern.
  const { live, liveCount } = scan;
  let k = 0;
  while (k < liveCount && live[k]! < d.ruleCount) k++;
  for (; k < liveCount; k++) {
    const p = live[k]!;
    const guard = d.owner[p] as Compiled<GuardEntry>;
    if (!kinds.includes(guard.entry.kind)) continue;
    // Indexed, not `for (const [a, b] of …)`: destructuring reads each pair through an iterator, an object per range.
    const ranges = patternRanges(guard, d.pattern[p]!, p, scan, joined, words);
    for (let q = 0; q < ranges.length; q++) hits.push({ guard: guard.entry, start: words[ranges[q]![0]]!.start, end: words[ranges[q]![1]]!.end });
  }
  return hits;
}

/**
 * Rule hits in a unit: pattern rules over the canonical string, then slur rules for
 * every slur not in an in-group frame. Negated matches go to `negated` instead: a
 * negated hateful claim ("Jews do not control the banks") clears the unit.
 */
export function matchRules(set: HateRuleSet, words: readonly CanonWord[], reclaimed: readonly GuardHit[], negated: RuleHit[] = [], hasGroup = true, question = false, text?: string): RuleHit[] {
  const joined = lazyJoin(words);
  const d = dispatchOf(set);
  const scan = scanUnit(d, words);
  const hits: RuleHit[] = [];
  // The rules' regexes the unit woke, in the order of every rule's every pattern.
  const { live, liveCount } = scan;
  for (let k = 0; k < liveCount; k++) {
    const p = live[k]!;
    if (p >= d.ruleCount) break;
    const rule = d.owner[p] as Compiled<HateRuleEntry>;
    const r = d.pattern[p]!;
    const entry = rule.entry;
    if (!hasGroup && rule.needsGroup[r]) continue;
    const ranges = patternRanges(rule, r, p, scan, joined, words);
    for (let q = 0; q < ranges.length; q++) {
      const a = ranges[q]![0];
      const b = ranges[q]![1];
      if (relativeObjectBeforeCopula(words, a, set.subjectModifier.stops, set.subjectModifier.objectTakers)) continue;
      const span = words.slice(a, b + 1);
      const groups = span.filter((w) => w.group).map((w) => w.group!);
      const targets = groups.length ? unique(groups.map((g) => g.target)) : entry.target ? [entry.target] : [];
      if (entry.targets && !targets.some((t) => entry.targets!.includes(t))) continue;
      const isNegated = entry.negation !== 'allowed' && negatedAt(set, words, a, b, question, text, set.negativePhrases.get(entry.id));
      (isNegated ? negated : hits).push({ rule: entry, targets, evidence: evidenceOf(span), start: span[0]!.start, end: span[span.length - 1]!.end, pronouns: groups.filter((g) => g.antecedent) });
    }
  }
  // Indexed: matchRules runs twice for most units, and `for … of` here made an iterator result per rule and word.
  for (let r = 0; r < set.rules.length; r++) {
    const entry = set.rules[r]!.entry;
    if (!entry.slur) continue;
    for (let k = 0; k < words.length; k++) {
      const w = words[k]!;
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

// Not "that": after a noun it is as often a complementiser ("his statement that many … are rapists").
const RELATIVE_PRONOUNS = new Set(['who', 'whom']);
const OBJECT_DETERMINERS = new Set(['the', 'these', 'those', 'all', 'our', 'their', 'any', 'some', 'every']);
const COPULAS = new Set(['are', 'is', 're', 's', 'were', 'was']);

/**
 * Whether the group word at `a` is the object inside a relative clause whose copula follows it:
 * "Politicians who defend migrants are vermin" calls the politicians vermin, not the migrants,
 * so a match that begins at the group there is not about it ("Migrants who ... are vermin",
 * with the group as the subject, and "who thinks ... are subhuman", after a verb of saying or
 * thinking (vocabulary.yml `subject-modifier-stops`), still are). Since hate23 also the object of a
 * participle of attacking after a noun phrase ("Muslims attacking Jews are scum" calls the
 * Muslims scum); not a participle that opens the sentence ("Mocking Jews is fun").
 */
function relativeObjectBeforeCopula(words: readonly CanonWord[], a: number, clauseVerbs: ReadonlySet<string>, attackVerbs: ReadonlySet<string>): boolean {
  const w = words[a];
  if (!w?.group || w.opens || !COPULAS.has(words[a + 1]?.text ?? '')) return false;
  let verb = a - 1;
  if (verb >= 0 && OBJECT_DETERMINERS.has(words[verb]!.text) && !words[verb]!.opens) verb--;
  const relative = words[verb - 1];
  const head = words[verb - 2];
  const participle = words[verb];
  if (verb >= 1 && participle && !participle.opens && participle.text.endsWith('ing') && attackVerbs.has(participle.text) && !COPULAS.has(relative!.text)) return true;
  // "who thinks … are subhuman": a verb of saying or thinking takes the group as its clause's subject.
  return verb >= 2 && !words[verb]!.group && !words[verb]!.opens && !clauseVerbs.has(words[verb]!.text) && !!relative && RELATIVE_PRONOUNS.has(relative.text) && !relative.opens && !!head;
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
