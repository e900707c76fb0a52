import type { Span, Token } from '../../core/types.js';
import { foldWord, lemmaOf, type Lexicon, type LexiconHit } from './lexicons.js';
import { polarityBucket } from './sentiment.js';

/**
 * Feature extraction shared by training and run time, so both see the same strings.
 * A feature is a string; models map the strings they know to weights.
 */

/** What the features of one document are computed from. */
export interface FeatureContext {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly sentences: readonly Span[];
  readonly hits: readonly LexiconHit[];
  /** Lexicon hits covering each token. */
  readonly hitsAt: readonly (readonly LexiconHit[])[];
  /** How often each lemma occurs in the document (repetition cue). */
  readonly lemmaCount: ReadonlyMap<string, number>;
  /** Whether each token is inside quotation marks within its sentence. */
  readonly quoted: readonly boolean[];
  /** First and last token index of each sentence (end exclusive). */
  readonly sentenceTokens: readonly (readonly [number, number])[];
  /** Lexicon techniques that fire anywhere in each sentence. */
  readonly sentenceHits: readonly ReadonlySet<string>[];
  /** Polarity bucket of each token (neg2, neg1, pos1, pos2) or null. */
  readonly polarity: readonly (string | null)[];
  /** Number of strongly polar words in each sentence. */
  readonly sentencePolar: readonly number[];
  /** Whether each sentence has an exclamation mark, a question mark. */
  readonly sentenceMarks: readonly { exclaim: boolean; question: boolean }[];
}

const QUOTE_CHARS = new Set(['"', '“', '”', '‘', '’', '«', '»', "'"]);
const OPENING = new Set(['"', '“', '‘', '«', "'"]);

export function buildFeatureContext(
  text: string,
  tokens: readonly Token[],
  sentences: readonly Span[],
  lexicon: Lexicon,
  sentiment: ReadonlyMap<string, number> = new Map(),
): FeatureContext {
  const hits = lexicon.match(tokens);
  const hitsAt: LexiconHit[][] = tokens.map(() => []);
  for (const h of hits) for (let i = h.first; i < h.last; i++) hitsAt[i]!.push(h);

  const lemmaCount = new Map<string, number>();
  for (const t of tokens) {
    if (t.type !== 'word') continue;
    const key = lemmaOf(t);
    lemmaCount.set(key, (lemmaCount.get(key) ?? 0) + 1);
  }

  const sentenceTokens: [number, number][] = sentences.map(() => [0, 0]);
  let s = -1;
  tokens.forEach((t, i) => {
    if (t.sentence !== s) {
      s = t.sentence;
      if (sentenceTokens[s]) sentenceTokens[s]![0] = i;
    }
    if (sentenceTokens[s]) sentenceTokens[s]![1] = i + 1;
  });

  // Quote state flips on each quote mark within a sentence; apostrophes inside words
  // (don't, nation's) are tokens of their own only as part of a contraction, so a
  // single quote counts only when it stands apart from letters on one side.
  const quoted = tokens.map(() => false);
  for (const [a, b] of sentenceTokens) {
    let inside = false;
    for (let i = a; i < b; i++) {
      const tok = tokens[i]!;
      if (isQuoteMark(text, tok)) {
        inside = tok.text === '"' || tok.text === "'" ? !inside : OPENING.has(tok.text);
        continue;
      }
      quoted[i] = inside;
    }
  }

  const sentenceHits = sentences.map(() => new Set<string>());
  for (const h of hits) {
    const si = tokens[h.first]!.sentence;
    sentenceHits[si]?.add(h.technique);
  }

  const polarity = tokens.map((t) => (t.type === 'word' ? polarityBucket(sentiment.get(foldWord(t.text)) ?? 0) : null));
  const sentencePolar = sentences.map(() => 0);
  tokens.forEach((t, i) => {
    if (polarity[i] === 'neg2' || polarity[i] === 'pos2') sentencePolar[t.sentence] = (sentencePolar[t.sentence] ?? 0) + 1;
  });

  const sentenceMarks = sentences.map((sp) => {
    const body = text.slice(sp.start, sp.end);
    return { exclaim: body.includes('!'), question: body.includes('?') };
  });

  return { text, tokens, sentences, hits, hitsAt, lemmaCount, quoted, sentenceTokens, sentenceHits, polarity, sentencePolar, sentenceMarks };
}

