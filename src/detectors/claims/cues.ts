import { loadRuleFile, type RuleEntry } from '../../core/rules.js';
import { dataPath } from '../../core/paths.js';
import { FNV_OFFSET, nextRun, runHash, type RunCursor } from './runs.js';

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
      .map((p) => alternative(normaliseForCues(p)));
    // Most texts never need a list's whole regex (firedCues runs its patterns' own, and those
    // only where their words occur): it is compiled on first use, not in every process at load.
    let regex: RegExp | undefined;
    return {
      id: e.id,
      description: e.description,
      polarity: e.polarity,
      get regex(): RegExp {
        return (regex ??= cueRegex(alternatives));
      },
      patterns,
    };
  });
}

/** One normalised pattern as a regex alternative. */
function alternative(pattern: string): string {
  return (pattern.startsWith("'") ? '' : "(?<![\\p{L}\\p{N}'])") + escape(pattern).replace(/ /g, '\\s+');
}

function cueRegex(alternatives: readonly string[]): RegExp {
  return new RegExp(`(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'iu');
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
  // "ſ" matches "s" case-insensitively, so a text with one runs every list's regex, as before.
  if (norm.includes('\u017f')) return cues.filter((cue) => cue.regex.test(norm)).map((cue) => cue.id);
  // Only a pattern whose longest word occurs in the text can match, so only those patterns'
  // regexes run. A list's regex (its patterns as alternatives, then a boundary) matches exactly
  // where one of its patterns' own regexes does, so the lists that fire are the same.
  const index = cueWordIndex(cues);
  const fired = new Uint8Array(cues.length);
  for (const i of index.always) if (cues[i]!.regex.test(norm)) fired[i] = 1;
  const call = ++index.calls;
  // The runs of letters and digits (WORD_RUN's matches), walked by hand: no match objects. A
  // first walk marks the pattern words the text holds and keeps the runs that patterns hang on.
  // Each run is hashed as it is walked and looked up in the runs' own table, so no run of the
  // text is sliced out into a string of its own.
  const { slots, mask, byId } = index;
  let found = 0;
  for (let at = 0; nextRun(norm, at, textRun); at = textRun.end) {
    const { start, end, hash } = textRun;
    let run: PatternRun | undefined;
    for (let slot = hash & mask; slots[slot] !== 0; slot = (slot + 1) & mask) {
      const candidate = byId[slots[slot]! - 1]!;
      if (candidate.text.length === end - start && norm.startsWith(candidate.text, start)) {
        run = candidate;
        break;
      }
    }
    if (!run) continue;
    index.seen[run.id] = call;
    if (found === foundRuns.length) {
      foundRuns.push(run);
      foundStarts.push(start);
    } else {
      foundRuns[found] = run;
      foundStarts[found] = start;
    }
    found++;
  }
  for (let r = 0; r < found; r++) {
    const start = foundStarts[r]!;
    for (const pattern of foundRuns[r]!.patterns) {
      if (fired[pattern.cue] === 1 || pattern.testedIn === call) continue;
      if (pattern.word) {
        // A one-word pattern's regex matches this very run unless an apostrophe comes before it
        // (runs are whole, so no letter or digit is on either side).
        if (start === 0 || norm.charCodeAt(start - 1) !== APOSTROPHE) fired[pattern.cue] = 1;
        continue;
      }
      pattern.testedIn = call;
      // Every run of the pattern, not only its longest, must be a run of the text.
      let all = true;
      for (const id of pattern.others) if (index.seen[id] !== call) all = false;
      if (!all) continue;
      if (!pattern.startsWithRun) {
        if ((pattern.regex ??= cueRegex([pattern.alternative])).test(norm)) fired[pattern.cue] = 1;
        continue;
      }
      // A pattern that starts with a run can only match from where that run starts in the text:
      // its regex is tried there alone, not at every character.
      if (pattern.body !== null) {
        // Its words and spaces alone, with the boundaries tested on their own (see patternBody).
        const body = (pattern.bodyRegex ??= new RegExp(pattern.body, 'iuy'));
        for (let q = 0; q < found; q++) {
          if (foundRuns[q]!.id !== pattern.first) continue;
          const start = foundStarts[q]!;
          LETTER_DIGIT_OR_APOSTROPHE_BEFORE.lastIndex = start;
          if (LETTER_DIGIT_OR_APOSTROPHE_BEFORE.test(norm)) continue;
          body.lastIndex = start;
          if (!body.test(norm)) continue;
          LETTER_OR_DIGIT_AFTER.lastIndex = body.lastIndex;
          if (LETTER_OR_DIGIT_AFTER.test(norm)) continue;
          fired[pattern.cue] = 1;
          break;
        }
        continue;
      }
      const sticky = (pattern.sticky ??= new RegExp(cueRegex([pattern.alternative]).source, 'iuy'));
      for (let q = 0; q < found; q++) {
        if (foundRuns[q]!.id !== pattern.first) continue;
        sticky.lastIndex = foundStarts[q]!;
        if (sticky.test(norm)) {
          fired[pattern.cue] = 1;
          break;
        }
      }
    }
  }
  const ids: string[] = [];
  for (let i = 0; i < cues.length; i++) if (fired[i] === 1) ids.push(cues[i]!.id);
  return ids;
}

/**
 * One pattern of a cue list with its own regex, compiled the first time the pattern is tried
 * (most are never tried in a process: a one-word pattern needs none, and the rest only where
 * all their words occur); `testedIn` is the last call that tested it, so a word seen twice tests it once.
 */
interface IndexedPattern {
  cue: number;
  /** Its regex alternative (alternative()). */
  alternative: string;
  /** Its regex, for a pattern that does not start with a letter or digit, once compiled. */
  regex: RegExp | null;
  testedIn: number;
  /** The pattern is one run of letters and digits, so the run itself says where it matches. */
  word: boolean;
  /** Ids (PatternRun.id) of its runs other than the longest. */
  others: number[];
  /** It starts with a letter or digit: its regex, sticky, is tried where its first run starts. */
  startsWithRun: boolean;
  /** That sticky regex, once compiled. */
  sticky: RegExp | null;
  /** For a pattern that starts with a run: its body (patternBody), or null when its regex must run whole. */
  body: string | null;
  /** The body's sticky regex, once compiled. */
  bodyRegex: RegExp | null;
  /** The id of its first run. */
  first: number;
}

/** A run of letters and digits that some pattern holds: its id, its text, and the patterns whose longest run it is. */
interface PatternRun {
  id: number;
  text: string;
  patterns: IndexedPattern[];
}

/** The run of the text being looked at. */
const textRun: RunCursor = { start: 0, end: 0, hash: 0 };

/** The pattern runs of the text being looked at, in order, and where they start; reused from one text to the next. */
const foundRuns: PatternRun[] = [];
const foundStarts: number[] = [];

const APOSTROPHE = 39;

/** Where a cue list can fire: the patterns whose longest word is this word; `always` the lists (by index) with no patterns or a wordless one, whose whole regex runs on every text. */
interface CueWordIndex {
  runs: Map<string, PatternRun>;
  /** The runs by id, and an open-addressing table of their hashes (runHash over the run): id + 1 per slot, 0 empty. */
  byId: PatternRun[];
  slots: Int32Array;
  mask: number;
  /** Per run id: the last call whose text holds it. */
  seen: Uint32Array;
  always: number[];
  calls: number;
}

const WORD_RUN = /[\p{L}\p{N}]+/gu;

/**
 * A pattern's regex (alternative() and cueRegex()) is its body between two boundaries, a
 * lookbehind for no letter, digit or apostrophe and a lookahead for no letter or digit. Under
 * the flags 'iu' V8 builds the case closure of \p{L} for each of them when the regex first
 * runs, about 3 ms a regex on the 2-core machine, and 167 pattern regexes ran in a pass over
 * the PTC train articles. So, where that gives the same answer, the body runs alone and the
 * boundaries are these two zero-width regexes, compiled once, at the same places.
 */
const LETTER_DIGIT_OR_APOSTROPHE_BEFORE = /(?<=[\p{L}\p{N}'])/iuy;
const LETTER_OR_DIGIT_AFTER = /(?=[\p{L}\p{N}])/iuy;

/**
 * The body of a pattern's regex (its words, escaped, with \s+ for each space) when it can
 * match in one way only from a given start, so that testing the boundaries before and after
 * that one match is what the whole regex does: words of non-space characters with single
 * spaces between them (each \s+ then takes the whole run of white space, as the character
 * after it is not white space). Null for any other pattern, whose whole regex runs.
 */
export function patternBody(pattern: string): string | null {
  return /^\S+(?: \S+)*$/.test(pattern) ? escape(pattern).replace(/ /g, '\\s+') : null;
}
const wordIndexes = new WeakMap<readonly CompiledCue[], CueWordIndex>();

/**
 * A pattern matches only where its runs of letters and digits are whole runs of the
 * (lower-cased) text: the regex forbids a letter or digit on either side of the pattern, and
 * the characters between a pattern's runs are not letters or digits. So a pattern cannot match
 * unless each of its runs, the longest first, is among the text's runs.
 */
function cueWordIndex(cues: readonly CompiledCue[]): CueWordIndex {
  let index = wordIndexes.get(cues);
  if (index) return index;
  const runs = new Map<string, PatternRun>();
  const runOf = (text: string): PatternRun => {
    let run = runs.get(text);
    if (!run) runs.set(text, (run = { id: runs.size, text, patterns: [] }));
    return run;
  };
  const always: number[] = [];
  cues.forEach((cue, i) => {
    const patternRuns = cue.patterns?.map((pattern) => pattern.match(WORD_RUN) ?? []);
    if (!patternRuns || patternRuns.some((r) => r.length === 0)) {
      always.push(i);
      return;
    }
    cue.patterns!.forEach((pattern, p) => {
      const longest = patternRuns[p]!.reduce((best, r) => (r.length > best.length ? r : best));
      const others = [...new Set(patternRuns[p]!.filter((r) => r !== longest))].map((r) => runOf(r).id);
      const first = runOf(patternRuns[p]![0]!).id;
      const startsWithRun = pattern.startsWith(patternRuns[p]![0]!);
      runOf(longest).patterns.push({ cue: i, alternative: alternative(pattern), regex: null, testedIn: 0, word: longest === pattern, others, startsWithRun, sticky: null, body: startsWithRun ? patternBody(pattern) : null, bodyRegex: null, first });
    });
  });
  const byId = [...runs.values()];
  let size = 16;
  while (size < 4 * byId.length) size *= 2;
  const slots = new Int32Array(size);
  const mask = size - 1;
  for (const run of byId) {
    let hash = FNV_OFFSET;
    for (let i = 0; i < run.text.length; i++) hash = runHash(hash, run.text, i, 1);
    let slot = hash & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = run.id + 1;
  }
  index = { runs, byId, slots, mask, seen: new Uint32Array(runs.size), always, calls: 0 };
  wordIndexes.set(cues, index);
  return index;
}
