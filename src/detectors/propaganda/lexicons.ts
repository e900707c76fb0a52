import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UnspinError } from '../../core/errors.js';
import { dataPath } from '../../core/paths.js';
import { loadRuleFile, type RuleEntry } from '../../core/rules.js';
import type { Token } from '../../core/types.js';
import { buildTextModel } from '../../text/model.js';
import { isTechnique, type Technique } from './techniques.js';
import { WordCache } from './vocabulary.js';

/** A lexicon entry: a group of terms that cue one technique. */
export interface LexiconEntry extends RuleEntry {
  technique: Technique;
  terms: string[];
  /**
   * A hit is reported as a finding of the entry's technique even where the tagger marks
   * nothing: for unambiguous cues the training corpus rarely annotates (PTC labels few
   * "everyone knows" appeals), so a trained model cannot learn them.
   */
  report?: boolean;
}

/** One term as a token sequence, as the text model tokenises it. */
interface CompiledTerm {
  words: string[];
  entryId: string;
  technique: Technique;
  term: string;
  report: boolean;
}

/** A lexicon term found in a document, in token indices (end exclusive). */
export interface LexiconHit {
  first: number;
  last: number;
  entryId: string;
  technique: Technique;
  term: string;
  /** The entry's `report` flag. */
  report: boolean;
}

export interface Lexicon {
  readonly entries: readonly LexiconEntry[];
  /**
   * Term occurrences in a token list, in token order. The longest term wins across
   * techniques: a hit that lies inside a longer hit of another technique is dropped
   * ("every" of Exaggeration inside "every honest person" of Bandwagon); hits that only
   * overlap, cover the same tokens, or share a technique are all kept.
   */
  match(tokens: readonly Token[], folded?: { norms: readonly string[]; lemmas: readonly string[] }): LexiconHit[];
}

/** Folds typographic apostrophes so “don’t” and "don't" match the same term. */
export function foldWord(word: string): string {
  return foldApostrophes(word.toLowerCase());
}

/** `foldWord` of a token's surface, from the lower-cased form the text model keeps (`norm`). */
export function foldToken(token: Token): string {
  // The spine's `fold` straightens apostrophes too, so where it left the lower-cased form
  // as it was (nearly every token, the very same string) there is none to fold.
  return token.fold === token.norm ? token.norm : foldApostrophes(token.norm);
}

/** A token's lemma, folded; the surface form when the text model gives no lemma. */
export function lemmaOf(token: Token): string {
  return token.lemma ? foldWord(token.lemma) : foldToken(token);
}

/** Curly and modifier apostrophes as straight ones; the same string when it has none (nearly every word), found by a scan rather than a regex. */
function foldApostrophes(word: string): string {
  for (let k = 0; k < word.length; k++) {
    const c = word.charCodeAt(k);
    if (c === 0x2018 || c === 0x2019 || c === 0x02bc) return word.replace(/[\u2018\u2019\u02bc]/g, "'");
  }
  return word;
}

/** Builds a matcher from entries (tests pass tiny ones; the default reads data/propaganda). */
export function createLexicon(entries: readonly LexiconEntry[], origin = 'lexicon'): Lexicon {
  const byFirst = new Map<string, CompiledTerm[]>();
  for (const entry of entries) {
    if (!isTechnique(entry.technique)) {
      throw new UnspinError('MODEL_INVALID', `${origin}: entry ${entry.id}: unknown technique ${String(entry.technique)}`, { input: origin });
    }
    if (!Array.isArray(entry.terms) || entry.terms.some((t) => typeof t !== 'string' || t.trim() === '')) {
      throw new UnspinError('MODEL_INVALID', `${origin}: entry ${entry.id}: terms must be a list of non-empty strings`, { input: origin });
    }
    if (entry.report !== undefined && typeof entry.report !== 'boolean') {
      throw new UnspinError('MODEL_INVALID', `${origin}: entry ${entry.id}: report must be true or false`, { input: origin });
    }
    for (const term of entry.terms) {
      const words = termWords(term);
      if (words.length === 0) continue;
      const list = byFirst.get(words[0]!) ?? [];
      list.push({ words, entryId: entry.id, technique: entry.technique, term, report: entry.report === true });
      byFirst.set(words[0]!, list);
    }
  }

  const starts = new WordCache((word) => (byFirst.has(word) ? 1 : 0));
  return {
    entries,
    match(tokens, folded) {
      const hits: LexiconHit[] = [];
      // The caller's `foldWord` and `lemmaOf` of each token where it has them already.
      const norms = folded?.norms ?? tokens.map((t) => foldWord(t.text));
      const lemmas = folded?.lemmas ?? tokens.map(lemmaOf);
      const same = (i: number, word: string) => norms[i] === word || lemmas[i] === word;
      // Whether each token's norm or lemma begins some term, by word number (vocabulary.ts):
      // most tokens begin none, and are passed over without a lookup of their strings.
      const normStarts = starts.of(norms);
      const lemmaStarts = starts.of(lemmas);
      for (let i = 0; i < tokens.length; i++) {
        if (normStarts[i] === 0 && lemmaStarts[i] === 0) continue;
        // The norm's terms, then the lemma's. Each term sits in the list of its first word only,
        // so the two lists never share one: no set is needed to keep each term once (a Set of
        // both, iterated, made an iterator result per term tried).
        const byNorm = byFirst.get(norms[i]!);
        if (byNorm) tryTerms(byNorm, i);
        const byLemma = lemmas[i] === norms[i] ? undefined : byFirst.get(lemmas[i]!);
        if (byLemma) tryTerms(byLemma, i);
      }
      return longestOnly(hits);

      function tryTerms(candidates: readonly CompiledTerm[], i: number): void {
        for (let t = 0; t < candidates.length; t++) {
          const c = candidates[t]!;
          if (i + c.words.length > tokens.length) continue;
          let ok = true;
          for (let k = 1; k < c.words.length && ok; k++) ok = same(i + k, c.words[k]!);
          if (ok) hits.push({ first: i, last: i + c.words.length, entryId: c.entryId, technique: c.technique, term: c.term, report: c.report });
        }
      }
    },
  };
}

