import { partitionPoint } from '../../core/spans.js';
import type { Span, Token } from '../../core/types.js';
import type { HateLexicon } from './lexicon.js';
import { modelInput, type ModelInput } from './model-input.js';
import { canonicalWords, markSentenceStarts, type CanonWord, type GroupRef, type ReferenceWords } from './rules.js';

/** One group mention: a group word, a slur, or a pronoun that refers back to one. */
export interface GroupMention extends Span {
  target: string;
  kind: 'group' | 'slur' | 'pronoun';
  /** For a pronoun: the mention it refers back to (possibly in an earlier sentence). */
  antecedent?: Span;
}

/** A unit's words with every group mention tagged and replaced by its placeholder. */
export interface TaggedUnit extends ModelInput {
  /** The words in normal form; a mention is one word, GRP (group word or pronoun) or SLUR. */
  canon: CanonWord[];
  mentions: GroupMention[];
  /** The group a pronoun in the next unit may stand for: the last one named, or none once a rival plural subject came after it. */
  carried: GroupRef | null;
}

/** Placeholders the model reads instead of group names, so that "GRP are vermin" is learned once for every group. */
export const GROUP_PLACEHOLDER = 'GRP';
export const SLUR_PLACEHOLDER = 'SLUR';

/**
 * Tags the group mentions of tokens [from, to): lexicon matches (words, adjectives before
 * words for people, slurs; through leetspeak, masks and misspellings), then pronouns
 * ("they", "these people") standing for the last group named in the unit or, through
 * `antecedent`, in the sentences before.
 */
export function tagGroups(text: string, tokens: readonly Token[], lexicon: HateLexicon, references: ReferenceWords, from: number, to: number, antecedent: GroupRef | null): TaggedUnit {
  const input = modelInput(text, tokens, lexicon, from, to);
  // Rivals matter only where there is a group to refer back to.
  const rivals = antecedent || input.matches.length > 0 ? rivalSubjects(tokens, from, to) : NO_RIVALS;
  const canon = canonicalWords(input.lexWords, input.matches, antecedent, references, rivals);
  markSentenceStarts(text, canon);
  markAddressOpeners(text, tokens, from, to, canon);
  const mentions: GroupMention[] = [];
  for (let k = 0; k < canon.length; k++) {
    const g = canon[k]!.group;
    if (!g) continue;
    const w = canon[k]!;
    const mention: GroupMention = { start: w.start, end: w.end, target: g.target, kind: g.antecedent ? 'pronoun' : g.match.kind };
    if (g.antecedent) mention.antecedent = { start: g.match.start, end: g.match.end };
    mentions.push(mention);
  }
  // Not a spread: that would read the input's lazy model words.
  const tagged = input as TaggedUnit;
  tagged.canon = canon;
  tagged.mentions = mentions;
  tagged.carried = carriedGroup(canon, antecedent, rivals);
  return tagged;
}

const NO_RIVALS: ReadonlySet<number> = new Set();

/** Parts of speech of a sentence's opening address or adverbial ("Landlords,", "And parents,", "Also,", "Today,"): no verb, no pronoun. */
const ADDRESS_TAGS = new Set(['NOUN', 'PROPN', 'ADV', 'ADJ', 'CCONJ', 'INTJ']);
/** Parts of speech that open a noun phrase, not an imperative: "Cockroaches, the … upstairs", "Also, the bakery …". */
const NOUN_PHRASE_OPENERS = new Set(['DET', 'PRON', 'NUM', 'ADP']);
/** How many words an opening address may have before its comma. */
const ADDRESS_WORDS = 2;

/**
 * Marks a clause as opening after a short address or adverbial that opens its sentence and ends
 * in a comma: "Management, ban … from the changing rooms", "And landlords, stop serving …",
 * "Also, boycott …". A rule's "^" then reads the imperative as a call, as it does without the
 * address. Not after a verb or a pronoun ("He said, …", "I think, …"), nor after a group word
 * (a list, "Muslims, Jews and Hindus …"), nor before one: there the group is the subject, and the
 * opening word may belong to what is said of it ("Sure, … are a real asset. Just ask …"), nor
 * before a noun phrase ("Cockroaches, the … upstairs"), which an imperative never opens.
 */
