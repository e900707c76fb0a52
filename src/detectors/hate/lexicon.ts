import { loadRuleFile, type RuleEntry } from '../../core/rules.js';
import { dataPath } from '../../core/paths.js';
import type { Token } from '../../core/types.js';
import { defaultWordTable } from '../../text/word-table.js';
import { NO_WORD, UNANSWERED, WordAnswers } from '../../text/word-numbers.js';
import { foldToken, foldWord } from './normalize.js';
import { MIN_SOUND_ALIKE_LENGTH, SoundAlikes } from './sound-alike.js';

export interface GroupEntry extends RuleEntry {
  target: string;
  terms: string[];
  /**
   * Adjectives that name the group only before a word for people ("black" in "Black
   * man", "female" in "female doctors"; not "black car").
   */
  adjectives?: string[];
}

export interface SlurEntry extends GroupEntry {
  severity: 'hatespeech' | 'offensive';
  reclaimable?: boolean;
  /**
   * An offensive slur that is hate speech when aimed at the group as a whole (a plural:
   * "those bitches", "retards like them") rather than at one person ("you bitch").
   */
  graded?: boolean;
  /** Terms that are family names too ("Coons"): capitalised after a given name or a title, they name a person. */
  surnames?: string[];
}

/** Words for people that turn a group adjective into a group mention. */
export const PERSON_NOUNS = ['people', 'person', 'persons', 'folk', 'folks', 'man', 'men', 'woman', 'women', 'guy', 'guys', 'boy', 'boys', 'girl', 'girls', 'kid', 'kids', 'child', 'children', 'teenager', 'teenagers', 'family', 'families', 'community', 'communities', 'individual', 'individuals', 'neighbour', 'neighbours', 'neighbor', 'neighbors', 'colleague', 'colleagues', 'friend', 'friends', 'couple', 'couples', 'worker', 'workers', 'student', 'students', 'doctor', 'doctors', 'voter', 'voters', 'citizen', 'citizens', 'member', 'members', 'lady', 'ladies', 'immigrants', 'refugees', 'americans', 'population'];

/** Person nouns that evasive spellings glue to a group adjective ("blackpeople", "muslimfolk"). */
const GLUED_NOUNS = ['people', 'folk', 'folks'];

/**
 * A group's names written as one word (hate12): every multi-word term without its spaces
 * ("asylumseekers") and each adjective glued to a word for people ("jewishpeople").
 */
function gluedForms(entry: GroupEntry): string[] {
  const out = new Set<string>();
  for (const t of entry.terms) if (t.includes(' ')) out.add(t.replaceAll(' ', ''));
  for (const adjective of entry.adjectives ?? []) for (const noun of GLUED_NOUNS) out.add(adjective.replaceAll(' ', '') + noun);
  for (const t of entry.terms) out.delete(t);
  return [...out];
}

/** A word as the lexicon sees it: folded surface plus its offsets in the text. */
export interface LexWord {
  fold: string;
  /** The fold reading "1" and "|" as "l" instead of "i" (leetspeak is ambiguous). */
  alt?: string | undefined;
  start: number;
  end: number;
  /**
   * The token's word number (text/word-numbers.ts) where `fold` is that token's fold as the
   * spine gave it (every plain word), for lookups kept by number; NO_WORD otherwise (joined
   * pieces, leetspeak, masks), and absent in a word built by hand.
   */
  word?: number;
}

export interface LexiconMatch {
  kind: 'group' | 'slur';
  entry: GroupEntry | SlurEntry;
  target: string;
  /** Word range [from, to) in the word list. */
  from: number;
  to: number;
  start: number;
  end: number;
  /** How the words were recognised, for the explanation. */
  how: 'exact' | 'fuzzy' | 'masked';
  /** The folded last word of the mention (a plural ends in "s"). */
  surface: string;
}

interface Term {
  words: string[];
  kind: 'group' | 'slur';
  entry: GroupEntry | SlurEntry;
  /**
   * The entry's target, read once at load: entries are parsed data with differing fields
   * (slurs carry severity, some adjectives or reclaimable), so each has a hidden class of its
   * own, and matchAt reading `entry.target` deoptimised as new ones came ("wrong map").
   */
  target: string;
}

