import type { ProvenanceLexicon } from './lexicon.js';

/**
 * A title as an office: its head noun and the words that narrow it.
 * "the Swedish foreign minister" is { head: minister, portfolio: [foreign], other: [swedish] }.
 */
export interface Role {
  head: string;
  rank: string[];
  portfolio: string[];
  other: string[];
}

const FILLER = new Set(['the', 'a', 'an', 'of', 'for', 'and', "'s", '’s', "'", '’', '-', '\u2010']);

/**
 * The role a title phrase names, from its lower-cased words (no determiner needed): the head is
 * the last title word that is not also a modifier ("deputy foreign minister" → minister);
 * null when there is no title word.
 */
export function describeRole(lexicon: ProvenanceLexicon, written: readonly string[]): Role | null {
  const words = written.map((w) => lexicon.titleAbbreviations.get(w) ?? w);
  let head = -1;
  for (let k = words.length - 1; k >= 0 && head < 0; k--) if (lexicon.titles.has(words[k]!) && !lexicon.titleModifiers.has(words[k]!)) head = k;
  // "the deputy", "Lieutenant Smith": a modifier that is also a title is the head when alone.
  for (let k = words.length - 1; k >= 0 && head < 0; k--) if (lexicon.titles.has(words[k]!)) head = k;
  if (head < 0) return null;
  const role: Role = { head: words[head]!, rank: [], portfolio: [], other: [] };
  words.forEach((w, k) => {
    if (k === head || FILLER.has(w) || !/\p{L}/u.test(w)) return;
    const cls = lexicon.titleModifiers.get(w);
    if (cls === 'rank') role.rank.push(w);
    else if (cls === 'portfolio') role.portfolio.push(w);
    // Honorifics and other titles in the phrase ("President-elect", "Mr.") say nothing of the office.
    else if (!lexicon.titles.has(w)) role.other.push(w);
  });
  return role;
}

/**
 * Whether a title mention can be a person known by `known`: same head, same rank, and no
 * portfolio or other modifier that contradicts ("finance" vs "foreign"); a bare "the minister"
 * fits any minister.
 */
export function rolesAgree(known: Role, mention: Role): boolean {
  if (known.head !== mention.head) return false;
  if (!sameSet(known.rank, mention.rank)) return false;
  if (known.portfolio.length > 0 && mention.portfolio.length > 0 && !known.portfolio.some((w) => mention.portfolio.includes(w))) return false;
  if (known.other.length > 0 && mention.other.length > 0 && !known.other.some((w) => mention.other.some((m) => looselyEqual(w, m)))) return false;
  return true;
}

export function roleText(role: Role): string {
  return [...role.rank, ...role.other, ...role.portfolio, role.head].join(' ');
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((w) => b.includes(w));
}

/** "kazakh" and "kazakhstan", "swedish" and "sweden": a nationality and its country agree. */
function looselyEqual(a: string, b: string): boolean {
  if (a === b) return true;
  return a.length >= 4 && b.length >= 4 && a.slice(0, 4) === b.slice(0, 4);
}