function markAddressOpeners(text: string, tokens: readonly Token[], from: number, to: number, canon: CanonWord[]): void {
  for (let k = 0; k < canon.length; k++) {
    if (k > 0 && !canon[k]!.opens) continue;
    for (let j = k + 1; j <= k + ADDRESS_WORDS && j < canon.length; j++) {
      if (canon[j]!.opens || canon[j - 1]!.group) break;
      const tag = tokenAt(tokens, from, to, canon[j - 1]!.start)?.pos;
      if (tag === undefined || !ADDRESS_TAGS.has(tag)) break;
      if (commaBetween(text, canon[j - 1]!.end, canon[j]!.start)) {
        if (!canon[j]!.group && !NOUN_PHRASE_OPENERS.has(tokenAt(tokens, from, to, canon[j]!.start)?.pos ?? '')) canon[j]!.opens = true;
        break;
      }
    }
  }
}

function commaBetween(text: string, from: number, to: number): boolean {
  for (let c = from; c < to; c++) if (text.charCodeAt(c) === 0x2c) return true;
  return false;
}

/** The token that starts at `start` in [from, to) (tokens are in text order). */
function tokenAt(tokens: readonly Token[], from: number, to: number, start: number): Token | undefined {
  const i = from + partitionPoint(to - from, (k) => tokens[from + k]!.start < start);
  return i < to && tokens[i]!.start === start ? tokens[i] : undefined;
}

/**
 * Where a plural common noun other than a group word opens a clause as its subject (a plural
 * noun whose next word is a verb): "Some readers wrote to say … I say they are cowards". After
 * one, "they" no longer stands for a group named earlier, so the readers are not read as the
 * migrants of the paragraph before.
 */
export function rivalSubjects(tokens: readonly Token[], from: number, to: number): ReadonlySet<number> {
  let out: Set<number> | undefined;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (t.pos !== 'NOUN' || t.type !== 'word' || t.fold === t.lemma || t.fold.charCodeAt(t.fold.length - 1) !== 115 /* s */) continue;
    let j = i + 1;
    while (j < to && tokens[j]!.type !== 'word') j++;
    if (j - i !== 1 || j >= to) continue;
    const next = tokens[j]!.pos;
    if ((next === 'VERB' || next === 'AUX') && opensClause(tokens, i, from)) (out ??= new Set()).add(t.start);
  }
  return out ?? NO_RIVALS;
}

const NOUN_PHRASE_TAGS = new Set(['DET', 'ADJ', 'NUM', 'NOUN', 'PROPN', 'PRON']);
const CLAUSE_OPENERS = new Set(['PUNCT', 'CCONJ', 'SCONJ']);

/**
 * Whether the noun phrase ending at token `i` opens a clause (after the unit's start, a
 * punctuation mark or a conjunction), so it is a subject: "Some readers wrote", "when the
 * speakers … started", not the object in "should have their homes bulldozed".
 */
function opensClause(tokens: readonly Token[], i: number, from: number): boolean {
  let k = i - 1;
  while (k >= from && NOUN_PHRASE_TAGS.has(tokens[k]!.pos)) k--;
  return k < from || CLAUSE_OPENERS.has(tokens[k]!.pos);
}

/** The group the unit hands on to pronouns after it: the last named, or none after a rival subject. */
function carriedGroup(canon: readonly CanonWord[], antecedent: GroupRef | null, rivals: ReadonlySet<number>): GroupRef | null {
  let last = antecedent;
  for (let k = 0; k < canon.length; k++) {
    const w = canon[k]!;
    if (w.group && !w.group.antecedent) last = w.group;
    else if (!w.group && rivals.has(w.start)) last = null;
  }
  return last;
}

/** The unit as the model reads it: lower-case words, group mentions as placeholders. */
export function placeholderWords(canon: readonly CanonWord[]): string[] {
  return canon.map((w) => w.text);
}