/**
 * Group words and slurs, indexed for exact, fuzzy (one swapped, added or dropped
 * letter in words of six letters or more; one swap in shorter ones; with a word list,
 * also a sound-alike spelling of a group word) and masked ("k*ke") lookup.
 */
const FUZZY_CACHE_MAX = 32768;

export class HateLexicon {
  readonly groups: readonly GroupEntry[];
  readonly slurs: readonly SlurEntry[];
  /** First word of a term -> terms starting with it. */
  private readonly byFirst = new Map<string, Term[]>();
  /** Single group words by their interior one-letter deletions. */
  private readonly deletions = new Map<string, string[]>();
  private readonly groupSingles = new Set<string>();
  /**
   * The words a misspelt first word may stand for: the single group words and the first words of
   * longer group terms ("asylum" of "asylum seeker"; hate23: "Assylum seekers"), whose other
   * words must still follow. Only these index the fuzzy lookup; `groupSingles` alone says what
   * a lone word names.
   */
  private readonly fuzzyFirsts = new Set<string>();
  private readonly singles: string[] = [];
  /**
   * The fuzzy answers of words that start no term, kept up to FUZZY_CACHE_MAX words (then
   * cleared): masked lookups try every single-word term, and a plain word's, prefiltered by
   * numeric keys (swapKeys, shapes, deletionShapes), still reads the word table and the
   * sound-alike skeletons; on the PTC train articles the cache cut the lexicon's lookups to
   * about a third.
   */
  /** swapKey of each single group word: a word with none of these is no swap of one. */
  private readonly swapKeys = new Set<number>();
  /** shapeKey of each single group word: a word one interior letter longer than none of these is no insertion into one. */
  private readonly shapes = new Set<number>();
  /** shapeKey of each key of `deletions`. */
  private readonly deletionShapes = new Set<number>();
  private readonly fuzzyCache = new Map<string, { word: string; how: LexiconMatch['how'] } | null>();
  /**
   * A first word's terms and how they were found, by the word's number (text/word-numbers.ts):
   * an index into `firstAnswers`, or -1 for a word that starts no term, even read fuzzily. Most
   * words start none, and are then passed over without a lookup of their strings.
   */
  private readonly firstByWord = new WordAnswers();
  private readonly firstAnswers: { candidates: Term[]; how: LexiconMatch['how'] }[] = [];
  /** Per word number: 1 where `lexWords` finds no glued words in the fold alone (see gluedSplit). */
  readonly unglued = new WordAnswers();
  private readonly soundAlikes: SoundAlikes | undefined;

  /**
   * `known` says whether a folded word is an English word (the shared word table): a known
   * word is never read as a misspelt group word ("backs" is not "blacks", "refuge" not
   * "refugee"), and without it sound-alike spellings are not tried.
   */
  constructor(groups: readonly GroupEntry[], slurs: readonly SlurEntry[], private readonly known?: (word: string) => boolean) {
    this.groups = groups;
    this.slurs = slurs;
    for (const entry of groups) {
      for (const t of entry.terms) this.add(t, 'group', entry);
      for (const adjective of entry.adjectives ?? []) for (const noun of PERSON_NOUNS) this.add(`${adjective} ${noun}`, 'group', entry);
      for (const glued of gluedForms(entry)) this.add(glued, 'group', entry);
    }
    for (const entry of slurs) for (const t of entry.terms) this.add(t, 'slur', entry);
    for (const word of this.fuzzyFirsts) {
      this.swapKeys.add(swapKey(word));
      this.shapes.add(shapeKey(word.length, word.charCodeAt(0), word.charCodeAt(word.length - 1)));
      if (word.length < 6) continue;
      for (let i = 1; i + 1 < word.length; i++) {
        const d = word.slice(0, i) + word.slice(i + 1);
        this.deletionShapes.add(shapeKey(d.length, d.charCodeAt(0), d.charCodeAt(d.length - 1)));
        const list = this.deletions.get(d) ?? [];
        if (!list.includes(word)) list.push(word);
        this.deletions.set(d, list);
      }
    }
    if (known) {
      const targetOf = new Map<string, string>();
      for (const word of this.groupSingles) targetOf.set(word, this.byFirst.get(word)!.find((t) => t.words.length === 1)!.target);
      this.soundAlikes = new SoundAlikes(targetOf, known);
    }
  }

