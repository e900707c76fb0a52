import { readFileSync } from 'node:fs';
import { digestOf, parseYaml, settledStamp, unchangedSince } from '../../core/data-file.js';
import { dataPath, packageRoot } from '../../core/paths.js';
import { loadRuleFile, validateRuleFile, type RuleEntry } from '../../core/rules.js';
import { assembleRuleSet, compiledPatterns, compileRuleSet, rulePatterns, type Compiled, type GuardEntry, type HateRuleEntry, type HateRuleSet, type PatternIndex, type PatternSource, type VocabularyEntry } from './rules.js';
import type { WordPattern, WordTrie } from './word-pattern.js';

/**
 * The shipped rule set (data/hate/vocabulary.yml, rules.yml, guards.yml), compiled once by
 * `npm run build:data` to data/compiled/hate-rules.json: compiling it (each pattern's word
 * automaton, anchors and required words, the index over them) took 0.3 to 0.6 s of CPU in
 * every process and thread, reading the compiled form takes a few milliseconds. The regexes
 * are not stored: each is built from its pattern and the lists on first use (most never are).
 *
 * The file records each YAML file's digest and, once settled, its size and modification time
 * (src/core/data-file.ts): it is used while every YAML file still has its stamp, or else its
 * digest; an edited YAML file is compiled afresh, as before. It goes stale with the compiler's
 * code too, so it records the compiler's sources (rules.ts, word-pattern.ts) the same way: where
 * they are there (a checkout, not an installed package) and one was edited since, say under
 * tsx before `npm run build:data`, the rules are compiled afresh as well.
 * test/detectors/hate/shipped-rules.test.ts fails while the file is not today's compilation.
 */
export const RULE_SET_FORMAT = 3;

/** The compiler's sources, under the package root; checked only where they exist. */
const COMPILER = ['src/detectors/hate/rules.ts', 'src/detectors/hate/word-pattern.ts'];

const SOURCES = [
  { file: 'vocabulary.yml', fields: ['words'] },
  { file: 'rules.yml', fields: ['label', 'category', 'patterns'] },
  { file: 'guards.yml', fields: ['kind', 'patterns'] },
] as const;

interface SourceStamp {
  /** Under data/hate; a compiler source: under the package root. */
  file: string;
  digest: string;
  stamp?: string;
}

/** A trie as [end (0 or 1), word, child, word, child, ...]. */
type EncodedTrie = (number | string | EncodedTrie)[];

interface EncodedAutomaton {
  kind: number[];
  /** LIT: the word; TRIE: the trie's number in `tries`; else null. */
  arg: (string | number | null)[];
  succFrom: number[];
  succ: number[];
  starts: number[];
}

interface EncodedPatterns {
  needsGroup: boolean[];
  anchors: (boolean | null)[];
  ids: number[];
  requiredIds: number[][];
  words: (EncodedAutomaton | null)[];
}

export interface RuleSetFile {
  format: number;
  sources: SourceStamp[];
  /** The compiler's sources (COMPILER) as they were at the build. */
  compiler: SourceStamp[];
  /** The vocabulary's lists, by id. */
  lists: [string, string[]][];
  rules: HateRuleEntry[];
  guards: GuardEntry[];
  /** Per rule, then per guard. */
  patterns: EncodedPatterns[];
  tries: EncodedTrie[];
  /** The PatternIndex: [word, anchored regex ids, required set ids]. */
  at: [string, number[], number[]][];
  regexCount: number;
  requiredCount: number;
  /** Per rule id, its negative phrases (HateRuleSet.negativePhrases). */
  negativePhrases: [string, string[][]][];
}

export function shippedRuleSetPath(): string {
  return dataPath('compiled', 'hate-rules.json');
}

/** The shipped YAML files compiled, for `npm run build:data`; each stamped before it is read. */
export function compileShippedRuleSet(dir = dataPath('hate')): RuleSetFile {
  const sources: SourceStamp[] = [];
  const files = SOURCES.map(({ file, fields }) => {
    const path = `${dir}/${file}`;
    const stamp = settledStamp(path);
    const text = readFileSync(path, 'utf8');
    sources.push({ file, digest: digestOf(text), ...(stamp ? { stamp } : {}) });
    return validateRuleFile<RuleEntry>(parseYaml(text), path, fields).entries;
  });
  const [vocabulary, rules, guards] = files as [VocabularyEntry[], HateRuleEntry[], GuardEntry[]];
  return { ...encodeRuleSet(compileRuleSet(vocabulary, rules, guards), sources, vocabulary, rules, guards), compiler: COMPILER.map((file) => stampOf(`${packageRoot()}/${file}`, file)) };
}

function stampOf(path: string, file: string): SourceStamp {
  const stamp = settledStamp(path);
  return { file, digest: digestOf(readFileSync(path, 'utf8')), ...(stamp ? { stamp } : {}) };
}

