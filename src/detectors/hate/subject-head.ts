import type { CanonWord } from './rules.js';

/** The word lists that find a group's post-modifier (vocabulary.yml `subject-modifier-*`). */
export interface SubjectModifierWords {
  /** Words that open a post-modifier; any word in -ing does too. */
  openers: ReadonlySet<string>;
  /** Words that start a clause of their own, which a post-modifier never holds. */
  stops: ReadonlySet<string>;
  /** Sentence adverbs and interjections that may come before the subject ("Honestly, the migrants ..."; hate15). */
  leadIns: ReadonlySet<string>;
  /**
   * Participles and verbs of attacking (vocabulary.yml `attack-participles`, `attack-verbs`): a
   * group right after one, inside the post-modifier, is its object ("Muslims attacking Jews are
   * scum": the head is the subject; hate23).
   */
  objectTakers: ReadonlySet<string>;
}

/** Determiners a subject group may open with ("the migrants", "all Roma"). */
const SUBJECT_DETERMINERS = new Set(['the', 'these', 'those', 'all', 'most', 'many', 'some', 'our', 'your', 'their']);
/** Copulas that agree with a plural group. */
const PLURAL_COPULAS = new Set(['are', 're', 'were']);
/** How many words a post-modifier may hold. */
const MAX_MODIFIER_WORDS = 8;

/**
 * The unit's words without the post-modifier of a group that heads its clause's subject, so
 * the rules read "GRP are parasites" in "The migrants pouring over our border are parasites"
 * as in "Migrants are parasites"; null when the unit has no such subject. The group opens a
 * sentence (after at most a determiner), a modifier opener follows it, and a plural copula
 * comes within MAX_MODIFIER_WORDS words with no clause of its own between ("Migrants who say
 * politicians are vermin": a plural noun right before the copula is its own subject).
 */
export function withoutSubjectModifier(words: readonly CanonWord[], lists: SubjectModifierWords): CanonWord[] | null {
  let out: CanonWord[] | null = null;
  let from = 0;
  for (let g = 0; g < words.length; g++) {
    const w = words[g]!;
    if (!w.group || w.group.antecedent) continue;
    if (!opensSentence(words, g, lists.leadIns)) continue;
    const copula = modifiedCopula(words, g, lists);
    if (copula < 0) continue;
    out ??= [];
    for (let k = from; k <= g; k++) out.push(words[k]!);
    from = copula;
    g = copula - 1;
  }
  if (!out) return null;
  for (let k = from; k < words.length; k++) out.push(words[k]!);
  return out;
}

/** How many lead-in words ("honestly", "look") may come before the subject. */
const MAX_LEAD_INS = 2;

/**
 * Whether the group at `g` opens its sentence: after at most a determiner, and after at most
 * MAX_LEAD_INS sentence adverbs or interjections that open the sentence themselves.
 */
function opensSentence(words: readonly CanonWord[], g: number, leadIns: ReadonlySet<string>): boolean {
  let s = g;
  if (words[s]!.opens) return true;
  if (s >= 1 && SUBJECT_DETERMINERS.has(words[s - 1]!.text)) {
    s--;
    if (s === 0 || words[s]!.opens) return true;
  }
  if (s === 0) return true;
  for (let k = 1; k <= MAX_LEAD_INS && s - k >= 0; k++) {
    const w = words[s - k]!;
    if (!leadIns.has(w.text)) return false;
    if (s - k === 0 || w.opens) return true;
  }
  return false;
}

/** Determiners that make a modified group particular people ("the men who attacked ..."). */
const DEFINITE = new Set(['the', 'these', 'those']);

/** Determiners an attacked group may open with ("attacking the Jews"). */
const OBJECT_DETERMINERS = new Set(['the', 'these', 'those', 'all', 'any', 'our', 'local', 'innocent']);

/**
 * Whether the group at `k` is the object of a verb of attacking inside the modifier that opens
 * at `opener` (after at most a determiner): "attacking Jews", "who harass the Jews".
 */
export function attackObject(words: readonly CanonWord[], k: number, opener: number, takers: ReadonlySet<string>): boolean {
  let v = k - 1;
  if (v > opener && OBJECT_DETERMINERS.has(words[v]!.text)) v--;
  return v >= opener && takers.has(words[v]!.text);
}

/**
 * The group words that are the objects of a verb of attacking in the post-modifier of a group
 * heading its clause's subject ("Jews" in "Muslims attacking Jews are scum"): what the sentence
 * says is said of the head, so they are not its targets. Empty for most units.
 */
export function attackedInModifier(words: readonly CanonWord[], lists: SubjectModifierWords): CanonWord[] {
  let out: CanonWord[] | null = null;
  for (let g = 0; g < words.length; g++) {
    const w = words[g]!;
    if (!w.group || w.group.antecedent || !opensSentence(words, g, lists.leadIns)) continue;
    const copula = modifiedCopula(words, g, lists);
    for (let k = g + 2; k < copula; k++) if (words[k]!.group) (out ??= []).push(words[k]!);
    if (copula > 0) g = copula - 1;
  }
  return out ?? [];
}

/** The index of the copula after the post-modifier that follows the group at `g`, or -1. */
function modifiedCopula(words: readonly CanonWord[], g: number, lists: SubjectModifierWords): number {
  const first = words[g + 1];
  if (!first || first.opens || !(lists.openers.has(first.text) || (first.text.length > 4 && first.text.endsWith('ing')))) return -1;
  for (let k = g + 2; k < words.length && k <= g + 1 + MAX_MODIFIER_WORDS; k++) {
    const w = words[k]!;
    if (w.opens || lists.stops.has(w.text)) return -1;
    // Only after a bare plural ("Muslims attacking Jews are ..."): "the men who attacked the Jews"
    // names particular people by their act, not a group.
    if (w.group && (DEFINITE.has(words[g - 1]?.text ?? '') || !attackObject(words, k, g + 1, lists.objectTakers))) return -1;
    if (!PLURAL_COPULAS.has(w.text)) continue;
    // After "who" or an -ing verb that is not a listed opener ("claiming"), a plural noun right
    // before the copula may be a clause's own subject ("who politicians say ...", "claiming
    // politicians are ..."). After a listed preposition or participle it is that word's object
    // ("flooding our towns are", "from poor countries are"): no finite verb can come between,
    // and clause openers ("where", "whose") are stops.
    const phrase = first.text !== 'who' && lists.openers.has(first.text);
    const before = words[k - 1]!.text;
    if (!phrase && before !== 'us' && before.length > 3 && before.endsWith('s') && !before.endsWith('ss')) return -1;
    return k;
  }
  return -1;
}