  private add(phrase: string, kind: Term['kind'], entry: GroupEntry | SlurEntry): void {
    const words = phrase.toLowerCase().split(/\s+/).map(foldWord).filter(Boolean);
    if (words.length === 0) return;
    const forms = [words];
    const last = words[words.length - 1]!;
    if (/(?:ch|sh|x|z)$/.test(last)) forms.push([...words.slice(0, -1), last + 'es']);
    else if (!last.endsWith('s')) forms.push([...words.slice(0, -1), last + 's']);
    for (const form of forms) {
      const list = this.byFirst.get(form[0]!) ?? [];
      // Slurs win over group words for the same surface (a slur entry carries the label). The
      // kind is read first: an adjective's 57 person nouns share its first word, and joining
      // every term of that list for every phrase added was half the lexicon's start-up.
      if (list.some((t) => t.kind === 'slur' && t.words.join(' ') === form.join(' '))) continue;
      list.push({ words: form, kind, entry, target: entry.target });
      this.byFirst.set(form[0]!, list);
      if (form.length === 1) this.singles.push(form[0]!);
      if (form.length === 1 && kind === 'group') this.groupSingles.add(form[0]!);
      if (kind === 'group' && (form.length === 1 || form[0]!.length >= MIN_FUZZY_FIRST)) this.fuzzyFirsts.add(form[0]!);
    }
  }

  /** Whether a folded word starts a group or slur term (exactly, without fuzzy matching). */
  knows(word: string): boolean {
    return this.byFirst.has(word);
  }

  /** Whether a folded word is a one-word group term ("muslims", "jews"), not a slur. */
  isGroupWord(word: string): boolean {
    return this.groupSingles.has(word);
  }

  /** Every group or slur mention in a word list, longest match first, non-overlapping. */
  match(words: readonly LexWord[]): LexiconMatch[] {
    const out: LexiconMatch[] = [];
    for (let i = 0; i < words.length; ) {
      const found = this.matchAt(words, i);
      if (found) {
        out.push(found);
        i = found.to;
      } else i++;
    }
    return out;
  }

  private matchAt(words: readonly LexWord[], i: number): LexiconMatch | null {
    const w = words[i]!;
    const first = w.fold;
    if (first === '') return null;
    let how: LexiconMatch['how'];
    let candidates: Term[];
    const n = w.word ?? NO_WORD;
    if (n !== NO_WORD && w.alt === undefined) {
      // A numbered word's answer depends on its fold alone: found once, then read by number.
      let k = this.firstByWord.get(n);
      if (k === UNANSWERED) {
        const found = this.firstTerms(first, undefined);
        k = found ? this.firstAnswers.push(found) - 1 : -1;
        this.firstByWord.set(n, k);
      }
      if (k < 0) return null;
      ({ candidates, how } = this.firstAnswers[k]!);
    } else {
      const found = this.firstTerms(first, w.alt);
      if (!found) return null;
      ({ candidates, how } = found);
    }
    let best: Term | null = null;
    let bestNear = false;
    for (const term of candidates) {
      if (best && term.words.length <= best.words.length) continue;
      let ok = i + term.words.length <= words.length;
      let near = false;
      for (let k = 1; ok && k < term.words.length; k++) {
        const fold = words[i + k]!.fold;
        ok = fold === term.words[k];
        // A later word of a group term read through one slip ("asylum seakers"; hate23).
        if (!ok && term.kind === 'group' && this.nearLaterWord(fold, term.words[k]!)) ok = near = true;
      }
      if (ok) {
        best = term;
        bestNear = near;
      }
    }
    if (!best) return null;
    if (bestNear) how = 'fuzzy';
    const to = i + best.words.length;
    return { kind: best.kind, entry: best.entry, target: best.target, from: i, to, start: words[i]!.start, end: words[to - 1]!.end, how, surface: words[to - 1]!.fold };
  }

