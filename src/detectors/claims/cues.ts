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
  /** The patterns, normalised, so that a text without any of their words skips the regex; absent, the regex always runs. */
  patterns?: readonly string[];
}

let defaults: CompiledCue[] | undefined;

/** The shipped cue lists, read on first use. */
export function defaultCues(): CompiledCue[] {
  defaults ??= compileCues(loadRuleFile<CueEntry>(dataPath('claims', 'cues.yml'), ['patterns', 'polarity']).entries);
  return defaults;
}

export function compileCues(entries: readonly CueEntry[]): CompiledCue[] {
  return entries.map((e) => {
    const patterns = e.patterns.map((p) => normaliseForCues(p));
    // A pattern like "'ll" attaches to the word before it, so only word-initial patterns need a boundary on the left.
    const alternatives = [...e.patterns]
      .sort((a, b) => b.length - a.length)
      .map((p) => normaliseForCues(p))
      .map((p) => (p.startsWith("'") ? '' : "(?<![\\p{L}\\p{N}'])") + escape(p).replace(/ /g, '\\s+'));
    return { id: e.id, description: e.description, polarity: e.polarity, regex: new RegExp(`(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'iu'), patterns };
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
  // Only the lists one of whose words occurs in the text can fire, so only their regexes run.
  // "ſ" matches "s" case-insensitively, so a text with one runs every regex, as before.
  const candidates = norm.includes('\u017f') ? null : candidateCues(norm, cueWordIndex(cues));
  const fired: string[] = [];
  for (let i = 0; i < cues.length; i++) {
    if (candidates !== null && !candidates.has(i)) continue;
    if (cues[i]!.regex.test(norm)) fired.push(cues[i]!.id);
  }
  return fired;
}

/** Where a cue list can fire: the lists (by index) that hold a pattern whose longest word is this word; `always` those with a wordless pattern. */
interface CueWordIndex {
  byWord: Map<string, number[]>;
  always: number[];
}

const WORD_RUN = /[\p{L}\p{N}]+/gu;
const wordIndexes = new WeakMap<readonly CompiledCue[], CueWordIndex>();

/**
 * A pattern matches only where its longest run of letters and digits is a whole run of the
 * (lower-cased) text: the regex forbids a letter or digit on either side of the pattern, and
 * the characters between runs are not letters or digits. So a list cannot fire unless one of
 * its patterns' longest runs is among the text's runs.
 */
function cueWordIndex(cues: readonly CompiledCue[]): CueWordIndex {
  let index = wordIndexes.get(cues);
  if (index) return index;
  index = { byWord: new Map(), always: [] };
  cues.forEach((cue, i) => {
    if (!cue.patterns) {
      index!.always.push(i);
      return;
    }
    for (const pattern of cue.patterns) {
      const runs = pattern.match(WORD_RUN) ?? [];
      const longest = runs.reduce<string | null>((best, r) => (best === null || r.length > best.length ? r : best), null);
      if (longest === null) index!.always.push(i);
      else {
        const lists = index!.byWord.get(longest) ?? [];
        if (!lists.includes(i)) lists.push(i);
        index!.byWord.set(longest, lists);
      }
    }
  });
  wordIndexes.set(cues, index);
  return index;
}

function candidateCues(norm: string, index: CueWordIndex): Set<number> {
  const found = new Set<number>(index.always);
  WORD_RUN.lastIndex = 0;
  for (let m = WORD_RUN.exec(norm); m; m = WORD_RUN.exec(norm)) {
    const lists = index.byWord.get(m[0]);
    if (lists) for (const i of lists) found.add(i);
  }
  return found;
}
