import { join } from 'node:path';
import { dataPath } from '../core/paths.js';
import { loadRuleFile, type RuleEntry } from '../core/rules.js';

export type OfficeKind = 'head' | 'minister' | 'spokesperson' | 'agency' | 'military';

export interface Office {
  id: string;
  kind: OfficeKind;
  /** Words of which one must also be in the role for it to be a state office. */
  needs: Set<string> | null;
}

/**
 * The word lists provenance v2 reads (speaker profiles, scare quotes, report and commentary):
 * data/provenance/{scare-markers,countries,state-offices,commentary}.yml, loaded once.
 */
export interface V2Lexicon {
  /** "so-called", "self-styled", "alleged": one or two quoted words after them are scare quotes. */
  scareMarkers: Set<string>;
  /** Country names and demonyms (one or two lower-cased words) → country. */
  countries: Map<string, string>;
  /**
   * The lower-cased forms of country words written in capitals in the data ("US"): they name
   * the country only when the text writes them in capitals too, so the pronoun "us" is no country.
   */
  capitalsOnly: Set<string>;
  /** Seats of government that stand for the state ("moscow", "the kremlin", "white house") → country. */
  seats: Map<string, string>;
  /** ISO 3166-1 alpha-2 code (lower case, from the entry id "country-xx") → country. */
  countryCodes: Map<string, string>;
  /** Office words (one or two lower-cased words) → the office. */
  offices: Map<string, Office>;
  /** First-person words of the writer's own voice ("I", "we", "my") and address to the reader ("you"). */
  firstPerson: Set<string>;
  /** Evaluative words that mark the writer's own opinion ("shameful", "clearly"). */
  evaluative: Set<string>;
  /**
   * What one word says about the writer's own voice, in one lookup: `true` when it marks it on
   * its own (first person, reader, evaluative), else the words that complete a two-word
   * evaluative entry after it ("of" → "course"), so no pair string is ever built.
   */
  commentaryMarks: Map<string, true | Set<string>>;
  /** Words that credit a copied outlet right before its name ("via", "source", "originally"). */
  credit: Set<string>;
  /** "migrants", "protesters": plural nouns for a community, never a person's name. */
  communities: Set<string>;
}

let cached: V2Lexicon | undefined;

export function v2Lexicon(): V2Lexicon {
  cached ??= loadV2Lexicon(dataPath('provenance'));
  return cached;
}

export function loadV2Lexicon(dir: string): V2Lexicon {
  const words = (e: RuleEntry) => (e.words as unknown[]).map((w) => String(w).toLowerCase());
  const scare = loadRuleFile(join(dir, 'scare-markers.yml'), ['words']);
  const countries = loadRuleFile(join(dir, 'countries.yml'), ['words', 'country']);
  const offices = loadRuleFile(join(dir, 'state-offices.yml'), ['words', 'kind']);
  const commentary = loadRuleFile(join(dir, 'commentary.yml'), ['words', 'class']);
  const communities = loadRuleFile(join(dir, 'communities.yml'), ['words']);
  const countryMap = new Map<string, string>();
  const countryCodes = new Map<string, string>();
  const seats = new Map<string, string>();
  const capitalsOnly = new Set<string>();
  for (const e of countries.entries) {
    for (const w of words(e)) countryMap.set(w, String(e.country));
    for (const w of e.words as unknown[]) if (/^\p{Lu}{2,}$/u.test(String(w))) capitalsOnly.add(String(w).toLowerCase());
    if (Array.isArray(e.seats)) for (const w of e.seats) seats.set(String(w).toLowerCase(), String(e.country));
    countryCodes.set(e.id.replace(/^country-/, ''), String(e.country));
  }
  const officeMap = new Map<string, Office>();
  for (const e of offices.entries) {
    const office: Office = { id: e.id, kind: e.kind as OfficeKind, needs: Array.isArray(e.needs) ? new Set(e.needs.map((w) => String(w).toLowerCase())) : null };
    for (const w of words(e)) if (!officeMap.has(w)) officeMap.set(w, office);
  }
  const byClass = (cls: string) => new Set(commentary.entries.filter((e) => e.class === cls).flatMap(words));
  const firstPerson = new Set([...byClass('first-person'), ...byClass('reader')]);
  const evaluative = byClass('evaluative');
  return {
    scareMarkers: new Set(scare.entries.flatMap(words)),
    countries: countryMap,
    capitalsOnly,
    seats,
    countryCodes,
    offices: officeMap,
    firstPerson,
    evaluative,
    commentaryMarks: commentaryMarks(firstPerson, evaluative),
    credit: byClass('credit'),
    communities: new Set(communities.entries.flatMap(words)),
  };
}

function commentaryMarks(firstPerson: Set<string>, evaluative: Set<string>): Map<string, true | Set<string>> {
  const marks = new Map<string, true | Set<string>>();
  for (const w of evaluative) {
    const space = w.indexOf(' ');
    if (space < 0) continue;
    const first = w.slice(0, space);
    const next = marks.get(first) ?? new Set<string>();
    if (next !== true) marks.set(first, next.add(w.slice(space + 1)));
  }
  for (const w of [...firstPerson, ...evaluative]) if (!w.includes(' ')) marks.set(w, true);
  return marks;
}

/** The country one token names by name or demonym, honouring words that count only in capitals ("US", not "us"). */
export function countryOfToken(lex: V2Lexicon, token: { readonly text: string; readonly norm: string }): string | undefined {
  const country = lex.countries.get(token.norm);
  if (country === undefined || !lex.capitalsOnly.has(token.norm) || token.text === token.text.toUpperCase()) return country;
  return undefined;
}