  /** The terms a word (or its `alt` reading) may start, exactly or read fuzzily, and how; null for none. */
  private firstTerms(first: string, alt: string | undefined): { candidates: Term[]; how: LexiconMatch['how'] } | null {
    let candidates = this.byFirst.get(first);
    if (!candidates && alt) candidates = this.byFirst.get(alt);
    if (candidates) return { candidates, how: 'exact' };
    // Words repeat, and a word's answer never changes: each is resolved once.
    let resolved = this.fuzzyCache.get(first);
    if (resolved === undefined) {
      resolved = this.resolveFuzzy(first);
      if (this.fuzzyCache.size >= FUZZY_CACHE_MAX) this.fuzzyCache.clear();
      this.fuzzyCache.set(first, resolved);
    }
    if (!resolved) return null;
    candidates = this.byFirst.get(resolved.word);
    return candidates ? { candidates, how: resolved.how } : null;
  }

  /**
   * Masked words ("k*kes") against every single-word term; misspellings only against
   * group words, never slurs (a slur one letter away is usually an ordinary word:
   * "muzzle", "tyranny", "regarded"). A misspelling is one swap of adjacent letters
   * after the first, or one letter added or dropped inside the word (not at its ends,
   * where English inflection lives: "Indiana" is not "Indian"). Substitutions are
   * tried only through the sound-alike skeleton; leetspeak digits are handled by folding.
   */
  private resolveFuzzy(word: string): { word: string; how: LexiconMatch['how'] } | null {
    if (word.includes('*')) {
      // The regex is built and tried only on terms with the mask's fixed head and tail and a fitting length.
      const pieces = word.split(/\*+/);
      const head = pieces[0]!;
      const tail = pieces[pieces.length - 1]!;
      const fixed = pieces.reduce((sum, p) => sum + p.length, 0);
      const masks = pieces.length - 1;
      // One hyphen or mark inside a group word ("mus-lims", "refu-gees"; hate22): the word without it.
      const joined = head + tail;
      if (masks === 1 && this.groupSingles.has(joined)) return { word: joined, how: 'masked' };
      let re: RegExp | undefined;
      const hit = this.singles.find((s) => {
        if (s.length < 4 || s.length < fixed + masks || s.length > fixed + 3 * masks || !s.startsWith(head) || !s.endsWith(tail)) return false;
        re ??= new RegExp('^' + word.replace(/\*+/g, '[a-z]{1,3}') + '$');
        return re.test(s);
      });
      return hit ? { word: hit, how: 'masked' } : null;
    }
    if (word.length < 4) return null;
    // Stretched letters ("Refugeeeees", "Muuuslims"; hate14): a run of three or more read as two, then as one.
    for (const form of unstretched(word)) if (this.groupSingles.has(form)) return { word: form, how: 'fuzzy' };
    const near = this.oneEditFrom(word);
    if (near) return this.known && this.knownForm(word) ? null : { word: near, how: 'fuzzy' };
    const alike = this.soundAlikes && word.length >= MIN_SOUND_ALIKE_LENGTH && !this.knownForm(word) ? this.soundAlikes.find(word) : null;
    if (alike) return { word: alike, how: 'fuzzy' };
    return this.zSpelling(word);
  }