function isQuoteMark(text: string, tok: Token): boolean {
  if (!QUOTE_CHARS.has(tok.text)) return false;
  if (tok.text !== "'" && tok.text !== '’') return true;
  const before = text[tok.start - 1] ?? ' ';
  const after = text[tok.end] ?? ' ';
  return !(/\p{L}/u.test(before) && /\p{L}/u.test(after));
}

/** Word shape: Xx, XX, x, d, p (punctuation), with runs collapsed. */
export function shape(word: string): string {
  if (/^\p{Lu}+$/u.test(word) && word.length > 1) return 'XX';
  if (/^\p{Lu}/u.test(word)) return 'Xx';
  if (/^\p{Ll}/u.test(word)) return 'x';
  if (/^\p{N}/u.test(word)) return 'd';
  return 'p';
}

function bucket(n: number, edges: readonly number[]): string {
  for (const e of edges) if (n <= e) return `<=${e}`;
  return `>${edges[edges.length - 1]}`;
}

function norm(tok: Token | undefined, edge: string): string {
  return tok ? foldWord(tok.text) : edge;
}

function lemma(tok: Token | undefined, edge: string): string {
  return tok ? lemmaOf(tok) : edge;
}

/** Probability bin (tenths) for features built on an earlier stage's output. */
export function probBin(p: number): number {
  return Math.min(9, Math.floor(p * 10));
}

