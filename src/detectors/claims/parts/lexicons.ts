import { loadRuleFile, type RuleEntry } from '../../../core/rules.js';
import { dataPath } from '../../../core/paths.js';

export interface NameListEntry extends RuleEntry {
  names: string[];
}

export interface UnitEntry extends RuleEntry {
  kind: 'currency' | 'multiplier' | 'unit';
  patterns: string[];
  unit?: string;
  factor?: number;
}

/** The word lists parts extraction needs; tests hand in tiny ones. */
export interface PartLexicons {
  places: NameListEntry[];
  organisations: NameListEntry[];
  titles: NameListEntry[];
  units: UnitEntry[];
}

let defaults: PartLexicons | undefined;

/** The shipped lists under data/claims/, read on first use. */
export function defaultPartLexicons(): PartLexicons {
  defaults ??= {
    places: loadRuleFile<NameListEntry>(dataPath('claims', 'places.yml'), ['names']).entries,
    organisations: loadRuleFile<NameListEntry>(dataPath('claims', 'organisations.yml'), ['names']).entries,
    titles: loadRuleFile<NameListEntry>(dataPath('claims', 'person-titles.yml'), ['names']).entries,
    units: loadRuleFile<UnitEntry>(dataPath('claims', 'units.yml'), ['kind', 'patterns']).entries,
  };
  return defaults;
}

export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * One regex for a list of phrases: whole words, longest alternative first (so "New York City"
 * beats "New York"), spaces matching any run of spaces.
 */
export function phraseRegex(phrases: Iterable<string>, flags = 'gu'): RegExp {
  const sorted = [...new Set(phrases)].sort((a, b) => b.length - a.length).map((p) => escapeRegex(p).replace(/ /g, '\\s+'));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${sorted.join('|')})(?![\\p{L}\\p{N}])`, flags);
}