  /**
   * A group word respelt with z for s ("Arabz", "Gayz", "Azylum seekers", "Hindooz") or a
   * final x for "cs"/"ks"/"cks" ("Hispanix", "Blax"): the word read with s (and the x
   * spelt out) is a group word, exactly or as a misspelling of one. Only for words the word
   * table does not know ("Gaz", "fez", "fox" stay words), and only with such a letter, so
   * ordinary words cost one character test.
   */
  private zSpelling(word: string): { word: string; how: LexiconMatch['how'] } | null {
    const z = word.includes('z');
    const x = word.endsWith('x');
    if ((!z && !x) || !this.known || this.knownForm(word)) return null;
    const base = z ? word.replace(/z/g, 's') : word;
    const forms = x ? [base.slice(0, -1) + 'cs', base.slice(0, -1) + 'ks', base.slice(0, -1) + 'cks'] : [base];
    for (const form of forms) {
      if (this.byFirst.get(form)?.some((t) => t.kind === 'group')) return { word: form, how: 'fuzzy' };
    }
    for (const form of forms) {
      if (form.includes('z') || this.knownForm(form)) continue;
      const near = this.oneEditFrom(form) ?? (this.soundAlikes && form.length >= MIN_SOUND_ALIKE_LENGTH ? this.soundAlikes.find(form) : null);
      if (near) return { word: near, how: 'fuzzy' };
    }
    return null;
  }

  /**
   * Whether `word`, not itself an English word, is `target` (a later word of a group term) with
   * one slip: an adjacent swap after the first letter, one interior letter added or dropped, or
   * one interior vowel written as another ("seakers", "seekres", "seekrs"). Read only after the
   * term's first word matched, so ordinary text never gets here.
   */
  private nearLaterWord(word: string, target: string): boolean {
    if (word.length < 5 || target.length < 5 || word[0] !== target[0] || Math.abs(word.length - target.length) > 1) return false;
    if (!oneSlip(word, target)) return false;
    return !this.known || !this.knownForm(word);
  }

  /** The group word one adjacent swap, or one interior letter added or dropped, away from `word`. */
  private oneEditFrom(word: string): string | null {
    // A swap keeps the length, the first letter and the letters; an interior insertion keeps the first and last letters.
    if (this.swapKeys.has(swapKey(word))) for (let i = 1; i + 1 < word.length; i++) {
      const swapped = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
      if (swapped !== word && this.fuzzyFirsts.has(swapped)) return swapped;
    }
    if (word.length >= 6 && this.shapes.has(shapeKey(word.length - 1, word.charCodeAt(0), word.charCodeAt(word.length - 1)))) {
      for (let i = 1; i + 1 < word.length; i++) {
        const less = word.slice(0, i) + word.slice(i + 1);
        if (this.fuzzyFirsts.has(less)) return less;
      }
    }
    const dropped = word.length >= 5 && this.deletionShapes.has(shapeKey(word.length, word.charCodeAt(0), word.charCodeAt(word.length - 1))) ? this.deletions.get(word) : undefined;
    return dropped && word.length >= 5 ? dropped[0]! : null;
  }

  /**
   * A known word, or the plural or possessive of one ("koreas", "africa's" folded to
   * "africas"); a stem under four letters is too often an abbreviation ("jw" in "jwes"),
   * and a stem that is a group word makes a misspelt group word ("muslimes").
   */
  private knownForm(word: string): boolean {
    const known = this.known!;
    if (known(word)) return true;
    if (!word.endsWith('s') || word.length < 5) return false;
    const stem = (s: string) => !this.groupSingles.has(s) && known(s);
    return stem(word.slice(0, -1)) || (word.length >= 6 && word.endsWith('es') && stem(word.slice(0, -2)));
  }

}

/** First words of longer group terms read through a slip have at least this many letters ("asylum", not "gay" or "the"). */
const MIN_FUZZY_FIRST = 5;

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);

/** Whether two different words are one adjacent swap, one interior insertion or deletion, or one interior vowel-for-vowel apart. */
function oneSlip(a: string, b: string): boolean {
  if (a === b) return false;
  if (a.length === b.length) {
    let i = 0;
    while (a[i] === b[i]) i++;
    if (i === 0 || i === a.length - 1) return false;
    if (a.slice(i + 1) === b.slice(i + 1)) return VOWELS.has(a[i]!) && VOWELS.has(b[i]!);
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < short.length && long[i] === short[i]) i++;
  return i > 0 && i < short.length && long.slice(i + 1) === short.slice(i);
}

/** Length, first letter and the sums of the letters' codes and squared codes: equal for words that are anagrams with the same first letter. */
function swapKey(word: string): number {
  let sum = 0;
  let squares = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    sum += c;
    squares += c * c;
  }
  return ((word.length * 65536 + word.charCodeAt(0)) * 2 ** 21 + sum) * 2 ** 26 + squares;
}