const FINE_EDGES = [0.03, 0.06, 0.1, 0.14, 0.18, 0.22, 0.26, 0.3, 0.35, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

/** Finer bins at the low end, where the span threshold sits. */
export function fineBin(p: number): number {
  let k = 0;
  while (k < FINE_EDGES.length && p >= FINE_EDGES[k]!) k++;
  return k;
}

/** Features of sentence s for the "does this sentence hold propaganda" stage. */
export function sentenceFeatures(ctx: FeatureContext, s: number): string[] {
  const { tokens } = ctx;
  const [a, b] = ctx.sentenceTokens[s] ?? [0, 0];
  const f: string[] = ['bias', `len=${bucket(b - a, [3, 6, 10, 15, 25, 40, 60])}`];
  for (let i = a; i < b; i++) {
    const t = tokens[i]!;
    f.push(`u=${lemmaOf(t)}`);
    if (i + 1 < b) f.push(`b=${foldWord(t.text)}|${foldWord(tokens[i + 1]!.text)}`);
    if (t.type === 'word' && /^\p{Lu}{2,}$/u.test(t.text)) f.push('allcaps');
    if (ctx.quoted[i]) f.push('quoted');
  }
  for (const h of ctx.hits) {
    if (tokens[h.first]!.sentence !== s) continue;
    f.push(`lex=${h.technique}`, `lexid=${h.entryId}`);
  }
  if (s === 0) f.push('title');
  f.push(`spol=${bucket(ctx.sentencePolar[s] ?? 0, [0, 1, 2, 3])}`);
  for (let i = a; i < b; i++) if (ctx.polarity[i]) f.push(`pol=${ctx.polarity[i]}`);
  if (ctx.sentenceMarks[s]?.exclaim) f.push('s!');
  if (ctx.sentenceMarks[s]?.question) f.push('s?');
  return f;
}

/** Per-sentence and per-article summaries of the first stage, computed once per document. */
export interface StackSummary {
  readonly docBin: number;
  readonly sentenceMax: Float64Array;
  readonly sentenceMean: Float64Array;
}

export function summarizeStage(ctx: FeatureContext, probs: ArrayLike<number>, sentenceProbs: ArrayLike<number>): StackSummary {
  // Propaganda clusters: some articles are full of it, so the article's mean sentence
  // probability and the neighbouring sentences' are cues for every token.
  let docSum = 0;
  for (let k = 0; k < sentenceProbs.length; k++) docSum += sentenceProbs[k]!;
  const sentenceMax = new Float64Array(ctx.sentences.length);
  const sentenceMean = new Float64Array(ctx.sentences.length);
  ctx.sentenceTokens.forEach(([a, b], s) => {
    let max = 0;
    let sum = 0;
    for (let k = a; k < b; k++) {
      max = Math.max(max, probs[k]!);
      sum += probs[k]!;
    }
    sentenceMax[s] = max;
    sentenceMean[s] = sum / Math.max(1, b - a);
  });
  return { docBin: probBin((2 * docSum) / Math.max(1, sentenceProbs.length)), sentenceMax, sentenceMean };
}

/** Features of token i for the second tagger stage: the first stage's probabilities around it. */
export function stackFeatures(ctx: FeatureContext, i: number, probs: ArrayLike<number>, sentenceProbs: ArrayLike<number>, summary: StackSummary): string[] {
  const { tokens } = ctx;
  const tok = tokens[i]!;
  const s = tok.sentence;
  const sentenceProb = sentenceProbs[s] ?? 0;
  const doc = summary.docBin;
  const prev = s > 0 ? probBin(sentenceProbs[s - 1]!) : 'x';
  const next = s + 1 < sentenceProbs.length ? probBin(sentenceProbs[s + 1]!) : 'x';
  const [sa, sb] = ctx.sentenceTokens[s] ?? [0, tokens.length];
  const at = (k: number) => (k >= sa && k < sb ? String(fineBin(probs[k]!)) : 'x');
  const p0 = at(i);
  const max = summary.sentenceMax[s] ?? 0;
  const mean = summary.sentenceMean[s] ?? 0;
  // Distance to the nearest strong token on each side, within the sentence.
  let left = 0;
  while (i - left - 1 >= sa && probs[i - left - 1]! < 0.5) left++;
  let right = 0;
  while (i + right + 1 < sb && probs[i + right + 1]! < 0.5) right++;
  const leftStrong = i - left - 1 >= sa;
  const rightStrong = i + right + 1 < sb;
  return [
    'bias',
    `p0=${p0}`,
    `p-1=${at(i - 1)}`,
    `p+1=${at(i + 1)}`,
    `p-2=${at(i - 2)}`,
    `p+2=${at(i + 2)}`,
    `p-1p0p+1=${at(i - 1)}|${p0}|${at(i + 1)}`,
    `max=${probBin(max)}`,
    `mean=${probBin(mean * 2)}`,
    `sent=${probBin(sentenceProb)}`,
    `p0|sent=${p0}|${probBin(sentenceProb)}`,
    `p0|pos=${p0}|${tok.pos}`,
    `between=${leftStrong && rightStrong ? Math.min(4, left + right) : 'no'}`,
    `dl=${leftStrong ? Math.min(5, left) : 'x'}|${tok.pos}`,
    `dr=${rightStrong ? Math.min(5, right) : 'x'}|${tok.pos}`,
    `q=${ctx.quoted[i] ? 1 : 0}|${p0}`,
    `doc=${doc}`,
    `p0|doc=${p0}|${doc}`,
    `sprev=${prev}`,
    `snext=${next}`,
  ];
}

/** Features of token i for the span tagger. */
export function tokenFeatures(ctx: FeatureContext, i: number, sentenceProb?: number): string[] {
  const { tokens } = ctx;
  const tok = tokens[i]!;
  const [sa, sb] = ctx.sentenceTokens[tok.sentence] ?? [0, tokens.length];
  const inSent = (k: number) => (k >= sa && k < sb ? tokens[k] : undefined);
  const p2 = inSent(i - 2), p1 = inSent(i - 1), n1 = inSent(i + 1), n2 = inSent(i + 2);
  const w0 = norm(tok, '');
  const f: string[] = [
    'bias',
    `w=${w0}`,
    `l=${lemma(tok, '')}`,
    `p=${tok.pos}`,
    `sh=${shape(tok.text)}`,
    `w-1=${norm(p1, '<s>')}`,
    `w+1=${norm(n1, '</s>')}`,
    `l-2=${lemma(p2, '<s>')}`,
    `l+2=${lemma(n2, '</s>')}`,
    `p-1=${p1?.pos ?? '<s>'}`,
    `p+1=${n1?.pos ?? '</s>'}`,
    `p-2=${p2?.pos ?? '<s>'}`,
    `p+2=${n2?.pos ?? '</s>'}`,
    `pp=${p1?.pos ?? '<s>'}|${tok.pos}`,
    `pn=${tok.pos}|${n1?.pos ?? '</s>'}`,
    `ww-=${norm(p1, '<s>')}|${w0}`,
    `ww+=${w0}|${norm(n1, '</s>')}`,
  ];
  const len = sb - sa;
  const pos = i - sa;
  f.push(`slen=${bucket(len, [3, 6, 10, 15, 25, 40])}`);
  f.push(`spos=${pos === 0 ? 'first' : i === sb - 1 ? 'last' : Math.min(4, Math.floor((5 * pos) / Math.max(1, len)))}`);
  if (tok.sentence === 0) f.push('title');
  if (ctx.quoted[i]) f.push('quoted', `quoted|p=${tok.pos}`);
  if (tok.type === 'word' && /^\p{Lu}{2,}$/u.test(tok.text)) f.push('allcaps');
  if (tok.type === 'word' && pos > 0 && /^\p{Lu}\p{Ll}/u.test(tok.text) && tok.pos !== 'PROPN') f.push('midcap');

  const rep = ctx.lemmaCount.get(lemma(tok, '')) ?? 0;
  if (tok.type === 'word' && (tok.pos === 'NOUN' || tok.pos === 'ADJ' || tok.pos === 'VERB' || tok.pos === 'ADV' || tok.pos === 'PROPN')) {
    f.push(`rep=${bucket(rep, [1, 2, 4, 8])}|${tok.pos}`);
  }

  for (const h of ctx.hitsAt[i]!) {
    f.push(`lex=${h.technique}`, `lexid=${h.entryId}`, `lex=${h.technique}|${h.first === i ? 'B' : 'I'}`);
  }
  for (const k of [i - 2, i - 1, i + 1, i + 2]) {
    if (!inSent(k)) continue;
    for (const h of ctx.hitsAt[k]!) f.push(`lexnear${k < i ? '-' : '+'}=${h.technique}`);
  }
  for (const t of ctx.sentenceHits[tok.sentence] ?? []) f.push(`slex=${t}`);
  const pol = ctx.polarity[i];
  if (pol) f.push(`pol=${pol}`, `pol=${pol}|${tok.pos}`);
  for (const k of [i - 2, i - 1, i + 1, i + 2]) {
    const near = inSent(k) ? ctx.polarity[k] : null;
    if (near) f.push(`polnear${k < i ? '-' : '+'}=${near}`);
  }
  f.push(`spol=${bucket(ctx.sentencePolar[tok.sentence] ?? 0, [0, 1, 2, 3])}`);

  const marks = ctx.sentenceMarks[tok.sentence];
  if (marks?.exclaim) f.push('s!');
  if (marks?.question) f.push('s?');
  if (sentenceProb !== undefined) {
    const bin = probBin(sentenceProb);
    f.push(`sp=${bin}`, `sp=${bin}|${tok.pos}`);
    if (ctx.hitsAt[i]!.length > 0) f.push(`sp=${bin}|lex`);
  }
  return f;
}

/** Features of a candidate span (tokens first..last-1) for the technique classifier. */
export function spanFeatures(ctx: FeatureContext, first: number, last: number): string[] {
  const { tokens, text } = ctx;
  const f: string[] = ['bias'];
  const n = last - first;
  f.push(`len=${bucket(n, [1, 2, 3, 5, 8, 12, 20, 35])}`);
  const words: string[] = [];
  for (let i = first; i < last; i++) {
    const t = tokens[i]!;
    const w = foldWord(t.text);
    words.push(w);
    f.push(`u=${lemmaOf(t)}`);
    if (i + 1 < last) f.push(`b=${w}|${foldWord(tokens[i + 1]!.text)}`);
  }
  f.push(`f=${words[0] ?? ''}`, `l=${words[words.length - 1] ?? ''}`);
  if (n <= 4) f.push(`pseq=${tokens.slice(first, last).map((t) => t.pos).join('_')}`);
  f.push(`fp=${tokens[first]?.pos}`, `lp=${tokens[last - 1]?.pos}`);

  const spanText = text.slice(tokens[first]!.start, tokens[last - 1]!.end);
  // Repetition: how often the span's own words recur in the document.
  const occurrences = countOccurrences(text.toLowerCase(), spanText.toLowerCase());
  f.push(`rep=${bucket(occurrences, [1, 2, 3, 5])}`, `rep=${bucket(occurrences, [1, 2, 3, 5])}|len=${bucket(n, [1, 2, 4])}`);
  let maxLemma = 0;
  for (let i = first; i < last; i++) {
    const t = tokens[i]!;
    if (t.type === 'word' && (t.pos === 'NOUN' || t.pos === 'ADJ' || t.pos === 'VERB' || t.pos === 'PROPN')) {
      maxLemma = Math.max(maxLemma, ctx.lemmaCount.get(lemmaOf(t)) ?? 0);
    }
  }
  f.push(`lrep=${bucket(maxLemma, [1, 2, 4, 8])}`);

  const inside = new Set<string>();
  for (const h of ctx.hits) {
    if (h.first >= first && h.last <= last) {
      inside.add(h.technique);
      f.push(`lexid=${h.entryId}`);
    }
  }
  for (const t of inside) f.push(`lex=${t}`);
  const si = tokens[first]!.sentence;
  for (const t of ctx.sentenceHits[si] ?? []) if (!inside.has(t)) f.push(`clex=${t}`);

  for (let i = first; i < last; i++) if (ctx.polarity[i]) f.push(`pol=${ctx.polarity[i]}`);
  if (/[!]/.test(spanText)) f.push('has!');
  if (/[?]/.test(spanText)) f.push('has?');
  if (/^["“‘«']/.test(spanText) || ctx.quoted[first]) f.push('quoted');
  if (/\p{Lu}{3,}/u.test(spanText) && spanText === spanText.toUpperCase()) f.push('allcaps');
  if (/\n/.test(spanText)) f.push('multiline');
  if (tokens.slice(first, last).some((t) => t.pos === 'PROPN')) f.push('propn');
  if (tokens.slice(first, last).some((t) => t.type === 'number' || t.pos === 'NUM')) f.push('num');
  if (tokens.slice(first, last).some((t) => t.pos === 'PRON' && /^(we|our|us)$/.test(t.text.toLowerCase()))) f.push('we');
  if (tokens.slice(first, last).some((t) => /^(you|your)$/.test(t.text.toLowerCase()))) f.push('you');

  const [sa, sb] = ctx.sentenceTokens[si] ?? [0, tokens.length];
  f.push(`cov=${bucket(Math.round((10 * n) / Math.max(1, sb - sa)), [2, 5, 8, 10])}`);
  if (first === sa) f.push('sstart');
  if (last === sb) f.push('send');
  f.push(`cb=${first > sa ? lemmaOf(tokens[first - 1]!) : '<s>'}`);
  f.push(`ca=${last < sb ? lemmaOf(tokens[last]!) : '</s>'}`);
  if (first - 2 >= sa) f.push(`cb2=${lemmaOf(tokens[first - 2]!)}`);
  if (si === 0) f.push('title');
  return f;
}

function countOccurrences(haystack: string, needle: string): number {
  if (needle.length === 0) return 0;
  let count = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) count++;
  return count;
}

/** Token index range [first, last) covering a character span; null when no token falls inside. */
export function tokenRange(tokens: readonly Token[], start: number, end: number): [number, number] | null {
  let first = -1;
  let last = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.end <= start) continue;
    if (t.start >= end) break;
    if (first < 0) first = i;
    last = i + 1;
  }
  return first < 0 ? null : [first, last];
}

