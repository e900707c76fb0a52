import type { Token } from '../../core/types.js';
import { loadRuleFile, type RuleEntry } from '../../core/rules.js';
import { dataPath } from '../../core/paths.js';
import { UnspinError } from '../../core/errors.js';

interface WordListEntry extends RuleEntry {
  words: string[];
}

/** The word sets of data/claims/exhortation.yml, one per slot of the urging frames. */
export interface ExhortationWords {
  leadIns: ReadonlySet<string>;
  hortativeSubjects: ReadonlySet<string>;
  softeners: ReadonlySet<string>;
  obligationModals: ReadonlySet<string>;
  obligationBeforeTo: ReadonlySet<string>;
}

const LIST_IDS: Record<keyof ExhortationWords, string> = {
  leadIns: 'lead-ins',
  hortativeSubjects: 'hortative-subjects',
  softeners: 'softeners',
  obligationModals: 'obligation-modals',
  obligationBeforeTo: 'obligation-before-to',
};

let defaults: ExhortationWords | undefined;

/** The shipped word sets, read on first use; a missing list is a data error naming the file. */
export function defaultExhortationWords(): ExhortationWords {
  if (defaults) return defaults;
  const path = dataPath('claims', 'exhortation.yml');
  const lists = new Map(loadRuleFile<WordListEntry>(path, ['words']).entries.map((e) => [e.id, e.words.map((w) => String(w).toLowerCase())]));
  const words = {} as Record<keyof ExhortationWords, ReadonlySet<string>>;
  for (const [key, id] of Object.entries(LIST_IDS) as [keyof ExhortationWords, string][]) {
    const list = lists.get(id);
    if (!list) throw new UnspinError('MODEL_INVALID', `${path}: missing the word list "${id}"`, { input: path });
    words[key] = new Set(list);
  }
  defaults = words;
  return defaults;
}

/**
 * A sentence that urges rather than asserts: "Let's …", "It's time we …", "Time to …",
 * "We must …", "You all need to …". A past form after "it's time we" ("it's time we sent them
 * back") is a subjunctive, not a past event, so the past-tense anchor must not make it a claim.
 */
export function exhortation(tokens: readonly Token[], words: ExhortationWords = defaultExhortationWords()): boolean {
  let i = 0;
  const fold = (k: number) => tokens[k]?.fold ?? '';
  while (i < tokens.length && (tokens[i]!.pos === 'PUNCT' || (words.leadIns.has(fold(i)) && fold(i + 1) !== "'s"))) {
    // "I say we …": the speaker's own urging, not a report of what was said.
    if (fold(i) === 'i' && fold(i + 1) !== 'say') return false;
    i++;
  }
  const a = fold(i), b = fold(i + 1), c = fold(i + 2);
  if (a === 'let' && (b === "'s" || b === 'us')) return true;
  if (a === 'time' && b === 'to') return true;
  if (a === 'it' && (b === "'s" || b === 'is') && c === 'time' && ['to', 'we', 'for'].includes(fold(i + 3))) return true;
  if (a === 'now' && b === 'is' && c === 'the' && fold(i + 3) === 'time') return true;
  if (words.hortativeSubjects.has(a)) {
    let k = i + 1;
    while (words.softeners.has(fold(k))) k++;
    const m = fold(k);
    if (words.obligationModals.has(m)) return true;
    if (words.obligationBeforeTo.has(m) && fold(k + 1) === 'to') return true;
    if (m === "'ve" && fold(k + 1) === 'got' && fold(k + 2) === 'to') return true;
  }
  return false;
}