function shapeKey(length: number, first: number, last: number): number {
  return (length * 65536 + first) * 65536 + last;
}

/** Whether text[start, end) holds a "1" or "|" (the only words that may have a second fold). */
function hasOneOrBar(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 49 || c === 124) return true;
  }
  return false;
}

/** Two tokens with no space between belong to one word when a mask or leet character joins them. */
function glued(a: string, b: string): boolean {
  if (!WORDISH.test(a) || !WORDISH.test(b)) return false;
  return JOINERS.test(a) || JOINERS.test(b) || LEETISH.test(a) || LEETISH.test(b);
}

let cached: HateLexicon | undefined;

/** The shipped lexicon (data/hate/groups.yml and slurs.yml), read on first use. */
export function loadDefaultHateLexicon(): HateLexicon {
  cached ??= new HateLexicon(
    loadRuleFile<GroupEntry>(dataPath('hate', 'groups.yml'), ['target', 'terms']).entries,
    loadRuleFile<SlurEntry>(dataPath('hate', 'slurs.yml'), ['target', 'terms', 'severity']).entries,
    (word) => defaultWordTable().id(word) >= 0,
  );
  return cached;
}

const JOINERS = /^[*@$.!|_-]+$/;
/** A token that may be part of a word written with leetspeak or masks ("4", "sians"). */
const WORDISH = /^[\p{L}0-9*@$!|._-]+$/u;
const LEETISH = /[0-9*@$!|]/;

/**
 * The lexicon's words for a token range: masked words split by the tokeniser are
 * joined again ("k", "*", "kes" -> "k*kes"), and runs of three or more single letters
 * separated by one space are read as one word ("j e w s" -> "jews").
 */
export function lexWords(
  text: string,
  tokens: readonly Pick<Token, 'start' | 'end' | 'text' | 'type' | 'norm' | 'fold' | 'word'>[],
  from = 0,
  to = tokens.length,
  knows?: (word: string) => boolean,
  groupWord?: (word: string) => boolean,
  unglued?: WordAnswers,
): LexWord[] {
  const merged: LexWord[] = [];
  let i = from;
  while (i < to) {
    let j = i;
    let end = tokens[i]!.end;
    // Join glued pieces when a mask symbol sits between letters.
    while (j + 1 < to && tokens[j + 1]!.start === end && glued(tokens[j]!.text, tokens[j + 1]!.text)) {
      const nextEnd = tokens[j + 1]!.end;
      j++;
      end = nextEnd;
    }
    // Trim joiners at the edges back off (a full stop after a word is not a mask).
    let a = i;
    let b = j;
    while (a < b && JOINERS.test(tokens[a]!.text)) a++;
    while (b > a && JOINERS.test(tokens[b]!.text)) b--;
    const start = tokens[a]!.start;
    end = tokens[b]!.end;
    // One token: its fold from the token view (the same foldWord result, without refolding).
    // `alt` is always there (undefined for most words), so every word has one hidden class (matchAt reads them).
    const single = a === b ? tokens[a]! : null;
    const fold = single ? foldToken(single) : foldWord(text.slice(start, end));
    const word: LexWord = { fold, alt: undefined, start, end, word: single && fold === single.fold ? single.word : NO_WORD };
    if (hasOneOrBar(text, start, end)) {
      const surface = text.slice(start, end);
      if (/[a-z][1|]|[1|][a-z]/i.test(surface)) word.alt = foldWord(surface.replace(/[1|]/g, 'l'));
    }
    merged.push(word);
    i = j + 1;
  }
  const out: LexWord[] = [];
  for (let k = 0; k < merged.length; ) {
    let m = k;
    while (m < merged.length && merged[m]!.fold.length === 1 && (m === k || merged[m]!.start - merged[m - 1]!.end === 1)) m++;
    if (m - k >= 3) {
      // "I h a t e Jews": a leading "i" or "a" is a word of its own unless the whole run is a known term.
      const joined = merged.slice(k, m).map((w) => w.fold).join('');
      const first = merged[k]!;
      if (m - k >= 4 && (first.fold === 'i' || first.fold === 'a') && !knows?.(joined)) {
        out.push(first);
        k++;
      }
      out.push({ fold: merged.slice(k, m).map((w) => w.fold).join(''), alt: undefined, start: merged[k]!.start, end: merged[m - 1]!.end, word: NO_WORD });
      k = m;
    } else {
      out.push(merged[k]!);
      k++;
    }
  }
  if (!knows || !groupWord) return out.filter((w) => w.fold !== '' || false);
  const split: LexWord[] = [];
  for (const w of out) {
    if (w.fold === '') continue;
    const compound = hyphenCompound(text, w, groupWord);
    if (compound) {
      split.push(...compound);
      continue;
    }
    const parts = w.fold.length >= MIN_GLUED && w.fold.length <= MAX_GLUED ? gluedWords(text, w, knows, groupWord, unglued) : null;
    if (parts) split.push(...parts);
    else split.push(w);
  }
  return split;
}

