import type { Span, Token } from '../../core/types.js';
import type { HateLexicon } from './lexicon.js';
import { modelInput, type ModelInput } from './model-input.js';
import { canonicalWords, markSentenceStarts, type CanonWord, type GroupRef } from './rules.js';

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
export function tagGroups(text: string, tokens: readonly Token[], lexicon: HateLexicon, from: number, to: number, antecedent: GroupRef | null): TaggedUnit {
  const input = modelInput(text, tokens, lexicon, from, to);
  const canon = canonicalWords(input.lexWords, input.matches, antecedent);
  markSentenceStarts(text, canon);
  const mentions: GroupMention[] = [];
  for (const w of canon) {
    const g = w.group;
    if (!g) continue;
    const mention: GroupMention = { start: w.start, end: w.end, target: g.target, kind: g.antecedent ? 'pronoun' : g.match.kind };
    if (g.antecedent) mention.antecedent = { start: g.match.start, end: g.match.end };
    mentions.push(mention);
  }
  // Not a spread: that would read the input's lazy model words.
  const tagged = input as TaggedUnit;
  tagged.canon = canon;
  tagged.mentions = mentions;
  return tagged;
}

/** The unit as the model reads it: lower-case words, group mentions as placeholders. */
export function placeholderWords(canon: readonly CanonWord[]): string[] {
  return canon.map((w) => w.text);
}
