import type { ItemEntity, ItemSentence } from 'wink-nlp';
import type { Entity, Span, Token, Voice } from '../core/types.js';
import { blankOverlongRuns } from './overlong.js';
import { withWinkDoc, type Nlp, type WinkReader } from './wink.js';
import { wordNumber } from './word-numbers.js';

/** Sentences, tokens and entities of a text, all with UTF-16 offsets. */
export interface TextModel {
  sentences: Span[];
  tokens: Token[];
  entities: Entity[];
  /** Runs of non-space characters over the token limit, left out (blanked) before tokenising. */
  skipped: Span[];
}

/** Words that wink-nlp reads with their full stop as one abbreviation token, lower case as written. */
const STOPPED_WORDS = new Set(['in.', 'no.', 'sat.']);

/**
 * Tokenises with wink-nlp. wink-nlp is lossless (its output reproduces the input),
 * so token offsets are the running sum of preceding whitespace and token lengths.
 */
export function buildTextModel(original: string): TextModel {
  // Same length and offsets as the original; overlong runs are spaces, so no token comes from them.
  const { text, skipped } = blankOverlongRuns(original);
  return withWinkDoc(text, (doc, nlp, reader) => readModel(original, text, skipped, doc, nlp, reader));
}

function readModel(original: string, text: string, skipped: Span[], doc: ReturnType<Nlp['readDoc']>, nlp: Nlp, { contractions, forms }: WinkReader): TextModel {
  const its = nlp.its;
  // Each property is read for every token in one call: wink-nlp then builds no item
  // object per token, and each loop below stays monomorphic.
  const all = doc.tokens();
  const surfaces = all.out() as string[];
  const spaces = all.out(its.precedingSpaces) as string[];
  // Whether wink-nlp expanded each token from a contraction: such a token's lemma is in its own data.
  const expanded = all.out(its.contractionFlag) as unknown as boolean[];
  const poses = all.out(its.pos) as string[];
  const types = all.out(its.type) as string[];
  // Each token's lexeme index: its surface is the lexeme's string, so its forms are the lexeme's.
  const lexemeIds = all.out(its.uniqueId) as unknown as number[];
  const count = surfaces.length;
  const starts = new Int32Array(count);
  const ends = new Int32Array(count);
  let offset = 0;
  for (let i = 0; i < count; i++) {
    const surface = surfaces[i]!;
    const expected = offset + spaces[i]!.length;
    // wink-nlp is lossless, so the running sum is exact; indexOf guards against any drift.
    const start = text.startsWith(surface, expected) ? expected : text.indexOf(surface, offset);
    if (start < 0) throw new Error(`tokeniser drift: token ${JSON.stringify(surface)} not found after offset ${offset}`);
    starts[i] = start;
    ends[i] = offset = start + surface.length;
  }
  const isSpace = (i: number) => poses[i] === 'SPACE' || types[i] === 'tabCRLF' || surfaces[i]!.trim() === '';

  const sentences: Span[] = [];
  doc.sentences().each((sentence: ItemSentence) => {
    const [first, last] = sentence.out(its.span) as unknown as [number, number];
    let a = first;
    let b = last;
    while (a <= b && isSpace(a)) a++;
    while (b >= a && isSpace(b)) b--;
    // wink-nlp keeps "in." and "no." whole, as abbreviations, and then runs on into the next
    // sentence: "The family moved in. Jones said …" is two, unless a number is next to it ("5 in. long").
    for (let k = a + 1; k < b; k++) {
      if (!STOPPED_WORDS.has(surfaces[k]!) || types[k - 1] === 'number') continue;
      let next = k + 1;
      while (next <= b && isSpace(next)) next++;
      if (next > b || starts[next]! === ends[k]! || !/^[\p{Lu}"“‘«(]/u.test(surfaces[next]!)) continue;
      splitAtLineBreaks(text, starts[a]!, ends[k]!, sentences);
      a = next;
    }
    if (a <= b) splitAtLineBreaks(text, starts[a]!, ends[b]!, sentences);
  });

  const entities: Entity[] = [];
  doc.entities().each((entity: ItemEntity) => {
    const [first, last] = entity.out(its.span) as unknown as [number, number];
    const start = starts[first]!;
    const end = ends[last]!;
    entities.push({ start, end, text: original.slice(start, end), type: entity.out(its.type) as string });
  });

  // Only words reach the token list: wink-nlp yields an empty token between two full
  // stops with no space ("Wait..Really"), which carries nothing, and spaces and line breaks.
  const words: Token[] = [];
  // The engine's contraction set and lexeme forms are those of the engine that read this document.
  let s = 0;
  for (let i = 0; i < count; i++) {
    const surface = surfaces[i]!;
    const type = types[i]!;
    const pos = poses[i]!;
    if (surface === '' || type === 'tabCRLF' || pos === 'SPACE') continue;
    const start = starts[i]!;
    // The sentence a token falls in (the previous one for anything between two).
    while (s + 1 < sentences.length && sentences[s + 1]!.start <= start) s++;
    const id = lexemeIds[i]!;
    let slot = forms.slotOf(id);
    if (slot < 0) {
      const lower = surface.toLowerCase();
      const fold = foldLower(lower);
      slot = forms.add(id, lower, fold, wordNumber(fold), contractions.has(surface));
    }
    const norm = forms.norms[slot]!;
    // A contraction of the lexicon that wink-nlp left whole (see isUnexpandedContraction) takes
    // its lower case. Any other token's lemma is wink-nlp's; outside an expanded contraction it
    // depends on the lexeme and tag alone, so it is read from wink-nlp once per lexeme and tag.
    let lemma: string;
    if (expanded[i]) lemma = all.itemAt(i).out(its.lemma as never) as unknown as string;
    else if (forms.isContraction(slot)) lemma = norm;
    else if (forms.lemmaTags[slot] === pos) lemma = forms.lemmas[slot]!;
    else forms.setLemma(slot, pos, (lemma = all.itemAt(i).out(its.lemma as never) as unknown as string));
    const token = makeToken(start, ends[i]!, surface, norm, forms.folds[slot]!, lemma, pos, type, s, 'author', -1, forms.words[slot]!);
    if (type === 'word' && hasApostrophe(surface)) pushSplitClitic(token, words);
    else words.push(token);
  }
  return { sentences, tokens: words, entities, skipped };
}

/**
 * wink-nlp's lexicon grows with every document it reads, and a word it once saw as
 * one token ("Donald's," at a clause end) stays one token in later documents, while
 * before it was two ("Donald" + "'s"). Splitting clitics ourselves makes tokens depend
 * on the document alone, not on what the process read before.
 */
const CLITIC = /^(.*\p{L})(n['’]t|['’](?:s|re|ve|ll|d|m))$/iu;

/** Whether a surface holds a straight or curly apostrophe: only those can end in a clitic. */
function hasApostrophe(surface: string): boolean {
  for (let i = 1; i < surface.length; i++) {
    const code = surface.charCodeAt(i);
    if (code === 0x27 || code === 0x2019) return true;
  }
  return false;
}

function pushSplitClitic(token: Token, out: Token[]): void {
  const match = CLITIC.exec(token.text);
  if (!match) {
    out.push(token);
    return;
  }
  const baseLength = match[1]!.length;
  const base = makeToken(token.start, token.start + baseLength, match[1]!, match[1]!.toLowerCase(), foldSurface(match[1]!), token.lemma === token.norm ? match[1]!.toLowerCase() : token.lemma, token.pos, token.type, token.sentence, token.voice, token.quote);
  const clitic = match[2]!;
  const isNegation = /^n/i.test(clitic);
  const rest = makeToken(base.end, token.end, clitic, clitic.toLowerCase(), foldSurface(clitic), isNegation ? 'not' : clitic.toLowerCase(), 'PART', token.type, token.sentence, token.voice, token.quote);
  out.push(base, rest);
}

/**
 * Every token is built here, with all its fields in one order: tokens then share one hidden
 * class, and the passes that read them stay monomorphic (spread copies such as `{ ...t, pos }`
 * each made a map of their own, and optimised code deoptimised on them: "wrong map").
 */
export function makeToken(start: number, end: number, text: string, norm: string, fold: string, lemma: string, pos: string, type: string, sentence: number, voice: Voice, quote: number, word = wordNumber(fold)): Token {
  return { start, end, text, norm, fold, lemma, pos, type, sentence, voice, quote, word };
}

/** A copy of a token with another part-of-speech tag. */
export function retagged(t: Token, pos: string): Token {
  return makeToken(t.start, t.end, t.text, t.norm, t.fold, t.lemma, pos, t.type, t.sentence, t.voice, t.quote, t.word);
}

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const CURLY_APOSTROPHES = /[\u2018\u2019\u02bc]/g;

/** Lower case, accents off, curly apostrophes straight: the form lexicons and models match on. */
export function foldSurface(surface: string): string {
  return foldLower(surface.toLowerCase());
}

/** `foldSurface` of a form already in lower case. */
function foldLower(lower: string): string {
  // Most tokens are plain ASCII: skip the normalisation work for them.
  if (isAscii(lower)) return lower;
  return lower.normalize('NFKD').replace(COMBINING_MARKS, '').replace(CURLY_APOSTROPHES, "'").normalize('NFC');
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** A line break always ends a sentence: paragraphs, headings and list items stand alone. */
function splitAtLineBreaks(text: string, from: number, to: number, out: Span[]): void {
  let start = from;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code !== 10 && code !== 13) continue;
    pushTrimmed(text, out, start, i);
    start = i + 1;
  }
  pushTrimmed(text, out, start, to);
}

function pushTrimmed(text: string, out: Span[], start: number, end: number): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (start < end) out.push({ start, end });
}