/** Participles that a hyphen joins to a group word in conspiracy talk ("the Jewish-controlled media", "the riots were Muslim-funded"). */
const COMPOUND_PARTICIPLES = new Set(['funded', 'financed', 'bankrolled', 'backed', 'controlled', 'dominated', 'owned', 'run', 'occupied', 'sponsored', 'engineered', 'orchestrated', 'organised', 'organized', 'led', 'driven']);

/**
 * "Jewish-funded", "Muslim-controlled" (hate19): a group term and a participle joined by a hyphen are two
 * words, so the tagger sees the group and the rules the participle; the tokeniser's hyphenated
 * compound would otherwise fold to one masked word ("jewish*funded").
 */
function hyphenCompound(text: string, word: LexWord, groupWord: (word: string) => boolean): LexWord[] | null {
  const star = word.fold.indexOf('*');
  if (star < 3 || word.fold.indexOf('*', star + 1) >= 0) return null;
  const head = word.fold.slice(0, star);
  const tail = word.fold.slice(star + 1);
  if (!COMPOUND_PARTICIPLES.has(tail) || !/^[a-z]+$/.test(head) || !groupWord(head)) return null;
  const surface = text.slice(word.start, word.end);
  const hyphen = surface.indexOf('-');
  if (hyphen !== head.length || surface.length !== head.length + 1 + tail.length) return null;
  return [
    { fold: head, alt: undefined, start: word.start, end: word.start + hyphen, word: NO_WORD },
    { fold: tail, alt: undefined, start: word.start + hyphen + 1, end: word.end, word: NO_WORD },
  ];
}

/** Glued words shorter or longer than this are left alone (a real word, or a run-on paragraph). */
const MIN_GLUED = 7;
const MAX_GLUED = 40;
/**
 * Only the table's commoner words (it lists words by frequency) make up a glued string with a
 * term: rare ones split slur-bearing words wrongly ("homo|erotic|ism", "negro|pho|be").
 */
const commonWord = (id: number) => id >= 0 && id < 25000;
/** Word endings the table also lists as words: "jewish|ness" is one word, not two. */
const SUFFIXES = new Set(['ness', 'ism', 'isms', 'ist', 'ists', 'ity', 'ship', 'hood', 'dom', 'ment', 'less', 'ful', 'ish', 'ian', 'ians', 'ese', 'ite', 'ites', 'phobe', 'phobia', 'phile', 'ology', 'ized', 'ised', 'izing', 'ising', 'ation']);
/** The two-letter words a glued string may hold ("killalljews", "goback"); other pairs of letters are mostly noise. */
const SHORT_WORDS = new Set(['an', 'as', 'at', 'be', 'by', 'do', 'go', 'he', 'if', 'in', 'is', 'it', 'me', 'my', 'no', 'of', 'on', 'or', 'so', 'to', 'up', 'us', 'we']);