export function encodeRuleSet(set: HateRuleSet, sources: SourceStamp[], vocabulary: readonly VocabularyEntry[], rules: HateRuleEntry[], guards: GuardEntry[]): RuleSetFile {
  const trieIds = new Map<WordTrie, number>();
  const tries: EncodedTrie[] = [];
  const encodeTrie = (trie: WordTrie): EncodedTrie => {
    const out: EncodedTrie = [trie.end ? 1 : 0];
    for (const [word, child] of trie.next) out.push(word, encodeTrie(child));
    return out;
  };
  const trieId = (trie: WordTrie): number => {
    let id = trieIds.get(trie);
    if (id === undefined) {
      trieIds.set(trie, (id = tries.length));
      tries.push(encodeTrie(trie));
    }
    return id;
  };
  const automaton = (wp: WordPattern): EncodedAutomaton => ({
    kind: [...wp.kind],
    arg: wp.arg.map((a) => (a === null || typeof a === 'string' ? a : trieId(a))),
    succFrom: [...wp.succFrom],
    succ: [...wp.succ],
    starts: [...wp.starts],
  });
  const patterns = (c: Compiled<unknown>): EncodedPatterns => ({ needsGroup: c.needsGroup, anchors: c.anchors, ids: c.ids, requiredIds: c.requiredIds, words: c.words.map((wp) => (wp ? automaton(wp) : null)) });
  return {
    format: RULE_SET_FORMAT,
    sources,
    compiler: [],
    lists: vocabulary.map((v) => [v.id, v.words]),
    rules,
    guards,
    patterns: [...set.rules, ...set.guards].map(patterns),
    tries,
    at: [...set.index.at].map(([word, { anchored, required }]) => [word, [...anchored], [...required]]),
    regexCount: set.index.regexCount,
    requiredCount: set.index.requiredCount,
    negativePhrases: [...set.negativePhrases].map(([id, phrases]) => [id, phrases.map((p) => [...p])]),
  };
}

export function decodeRuleSet(file: RuleSetFile, origin = 'data/hate'): HateRuleSet {
  const lists = new Map(file.lists);
  const source: PatternSource = { lists, alternations: new Map(), origin };
  const decodeTrie = (enc: EncodedTrie): WordTrie => {
    const next = new Map<string, WordTrie>();
    for (let i = 1; i < enc.length; i += 2) next.set(enc[i] as string, decodeTrie(enc[i + 1] as EncodedTrie));
    return { next, end: enc[0] === 1 };
  };
  // Tries are built when an automaton that reads one first runs (most never do on a document).
  const tries: (WordTrie | undefined)[] = file.tries.map(() => undefined);
  const trieAt = (id: number): WordTrie => (tries[id] ??= decodeTrie(file.tries[id]!));
  const resolve = (wp: WordPattern): void => {
    const arg = wp.arg as (string | number | WordTrie | null)[];
    for (let k = 0; k < arg.length; k++) {
      const a = arg[k];
      if (typeof a === 'number') arg[k] = trieAt(a);
    }
    wp.pending = null;
  };
  const automaton = (enc: EncodedAutomaton): WordPattern => ({
    kind: Uint8Array.from(enc.kind),
    // Numbers until `pending` runs: then the tries themselves.
    arg: enc.arg as (string | WordTrie | null)[],
    succFrom: Int32Array.from(enc.succFrom),
    succ: Int32Array.from(enc.succ),
    starts: Int32Array.from(enc.starts),
    pending: enc.arg.some((a) => typeof a === 'number') ? resolve : null,
    numbers: null,
  });
  const compiled = <E extends RuleEntry>(entry: E, patterns: readonly string[], enc: EncodedPatterns): Compiled<E> =>
    compiledPatterns(entry, patterns, source, { needsGroup: enc.needsGroup, anchors: enc.anchors, ids: enc.ids, requiredIds: enc.requiredIds, words: enc.words.map((w) => (w ? automaton(w) : null)) });
  const rules = file.rules.map((entry, k) => compiled(entry, rulePatterns(entry), file.patterns[k]!));
  const guards = file.guards.map((entry, k) => compiled(entry, entry.patterns, file.patterns[file.rules.length + k]!));
  const index: PatternIndex = { at: new Map(file.at.map(([word, anchored, required]) => [word, { anchored, required }])), regexCount: file.regexCount, requiredCount: file.requiredCount };
  return assembleRuleSet(lists, rules, guards, index, new Map(file.negativePhrases));
}

/** The compiled file when it is there, of this format, and every YAML file it came from is unchanged; else null. */
export function readShippedRuleSet(path = shippedRuleSetPath(), dir = dataPath('hate')): HateRuleSet | null {
  let file: RuleSetFile;
  try {
    file = JSON.parse(readFileSync(path, 'utf8')) as RuleSetFile;
  } catch {
    // Not built (a fresh checkout run through tsx): compiled from the YAML.
    return null;
  }
  if (file.format !== RULE_SET_FORMAT || !Array.isArray(file.sources) || file.sources.length !== SOURCES.length || !Array.isArray(file.compiler)) return null;
  for (const source of file.sources) if (!unchangedSince(`${dir}/${source.file}`, source)) return null;
  // An installed package has no sources: its compiled file came with its code.
  for (const source of file.compiler) if (!unchangedSince(`${packageRoot()}/${source.file}`, source, true)) return null;
  return decodeRuleSet(file);
}

let cached: HateRuleSet | undefined;

/** The shipped rules (data/hate/vocabulary.yml, rules.yml, guards.yml), read on first use: from their compiled form while it is fresh. */
export function loadDefaultHateRules(): HateRuleSet {
  cached ??=
    readShippedRuleSet() ??
    compileRuleSet(
      loadRuleFile<VocabularyEntry>(dataPath('hate', 'vocabulary.yml'), ['words']).entries,
      loadRuleFile<HateRuleEntry>(dataPath('hate', 'rules.yml'), ['label', 'category', 'patterns']).entries,
      loadRuleFile<GuardEntry>(dataPath('hate', 'guards.yml'), ['kind', 'patterns']).entries,
    );
  return cached;
}
