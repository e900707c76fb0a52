import type { ItemEntity, ItemSentence, ItemToken } from 'wink-nlp';
import type { Entity, Span, Token } from '../core/types.js';
import { blankOverlongRuns } from './overlong.js';
import { isUnexpandedContraction, withWinkDoc, type Nlp } from './wink.js';

/** Sentences, tokens and entities of a text, all with UTF-16 offsets. */
export interface TextModel {
  sentences: Span[];
  tokens: Token[];
  entities: Entity[];
  /** Runs of non-space characters over the token limit, left out (blanked) before tokenising. */
  skipped: Span[];
}

/**
 * Tokenises with wink-nlp. wink-nlp is lossless (its output reproduces the input),
 * so token offsets are the running sum of preceding whitespace and token lengths.
 */
export function buildTextModel(original: string): TextModel {
  // Same length and offsets as the original; overlong runs are spaces, so no token comes from them.
  const { text, skipped } = blankOverlongRuns(original);
  return withWinkDoc(text, (doc, nlp) => readModel(original, text, skipped, doc, nlp));
}

function readModel(original: string, text: string, skipped: Span[], doc: ReturnType<Nlp['readDoc']>, nlp: Nlp): TextModel {
  const its = nlp.its;
  const tokens: Token[] = [];
  let offset = 0;
  doc.tokens().each((token: ItemToken) => {
    const surface = token.out() as string;
    const expected = offset + (token.out(its.precedingSpaces) as string).length;
    // wink-nlp is lossless, so the running sum is exact; indexOf guards against any drift.
    const start = text.startsWith(surface, expected) ? expected : text.indexOf(surface, offset);
    if (start < 0) throw new Error(`tokeniser drift: token ${JSON.stringify(surface)} not found after offset ${offset}`);
    const norm = surface.toLowerCase();
    const contracted = token.out(its.contractionFlag) as unknown as boolean;
    tokens.push({
      start,
      end: start + surface.length,
      text: surface,
      norm,
      fold: foldSurface(surface),
      lemma: isUnexpandedContraction(surface, contracted) ? norm : (token.out(its.lemma as never) as string),
      pos: token.out(its.pos) as string,
      type: token.out(its.type) as string,
      sentence: -1,
    });
    offset = start + surface.length;
  });

  const sentences: Span[] = [];
  doc.sentences().each((sentence: ItemSentence) => {
    const [first, last] = sentence.out(its.span) as unknown as [number, number];
    const span = trimTokenRange(tokens, first, last);
    if (span) sentences.push(...splitAtLineBreaks(text, span));
  });
  assignSentences(tokens, sentences);

  const entities: Entity[] = [];
  doc.entities().each((entity: ItemEntity) => {
    const [first, last] = entity.out(its.span) as unknown as [number, number];
    const start = tokens[first]!.start;
    const end = tokens[last]!.end;
    entities.push({ start, end, text: original.slice(start, end), type: entity.out(its.type) as string });
  });

  // wink-nlp yields an empty token between two full stops with no space ("Wait..Really"); it carries nothing.
  const words = tokens.filter((t) => t.text !== '' && t.type !== 'tabCRLF' && t.pos !== 'SPACE').flatMap(splitClitic);
  return { sentences, tokens: words, entities, skipped };
}

/**
 * wink-nlp's lexicon grows with every document it reads, and a word it once saw as
 * one token ("Donald's," at a clause end) stays one token in later documents, while
 * before it was two ("Donald" + "'s"). Splitting clitics ourselves makes tokens depend
 * on the document alone, not on what the process read before.
 */
const CLITIC = /^(.*\p{L})(n['’]t|['’](?:s|re|ve|ll|d|m))$/iu;

function splitClitic(token: Token): Token[] {
  if (token.type !== 'word') return [token];
  const match = CLITIC.exec(token.text);
  if (!match) return [token];
  const baseLength = match[1]!.length;
  const base: Token = { ...token, end: token.start + baseLength, text: match[1]!, norm: match[1]!.toLowerCase(), fold: foldSurface(match[1]!), lemma: token.lemma === token.norm ? match[1]!.toLowerCase() : token.lemma };
  const clitic = match[2]!;
  const isNegation = /^n/i.test(clitic);
  const rest: Token = { ...token, start: base.end, text: clitic, norm: clitic.toLowerCase(), fold: foldSurface(clitic), lemma: isNegation ? 'not' : clitic.toLowerCase(), pos: 'PART' };
  return [base, rest];
}

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const CURLY_APOSTROPHES = /[\u2018\u2019\u02bc]/g;

/** Lower case, accents off, curly apostrophes straight: the form lexicons and models match on. */
export function foldSurface(surface: string): string {
  const lower = surface.toLowerCase();
  // Most tokens are plain ASCII: skip the normalisation work for them.
  if (isAscii(lower)) return lower;
  return lower.normalize('NFKD').replace(COMBINING_MARKS, '').replace(CURLY_APOSTROPHES, "'").normalize('NFC');
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** The span from the first to the last non-space token of a range, or null when all are space. */
function trimTokenRange(tokens: Token[], first: number, last: number): Span | null {
  let a = first;
  let b = last;
  while (a <= b && isSpaceToken(tokens[a]!)) a++;
  while (b >= a && isSpaceToken(tokens[b]!)) b--;
  return a <= b ? { start: tokens[a]!.start, end: tokens[b]!.end } : null;
}

function isSpaceToken(token: Token): boolean {
  return token.pos === 'SPACE' || token.type === 'tabCRLF' || token.text.trim() === '';
}

/** A line break always ends a sentence: paragraphs, headings and list items stand alone. */
function splitAtLineBreaks(text: string, span: Span): Span[] {
  const pieces: Span[] = [];
  let start = span.start;
  for (let i = span.start; i < span.end; i++) {
    const code = text.charCodeAt(i);
    if (code !== 10 && code !== 13) continue;
    pushTrimmed(text, pieces, start, i);
    start = i + 1;
  }
  pushTrimmed(text, pieces, start, span.end);
  return pieces;
}

function pushTrimmed(text: string, out: Span[], start: number, end: number): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (start < end) out.push({ start, end });
}

/** Gives each token the index of the sentence it falls in (the previous one for spaces between). */
function assignSentences(tokens: Token[], sentences: Span[]): void {
  let s = 0;
  for (const token of tokens) {
    while (s + 1 < sentences.length && sentences[s + 1]!.start <= token.start) s++;
    token.sentence = s;
  }
}