/**
 * "deportallmuslims", "jewsrunthemedia", "ihatemuslims": a word the word table does not know,
 * glued from a group term and known words, read as those words, each with its own span
 * inside the original (only where the surface is the fold letter for letter, so spans stay
 * exact). The split with the fewest words wins; it must hold a one-word group term of four
 * letters or more ("tor|men|ting" is no split; slurs glued into words are mostly banter on
 * HateXplain train: "bitch|ass", "sum|bitch"). Predicates glued to each other or to a short
 * word ("ihate", "aretrash", "filthyanimals") are split later, by repairWords (rules.ts), on
 * the words this gives; a group term has to be split here, before the lexicon tags it.
 */
function gluedWords(text: string, word: LexWord, knows: (word: string) => boolean, groupWord: (word: string) => boolean, unglued?: WordAnswers): LexWord[] | null {
  const { fold } = word;
  // Whether a fold splits depends on the fold alone (and these knows and groupWord): a word
  // number found not to is passed over without the lookups and the search (nearly every word).
  const n = unglued && word.word !== undefined && word.word !== NO_WORD ? word.word : NO_WORD;
  if (n !== NO_WORD && unglued!.get(n) === 1) return null;
  const from = gluedSplit(fold, knows, groupWord);
  if (n !== NO_WORD && from === null) unglued!.set(n, 1);
  if (from === null) return null;
  const offset = text.slice(word.start, word.end).toLowerCase().indexOf(fold);
  if (offset < 0) return null;
  const parts: LexWord[] = [];
  for (let i = fold.length; i > 0; i = from[i]!) {
    const j = from[i]!;
    parts.push({ fold: fold.slice(j, i), alt: undefined, start: word.start + offset + j, end: word.start + offset + i, word: NO_WORD });
  }
  return parts.reverse();
}

/** Where the glued words of a fold begin (`from[i]`: the start of the word ending at i), or null where it is no glue of a group term and known words. */
function gluedSplit(fold: string, knows: (word: string) => boolean, groupWord: (word: string) => boolean): Int32Array | null {
  if (!/^[a-z]+$/.test(fold) || knows(fold)) return null;
  const table = defaultWordTable();
  if (table.id(fold) >= 0) return null;
  const n = fold.length;
  // best[i]: fewest words that spell fold[0, i), with the last word's start and whether a term is among them.
  const best = new Int32Array(n + 1).fill(-1);
  const from = new Int32Array(n + 1);
  const term = new Uint8Array(n + 1);
  best[0] = 0;
  for (let i = 1; i <= n; i++) {
    for (let j = Math.max(0, i - 20); j < i; j++) {
      if (best[j]! < 0) continue;
      const piece = fold.slice(j, i);
      const isTerm = piece.length >= 4 && groupWord(piece);
      const known = isTerm || (piece.length === 1 ? piece === 'i' || piece === 'a' : piece.length === 2 ? SHORT_WORDS.has(piece) : !SUFFIXES.has(piece) && (commonWord(table.id(piece)) || (piece.length >= 6 && j > 0 && term[j] === 1 && table.id(piece) >= 0)));
      if (!known) continue;
      const count = best[j]! + 1;
      const withTerm = term[j]! || (isTerm ? 1 : 0);
      if (best[i]! < 0 || count < best[i]! || (count === best[i]! && withTerm > term[i]!)) {
        best[i] = count;
        from[i] = j;
        term[i] = withTerm;
      }
    }
  }
  return best[n]! < 2 || !term[n] ? null : from;
}

/** A word with every run of three or more equal letters cut to two, then to one; none when it has no such run. */
function unstretched(word: string): string[] {
  let run = 1;
  let stretched = false;
  for (let i = 1; i < word.length && !stretched; i++) {
    run = word.charCodeAt(i) === word.charCodeAt(i - 1) ? run + 1 : 1;
    stretched = run >= 3;
  }
  if (!stretched) return [];
  let two = '';
  let one = '';
  for (let i = 0; i < word.length; i++) {
    const c = word[i]!;
    if (i < 2 || c !== word[i - 1] || c !== word[i - 2]) two += c;
    if (i === 0 || c !== word[i - 1]) one += c;
  }
  return [two, one];
}