/**
 * Drops each hit lying inside a longer hit of another technique. Hits come sorted by first
 * token, so one pass keeps, per technique, the furthest end among hits starting earlier
 * and among hits starting at the same token: a hit is inside a longer one when an earlier
 * start reaches at least as far, or a same start reaches further. A term inside a longer
 * term of its own technique ("ever" in "ever since") stays, as one more cue of the same
 * kind: out of fold, dropping those too gave a lower SI F1 (0.4194 against 0.4210).
 */
function longestOnly(hits: LexiconHit[]): LexiconHit[] {
  const kept: LexiconHit[] = [];
  const earlierEnd = new Map<Technique, number>();
  const sameEnd = new Map<Technique, number>();
  const reaches = (ends: ReadonlyMap<Technique, number>, h: LexiconHit, beyond: number) => {
    for (const [technique, end] of ends) if (technique !== h.technique && end >= h.last + beyond) return true;
    return false;
  };
  for (let a = 0; a < hits.length; ) {
    const first = hits[a]!.first;
    let b = a;
    sameEnd.clear();
    for (; b < hits.length && hits[b]!.first === first; b++) {
      const h = hits[b]!;
      sameEnd.set(h.technique, Math.max(sameEnd.get(h.technique) ?? -1, h.last));
    }
    for (let k = a; k < b; k++) {
      const h = hits[k]!;
      if (!reaches(earlierEnd, h, 0) && !reaches(sameEnd, h, 1)) kept.push(h);
    }
    for (const [technique, end] of sameEnd) earlierEnd.set(technique, Math.max(earlierEnd.get(technique) ?? -1, end));
    a = b;
  }
  return kept;
}

/**
 * A term as the folded words of its tokens. Terms are tokenised by the same text model
 * as documents, so "nation's" or "don't" split where wink-nlp splits them in running text.
 * Tokenising the 778 shipped terms one wink-nlp document each took 0.2 to 0.4 s in every
 * process and thread; `npm run build:data` does it once (`compileTermWords`), and a term
 * missing from that table (an edited YAML file) is tokenised here as before. The table
 * is keyed by the term itself, so it cannot give a term another term's words; it goes
 * stale only when the text model changes, which test/detectors/propaganda/compiled-terms
 * catches.
 */
export function termWords(term: string): string[] {
  const compiled = compiledTermWords()?.get(term);
  return compiled ? [...compiled] : tokenizeTerm(term);
}

function tokenizeTerm(term: string): string[] {
  return buildTextModel(term).tokens.map((t) => foldWord(t.text));
}

/** Where `npm run build:data` writes the shipped terms' words. */
export function compiledTermsPath(): string {
  return dataPath('compiled', 'propaganda-terms.json');
}

/** The words of every term of the shipped lexicon, for `npm run build:data`: [term, words] pairs. */
export function compileTermWords(entries: readonly LexiconEntry[] = loadLexiconEntries()): [string, string[]][] {
  const terms = [...new Set(entries.flatMap((e) => e.terms))].sort();
  return terms.map((term) => [term, tokenizeTerm(term)]);
}

let termTable: ReadonlyMap<string, readonly string[]> | null | undefined;

function compiledTermWords(): ReadonlyMap<string, readonly string[]> | null {
  if (termTable !== undefined) return termTable;
  try {
    termTable = new Map(JSON.parse(readFileSync(compiledTermsPath(), 'utf8')) as [string, string[]][]);
  } catch {
    // Not built (running from a fresh checkout through tsx): every term is tokenised.
    termTable = null;
  }
  return termTable;
}

/** The lexicon files shipped in data/propaganda, validated by the rule loader. */
export function loadLexiconEntries(dir = dataPath('propaganda')): LexiconEntry[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.yml')).sort();
  if (files.length === 0) throw new UnspinError('MODEL_INVALID', `${dir}: no lexicon files`, { input: dir });
  return files.flatMap((f) => loadRuleFile<LexiconEntry>(join(dir, f), ['technique', 'terms']).entries);
}

let defaultLexicon: Lexicon | undefined;

/** The shipped lexicon, compiled on first use. */
export function defaultPropagandaLexicon(): Lexicon {
  defaultLexicon ??= createLexicon(loadLexiconEntries(), dataPath('propaganda'));
  return defaultLexicon;
}
