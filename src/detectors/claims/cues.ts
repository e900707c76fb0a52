import { loadRuleFile, type RuleEntry } from '../../core/rules.js';
import { dataPath } from '../../core/paths.js';

/** One cue list from data/claims/cues.yml: a named group of phrases. */
export interface CueEntry extends RuleEntry {
  patterns: string[];
  polarity: 'for' | 'against';
}

/** A cue list compiled once: one whole-word, case-insensitive regex per entry. */
export interface CompiledCue {
  id: string;
  description: string;
  polarity: 'for' | 'against';
  regex: RegExp;
}

let defaults: CompiledCue[] | undefined;

/** The shipped cue lists, read on first use. */
export function defaultCues(): CompiledCue[] {
  defaults ??= compileCues(loadRuleFile<CueEntry>(dataPath('claims', 'cues.yml'), ['patterns', 'polarity']).entries);
  return defaults;
}

export function compileCues(entries: readonly CueEntry[]): CompiledCue[] {
  return entries.map((e) => {
    // A pattern like "'ll" attaches to the word before it, so only word-initial patterns need a boundary on the left.
    const alternatives = [...e.patterns]
      .sort((a, b) => b.length - a.length)
      .map((p) => normaliseForCues(p))
      .map((p) => (p.startsWith("'") ? '' : "(?<![\\p{L}\\p{N}'])") + escape(p).replace(/ /g, '\\s+'));
    return { id: e.id, description: e.description, polarity: e.polarity, regex: new RegExp(`(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'iu') };
  });
}

/** Curly apostrophes are common in news text; the patterns are written with straight ones. */
export function normaliseForCues(text: string): string {
  return text.replace(/[\u2018\u2019\u02bc]/g, "'").toLowerCase();
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Ids of the cue lists that fire somewhere in the text. */
export function firedCues(text: string, cues: readonly CompiledCue[]): string[] {
  const norm = normaliseForCues(text);
  return cues.filter((c) => c.regex.test(norm)).map((c) => c.id);
}