/** Features of a proposed span for the span filter: how sure the tagger was, and what the span looks like. */
export function proposalFeatures(ctx: FeatureContext, first: number, last: number, probs: ArrayLike<number>, sentenceProb: number): string[] {
  const { tokens } = ctx;
  let sum = 0;
  let max = 0;
  let min = 1;
  let strong = 0;
  for (let i = first; i < last; i++) {
    const p = probs[i]!;
    sum += p;
    max = Math.max(max, p);
    min = Math.min(min, p);
    if (p >= 0.5) strong++;
  }
  const n = last - first;
  const mean = sum / n;
  const len = bucket(n, [1, 2, 3, 5, 8, 12, 20, 35]);
  const f = [
    'bias',
    `mean=${probBin(mean)}`,
    `max=${probBin(max)}`,
    `min=${probBin(min)}`,
    `len=${len}`,
    `mean|len=${probBin(mean)}|${len}`,
    `strong=${bucket(strong, [0, 1, 2, 4, 8])}`,
    `sent=${probBin(sentenceProb)}`,
    `fp=${tokens[first]!.pos}`,
    `lp=${tokens[last - 1]!.pos}`,
    `fw=${foldWord(tokens[first]!.text)}`,
    `lw=${foldWord(tokens[last - 1]!.text)}`,
  ];
  const [sa, sb] = ctx.sentenceTokens[tokens[first]!.sentence] ?? [0, tokens.length];
  if (first === sa) f.push('sstart');
  if (last === sb) f.push('send');
  if (ctx.quoted[first]) f.push('quoted');
  const techniques = new Set<string>();
  for (const h of ctx.hits) if (h.first >= first && h.last <= last) techniques.add(h.technique);
  for (const t of techniques) f.push(`lex=${t}`);
  if (techniques.size === 0) f.push('nolex');
  let polar = 0;
  for (let i = first; i < last; i++) if (ctx.polarity[i]) polar++;
  f.push(`pol=${bucket(polar, [0, 1, 2])}`);
  return f;
}
