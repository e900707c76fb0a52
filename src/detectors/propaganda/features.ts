import type { Span, Token, VoiceSpan } from '../../core/types.js';
import { voiceOfSpan } from '../../core/voice.js';
import { foldToken, lemmaOf, type Lexicon, type LexiconHit } from './lexicons.js';
import { partSymbol, StringSink, templates, type FeatureSink, type PartSymbol } from './feature-sink.js';
import { polarityBucket } from './sentiment.js';
import { tokenClusters, type WordClusters } from './clusters.js';
import { defaultWordTable } from '../../text/word-table.js';
import { partitionPoint } from '../../core/spans.js';
import { packedMap } from '../../core/packed.js';
import { lemmaNumbersOf, normNumbersOf, vocabularySize, WordCache, wordCacheLength, wordNumbersOf } from './vocabulary.js';

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
  /** Lexicon hits starting at each token, in `hits` order. */
  readonly hitsFrom: readonly (readonly LexiconHit[])[];
  /** Lexicon hits starting in each sentence, in `hits` order. */
  readonly sentenceHitList: readonly (readonly LexiconHit[])[];
  /** Each token's folded surface (`foldWord`) and folded lemma (`lemmaOf`), computed once. */
  readonly norms: readonly string[];
  readonly lemmas: readonly string[];
  /** The text lower-cased once, for repetition counts; null when lower-casing changes its length. */
  readonly lowerText: string | null;
  /** How often each token's lemma occurs in the document among its word tokens (repetition cue). */
  readonly lemmaCounts: Int32Array;
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
  /** Each token's row in the shared word table (-1: unknown word, or the model reads no word vectors). */
  readonly rows: Int32Array;
  /** Word-vector cluster of each token, coarse and fine (-1: unknown word or no clusters in the model). */
  readonly coarse: Int16Array;
  readonly fine: Int16Array;
  /** Whether each sentence has a reporting verb or "according to" (someone else's words). */
  readonly sentenceReport: readonly boolean[];
  /** The spine's voice map (author, quoted, reported), when the caller has one. */
  readonly voices: readonly VoiceSpan[] | null;
  /** Each token's POS tag as a feature part (`partSymbol`: written for every token, hashed once per process). */
  readonly posParts: readonly (PartSymbol | string)[];
}

/** The feature templates, numbered once so that a scoring sink finds each without a lookup. */
const T = templates([
  'len=',
  'u=',
  'sc=',
  'b=',
  'lex=',
  'lexid=',
  'spol=',
  'pol=',
  'p0=',
  'p-1=',
  'p+1=',
  'p-2=',
  'p+2=',
  'p-1p0p+1=',
  'max=',
  'mean=',
  'sent=',
  'p0|sent=',
  'p0|pos=',
  'between=',
  'dl=',
  'dr=',
  'q=',
  'doc=',
  'p0|doc=',
  'sprev=',
  'snext=',
  'nn=',
  'nn|p=',
  'nn-1=',
  'nn+1=',
  'w=',
  'l=',
  'p=',
  'sh=',
  'c=',
  'cf=',
  'cf|p=',
  'c-1=',
  'c+1=',
  'pp=',
  'pn=',
  'ww-=',
  'ww+=',
  'slen=',
  'spos=',
  'quoted|p=',
  'report|q=',
  'rep=',
  'slex=',
  'sp=',
  'lexnear-=',
  'lexnear+=',
  'polnear-=',
  'polnear+=',
  'w-1=',
  'w+1=',
  'l-2=',
  'l+2=',
  'wn=',
  'wn|p0=',
  'wn-1=',
  'wn+1=',
  'wnmax=',
] as const);

/** Lemmas that mark reported speech: the words may be a source's, not the author's. */
const REPORTING = new Set(['say', 'said', 'says', 'tell', 'told', 'claim', 'state', 'declare', 'warn', 'write', 'according', 'insist', 'argue', 'explain', 'add', 'note', 'announce']);

/** The lexicon hits of a token that has none, shared by all such tokens (never pushed to: replaced on a token's first hit). */
const NO_HITS: LexiconHit[] = [];

const QUOTE_CHARS = new Set(['"', '“', '”', '‘', '’', '«', '»', "'"]);
const OPENING = new Set(['"', '“', '‘', '«', "'"]);

export function buildFeatureContext(
  text: string,
  tokens: readonly Token[],
  sentences: readonly Span[],
  lexicon: Lexicon,
  sentiment: ReadonlyMap<string, number> = new Map(),
  clusters: WordClusters | null = null,
  wordVectors = clusters !== null,
  voices: readonly VoiceSpan[] | null = null,
): FeatureContext {
  const norms = packedMap(tokens, foldToken);
  const lemmas = packedMap(tokens, lemmaOf);
  // The norms numbered by their tokens' word numbers, then the lemmas after the norms they mostly equal (see `lemmaNumbersOf`).
  normNumbersOf(norms, tokens);
  lemmaNumbersOf(lemmas, norms, tokens);
  const hits = lexicon.match(tokens, { norms, lemmas });
  // Most tokens have no hit: they share one empty list instead of two fresh arrays each.
  const hitsAt = new Array<LexiconHit[]>(tokens.length).fill(NO_HITS);
  const hitsFrom = new Array<LexiconHit[]>(tokens.length).fill(NO_HITS);
  const sentenceHitList: LexiconHit[][] = packedMap(sentences, () => []);
  for (const h of hits) {
    for (let i = h.first; i < h.last; i++) {
      if (hitsAt[i] === NO_HITS) hitsAt[i] = [h];
      else hitsAt[i]!.push(h);
    }
    if (hitsFrom[h.first] === NO_HITS) hitsFrom[h.first] = [h];
    else hitsFrom[h.first]!.push(h);
    sentenceHitList[tokens[h.first]!.sentence]?.push(h);
  }
  const lower = text.toLowerCase();

  const lemmaCounts = countLemmas(tokens, lemmas);

  const sentenceTokens: [number, number][] = packedMap(sentences, () => [0, 0]);
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
  const quoted = packedMap(tokens, () => false);
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

  const sentenceHits = packedMap(sentenceHitList, (list) => new Set<string>(list.map((h) => h.technique)));

  const scores = sentimentOf(sentiment).of(norms);
  const polarity = packedMap(tokens, (t, i) => (t.type === 'word' ? polarityBucket(scores[i]!) : null));
  const sentencePolar = packedMap(sentences, () => 0);
  tokens.forEach((t, i) => {
    if (polarity[i] === 'neg2' || polarity[i] === 'pos2') sentencePolar[t.sentence] = (sentencePolar[t.sentence] ?? 0) + 1;
  });

  const sentenceMarks = packedMap(sentences, (sp) => {
    const body = text.slice(sp.start, sp.end);
    return { exclaim: body.includes('!'), question: body.includes('?') };
  });

  const { rows, coarse, fine } = tokenClusters(norms, wordVectors ? defaultWordTable() : null, clusters);
  const sentenceReport = packedMap(sentences, () => false);
  tokens.forEach((t, i) => {
    if ((t.pos === 'VERB' || norms[i] === 'according') && REPORTING.has(lemmas[i]!)) sentenceReport[t.sentence] = true;
  });

  return {
    posParts: packedMap(tokens, (t) => partSymbol(t.pos)),
    rows,
    coarse,
    fine,
    sentenceReport,
    voices,
    text,
    tokens,
    sentences,
    hits,
    hitsAt,
    hitsFrom,
    sentenceHitList,
    norms,
    lemmas,
    lowerText: lower.length === text.length ? lower : null,
    lemmaCounts,
    quoted,
    sentenceTokens,
    sentenceHits,
    polarity,
    sentencePolar,
    sentenceMarks,
  };
}

/** Each word's polarity score by word number, per sentiment table (a model's): looked up once per word and process. */
const sentimentCaches = new WeakMap<ReadonlyMap<string, number>, WordCache>();

function sentimentOf(table: ReadonlyMap<string, number>): WordCache {
  let cache = sentimentCaches.get(table);
  if (!cache) sentimentCaches.set(table, (cache = new WordCache((word) => table.get(word) ?? 0)));
  return cache;
}

/** Word counts by word number, zero between calls (only the counted entries are touched, and cleared after). */
let lemmaTally = new Int32Array(0);

/** How often each token's lemma occurs among the document's word tokens (0 for a token that is no word). */
function countLemmas(tokens: readonly Token[], lemmas: readonly string[]): Int32Array {
  const { ids } = wordNumbersOf(lemmas);
  if (lemmaTally.length < vocabularySize()) lemmaTally = new Int32Array(wordCacheLength());
  const tally = lemmaTally;
  for (let i = 0; i < tokens.length; i++) if (tokens[i]!.type === 'word') tally[ids[i]!]!++;
  const counts = new Int32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) if (tokens[i]!.type === 'word') counts[i] = tally[ids[i]!]!;
  for (let i = 0; i < tokens.length; i++) tally[ids[i]!] = 0;
  return counts;
}

function isQuoteMark(text: string, tok: Token): boolean {
  if (!QUOTE_CHARS.has(tok.text)) return false;
  if (tok.text !== "'" && tok.text !== '’') return true;
  // Guarded reads: a read past either end of the text deoptimises the caller that inlines this.
  const before = tok.start > 0 ? text[tok.start - 1]! : ' ';
  const after = tok.end < text.length ? text[tok.end]! : ' ';
  return !(/\p{L}/u.test(before) && /\p{L}/u.test(after));
}

/** Word shape: Xx, XX, x, d, p (punctuation), with runs collapsed. */
export function shape(word: string): string {
  // ASCII words (nearly all) by their character codes; the regexes below give the same answers.
  const n = word.length;
  let upper = n > 0;
  let ascii = true;
  for (let k = 0; k < n; k++) {
    const c = word.charCodeAt(k);
    if (c >= 128) {
      ascii = false;
      break;
    }
    if (c < 65 || c > 90) upper = false;
  }
  if (ascii) {
    if (upper) return n > 1 ? 'XX' : 'Xx';
    const c = n > 0 ? word.charCodeAt(0) : 0;
    return c >= 65 && c <= 90 ? 'Xx' : c >= 97 && c <= 122 ? 'x' : c >= 48 && c <= 57 ? 'd' : 'p';
  }
  if (/^\p{Lu}+$/u.test(word) && word.length > 1) return 'XX';
  if (/^\p{Lu}/u.test(word)) return 'Xx';
  if (/^\p{Ll}/u.test(word)) return 'x';
  if (/^\p{N}/u.test(word)) return 'd';
  return 'p';
}

/** `/^\p{Lu}{2,}$/u`, ASCII words by their character codes. */
export function isAllCaps(word: string): boolean {
  const n = word.length;
  if (n < 2) return false;
  for (let k = 0; k < n; k++) {
    const c = word.charCodeAt(k);
    if (c >= 128) return /^\p{Lu}{2,}$/u.test(word);
    if (c < 65 || c > 90) return false;
  }
  return true;
}

/** `/^\p{Lu}\p{Ll}/u`: a capital, then a small letter; ASCII starts by their character codes. */
export function isCapitalised(word: string): boolean {
  if (word.length < 2) return false;
  const a = word.charCodeAt(0), b = word.charCodeAt(1);
  if (!(a < 128 && b < 128)) return /^\p{Lu}\p{Ll}/u.test(word);
  return a >= 65 && a <= 90 && b >= 97 && b <= 122;
}

function bucket(n: number, edges: readonly number[]): string {
  for (const e of edges) if (n <= e) return `<=${e}`;
  return `>${edges[edges.length - 1]}`;
}

/** A bin as `bucket` writes it, as a part symbol, for the bins written for every token or sentence. */
class Buckets {
  private readonly parts: readonly (PartSymbol | string)[];
  constructor(private readonly edges: readonly number[]) {
    this.parts = [...edges.map((e) => partSymbol(`<=${e}`)), partSymbol(`>${edges[edges.length - 1]}`)];
  }
  of(n: number): PartSymbol | string {
    const { edges } = this;
    for (let k = 0; k < edges.length; k++) if (n <= edges[k]!) return this.parts[k]!;
    return this.parts[edges.length]!;
  }
}

/** Parts written for nearly every token, as part symbols: a scoring sink reads their slot instead of hashing the text. */
const START = partSymbol('<s>');
const END = partSymbol('</s>');
const NONE = partSymbol('x');
const FIRST = partSymbol('first');
const LAST = partSymbol('last');


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
  const sink = new StringSink();
  emitSentenceFeatures(ctx, s, sink);
  return sink.out;
}

export function emitSentenceFeatures(ctx: FeatureContext, s: number, f: FeatureSink): void {
  const { tokens } = ctx;
  const [a, b] = ctx.sentenceTokens[s] ?? [0, 0];
  f.add('bias');
  f.add1(T['len='], SENTENCE_LEN_BINS.of(b - a));
  for (let i = a; i < b; i++) {
    const t = tokens[i]!;
    f.add1w(T['u='], ctx.lemmas, i);
    if (ctx.fine[i]! >= 0) f.add1(T['sc='], ctx.fine[i]!);
    if (i + 1 < b) f.add2ww(T['b='], ctx.norms, i, ctx.norms, i + 1);
    if (t.type === 'word' && isAllCaps(t.text)) f.add('allcaps');
    if (ctx.quoted[i]) f.add('quoted');
  }
  for (const h of ctx.sentenceHitList[s] ?? []) {
    f.add1(T['lex='], h.technique);
    f.add1(T['lexid='], h.entryId);
  }
  if (s === 0) f.add('title');
  f.add1(T['spol='], SPOL_BINS.of(ctx.sentencePolar[s] ?? 0));
  for (let i = a; i < b; i++) if (ctx.polarity[i]) f.add1(T['pol='], ctx.polarity[i]!);
  if (ctx.sentenceMarks[s]?.exclaim) f.add('s!');
  if (ctx.sentenceMarks[s]?.question) f.add('s?');
}

const SENTENCE_LEN_BINS = new Buckets([3, 6, 10, 15, 25, 40, 60]);

/** Per-sentence and per-article summaries of the first stage, computed once per document. */
export interface StackSummary {
  readonly docBin: number;
  readonly sentenceMax: Float64Array;
  readonly sentenceMean: Float64Array;
  /** Index of the nearest strong token (p >= 0.5) before / after each token within its sentence, -1 when none. */
  readonly strongBefore: Int32Array;
  readonly strongAfter: Int32Array;
  /** `fineBin` of each token's probability, binned once rather than by each of the five neighbours that read it. */
  readonly fine: Uint8Array;
  /** The window network's token probabilities as `fineBin`s, and their maximum per sentence; null when the model has no network. */
  readonly net: Uint8Array | null;
  readonly netMax: Float64Array | null;
}

const STRONG = 0.5;

export function summarizeStage(ctx: FeatureContext, probs: ArrayLike<number>, sentenceProbs: ArrayLike<number>, netProbs: ArrayLike<number> | null = null): StackSummary {
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
  // One pass each way instead of a scan from every token, which made a sentence of n
  // tokens cost n^2 (10^5 quotation marks took 33 s).
  const strongBefore = new Int32Array(ctx.tokens.length).fill(-1);
  const strongAfter = new Int32Array(ctx.tokens.length).fill(-1);
  for (const [a, b] of ctx.sentenceTokens) {
    let last = -1;
    for (let k = a; k < b; k++) {
      strongBefore[k] = last;
      if (probs[k]! >= STRONG) last = k;
    }
    last = -1;
    for (let k = b - 1; k >= a; k--) {
      strongAfter[k] = last;
      if (probs[k]! >= STRONG) last = k;
    }
  }
  const fine = new Uint8Array(ctx.tokens.length);
  for (let k = 0; k < fine.length; k++) fine[k] = fineBin(probs[k]!);
  let net: Uint8Array | null = null;
  let netMax: Float64Array | null = null;
  if (netProbs) {
    net = new Uint8Array(ctx.tokens.length);
    netMax = new Float64Array(ctx.sentences.length);
    for (let k = 0; k < net.length; k++) {
      net[k] = fineBin(netProbs[k]!);
      const s = ctx.tokens[k]!.sentence;
      if (netProbs[k]! > netMax[s]!) netMax[s] = netProbs[k]!;
    }
  }
  return { docBin: probBin((2 * docSum) / Math.max(1, sentenceProbs.length)), sentenceMax, sentenceMean, strongBefore, strongAfter, fine, net, netMax };
}

/** The first stage's fine bin of token k, NONE outside its sentence's tokens [sa, sb) (a function, not a closure made per token). */
function fineAt(summary: StackSummary, k: number, sa: number, sb: number): number | PartSymbol | string {
  return k >= sa && k < sb ? summary.fine[k]! : NONE;
}

/** Features of token i for the second tagger stage: the first stage's probabilities around it. */
export function stackFeatures(ctx: FeatureContext, i: number, probs: ArrayLike<number>, sentenceProbs: ArrayLike<number>, summary: StackSummary): string[] {
  const sink = new StringSink();
  emitStackFeatures(ctx, i, probs, sentenceProbs, summary, sink);
  return sink.out;
}

export function emitStackFeatures(ctx: FeatureContext, i: number, probs: ArrayLike<number>, sentenceProbs: ArrayLike<number>, summary: StackSummary, f: FeatureSink): void {
  const { tokens } = ctx;
  const tok = tokens[i]!;
  const s = tok.sentence;
  const sentenceProb = sentenceProbs[s] ?? 0;
  const doc = summary.docBin;
  const prev = s > 0 ? probBin(sentenceProbs[s - 1]!) : NONE;
  const next = s + 1 < sentenceProbs.length ? probBin(sentenceProbs[s + 1]!) : NONE;
  const range = ctx.sentenceTokens[s];
  const sa = range ? range[0] : 0;
  const sb = range ? range[1] : tokens.length;
  const p0 = fineAt(summary, i, sa, sb);
  const max = summary.sentenceMax[s] ?? 0;
  const mean = summary.sentenceMean[s] ?? 0;
  // Distance to the nearest strong token on each side, within the sentence.
  const before = summary.strongBefore[i] ?? -1;
  const after = summary.strongAfter[i] ?? -1;
  const leftStrong = before >= 0;
  const rightStrong = after >= 0;
  const left = leftStrong ? i - before - 1 : 0;
  const right = rightStrong ? after - i - 1 : 0;
  f.add('bias');
  f.add1(T['p0='], p0);
  f.add1(T['p-1='], fineAt(summary, i - 1, sa, sb));
  f.add1(T['p+1='], fineAt(summary, i + 1, sa, sb));
  f.add1(T['p-2='], fineAt(summary, i - 2, sa, sb));
  f.add1(T['p+2='], fineAt(summary, i + 2, sa, sb));
  f.add3(T['p-1p0p+1='], fineAt(summary, i - 1, sa, sb), p0, fineAt(summary, i + 1, sa, sb));
  f.add1(T['max='], probBin(max));
  f.add1(T['mean='], probBin(mean * 2));
  f.add1(T['sent='], probBin(sentenceProb));
  f.add2(T['p0|sent='], p0, probBin(sentenceProb));
  f.add2(T['p0|pos='], p0, ctx.posParts[i]!);
  f.add1(T['between='], leftStrong && rightStrong ? Math.min(4, left + right) : 'no');
  f.add2(T['dl='], leftStrong ? Math.min(5, left) : NONE, ctx.posParts[i]!);
  f.add2(T['dr='], rightStrong ? Math.min(5, right) : NONE, ctx.posParts[i]!);
  f.add2(T['q='], ctx.quoted[i] ? 1 : 0, p0);
  f.add1(T['doc='], doc);
  f.add2(T['p0|doc='], p0, doc);
  f.add1(T['sprev='], prev);
  f.add1(T['snext='], next);
  // The window network over word meaning (window-net.ts): what the linear tagger's words miss.
  const net = summary.net;
  if (net) {
    const wn = net[i]!;
    f.add1(T['wn='], wn);
    f.add2(T['wn|p0='], wn, p0);
    f.add1(T['wn-1='], i - 1 >= sa ? net[i - 1]! : NONE);
    f.add1(T['wn+1='], i + 1 < sb ? net[i + 1]! : NONE);
    f.add1(T['wnmax='], probBin(summary.netMax![s]!));
  }
}

/** Features of token i for the span tagger. */
export function tokenFeatures(ctx: FeatureContext, i: number, sentenceProb?: number, netProbs?: ArrayLike<number> | null): string[] {
  const sink = new StringSink();
  emitTokenFeatures(ctx, i, sentenceProb, sink, netProbs);
  return sink.out;
}

/** `netProbs`: the window network's token probabilities, when the model has one. */
export function emitTokenFeatures(ctx: FeatureContext, i: number, sentenceProb: number | undefined, f: FeatureSink, netProbs?: ArrayLike<number> | null): void {
  const { tokens } = ctx;
  const tok = tokens[i]!;
  const range = ctx.sentenceTokens[tok.sentence];
  // Plain numbers and no closures: this runs for every token, and each closure was an object.
  const sa = range ? range[0] : 0;
  const sb = range ? range[1] : tokens.length;
  const p2 = i - 2 >= sa, p1 = i - 1 >= sa, n1 = i + 1 < sb, n2 = i + 2 < sb;
  const { norms, lemmas, posParts } = ctx;
  const pos0 = posParts[i]!;
  f.add('bias');
  if (netProbs) {
    const nb = fineBin(netProbs[i]!);
    f.add1(T['nn='], nb);
    f.add2(T['nn|p='], nb, pos0);
    f.add1(T['nn-1='], i - 1 >= sa ? fineBin(netProbs[i - 1]!) : NONE);
    f.add1(T['nn+1='], i + 1 < sb ? fineBin(netProbs[i + 1]!) : NONE);
  }
  f.add1w(T['w='], norms, i);
  f.add1w(T['l='], lemmas, i);
  f.add1(T['p='], pos0);
  f.add1(T['sh='], shape(tok.text));
  const c0 = ctx.coarse[i]!;
  if (c0 >= 0) {
    f.add1(T['c='], c0);
    f.add1(T['cf='], ctx.fine[i]!);
    f.add2(T['cf|p='], ctx.fine[i]!, pos0);
  }
  if (p1 && ctx.coarse[i - 1]! >= 0) f.add1(T['c-1='], ctx.coarse[i - 1]!);
  if (n1 && ctx.coarse[i + 1]! >= 0) f.add1(T['c+1='], ctx.coarse[i + 1]!);
  // Word parts go through add1w / add2ww, so a scoring sink looks each word up once per process.
  if (p1) f.add1w(T['w-1='], norms, i - 1);
  else f.add1(T['w-1='], START);
  if (n1) f.add1w(T['w+1='], norms, i + 1);
  else f.add1(T['w+1='], END);
  if (p2) f.add1w(T['l-2='], lemmas, i - 2);
  else f.add1(T['l-2='], START);
  if (n2) f.add1w(T['l+2='], lemmas, i + 2);
  else f.add1(T['l+2='], END);
  f.add1(T['p-1='], p1 ? posParts[i - 1]! : START);
  f.add1(T['p+1='], n1 ? posParts[i + 1]! : END);
  f.add1(T['p-2='], p2 ? posParts[i - 2]! : START);
  f.add1(T['p+2='], n2 ? posParts[i + 2]! : END);
  f.add2(T['pp='], p1 ? posParts[i - 1]! : START, pos0);
  f.add2(T['pn='], pos0, n1 ? posParts[i + 1]! : END);
  if (i - 1 >= sa) f.add2ww(T['ww-='], norms, i - 1, norms, i);
  else f.add2(T['ww-='], START, norms[i]!);
  if (i + 1 < sb) f.add2ww(T['ww+='], norms, i, norms, i + 1);
  else f.add2(T['ww+='], norms[i]!, END);
  const len = sb - sa;
  const pos = i - sa;
  f.add1(T['slen='], SLEN_BINS.of(len));
  f.add1(T['spos='], pos === 0 ? FIRST : i === sb - 1 ? LAST : Math.min(4, Math.floor((5 * pos) / Math.max(1, len))));
  if (tok.sentence === 0) f.add('title');
  if (ctx.quoted[i]) {
    f.add('quoted');
    f.add1(T['quoted|p='], pos0);
  }
  if (ctx.sentenceReport[tok.sentence]) f.add1(T['report|q='], ctx.quoted[i] ? 1 : 0);
  if (tok.type === 'word' && isAllCaps(tok.text)) f.add('allcaps');
  if (tok.type === 'word' && pos > 0 && isCapitalised(tok.text) && tok.pos !== 'PROPN') f.add('midcap');

  if (tok.type === 'word' && (tok.pos === 'NOUN' || tok.pos === 'ADJ' || tok.pos === 'VERB' || tok.pos === 'ADV' || tok.pos === 'PROPN')) {
    const rep = ctx.lemmaCounts[i]!;
    f.add2(T['rep='], REP_BINS.of(rep), pos0);
  }

  for (const h of ctx.hitsAt[i]!) {
    f.add1(T['lex='], h.technique);
    f.add1(T['lexid='], h.entryId);
    f.add2(T['lex='], h.technique, h.first === i ? 'B' : 'I');
  }
  for (let d = 0; d < NEAR.length; d++) {
    const k = i + NEAR[d]!;
    if (k < sa || k >= sb) continue;
    for (const h of ctx.hitsAt[k]!) f.add1(k < i ? T['lexnear-='] : T['lexnear+='], h.technique);
  }
  for (const t of ctx.sentenceHits[tok.sentence] ?? []) f.add1(T['slex='], t);
  const pol = ctx.polarity[i];
  if (pol) {
    f.add1(T['pol='], pol);
    f.add2(T['pol='], pol, pos0);
  }
  for (let d = 0; d < NEAR.length; d++) {
    const k = i + NEAR[d]!;
    const near = k >= sa && k < sb ? ctx.polarity[k] : null;
    if (near) f.add1(k < i ? T['polnear-='] : T['polnear+='], near);
  }
  f.add1(T['spol='], SPOL_BINS.of(ctx.sentencePolar[tok.sentence] ?? 0));

  const marks = ctx.sentenceMarks[tok.sentence];
  if (marks?.exclaim) f.add('s!');
  if (marks?.question) f.add('s?');
  if (sentenceProb !== undefined) {
    const bin = probBin(sentenceProb);
    f.add1(T['sp='], bin);
    f.add2(T['sp='], bin, pos0);
    if (ctx.hitsAt[i]!.length > 0) f.add2(T['sp='], bin, 'lex');
  }
}

const NEAR = [-2, -1, 1, 2];
const SLEN_BINS = new Buckets([3, 6, 10, 15, 25, 40]);
const REP_BINS = new Buckets([1, 2, 4, 8]);
const SPOL_BINS = new Buckets([0, 1, 2, 3]);

/** Features of a candidate span (tokens first..last-1) for the technique classifier. */
export function spanFeatures(ctx: FeatureContext, first: number, last: number): string[] {
  const { tokens, text } = ctx;
  const f: string[] = ['bias'];
  const n = last - first;
  f.push(`len=${bucket(n, [1, 2, 3, 5, 8, 12, 20, 35])}`);
  const words: string[] = [];
  for (let i = first; i < last; i++) {
    const w = ctx.norms[i]!;
    words.push(w);
    f.push(`u=${ctx.lemmas[i]}`);
    if (ctx.fine[i]! >= 0) f.push(`uc=${ctx.fine[i]}`, `ucc=${ctx.coarse[i]}`);
    if (i + 1 < last) f.push(`b=${w}|${ctx.norms[i + 1]}`);
  }
  f.push(`f=${words[0] ?? ''}`, `l=${words[words.length - 1] ?? ''}`);
  if (n <= 4) f.push(`pseq=${packedMap(tokens.slice(first, last), (t) => t.pos).join('_')}`);
  f.push(`fp=${tokens[first]?.pos}`, `lp=${tokens[last - 1]?.pos}`);

  const spanStart = tokens[first]!.start;
  const spanEnd = tokens[last - 1]!.end;
  const spanText = text.slice(spanStart, spanEnd);
  // Repetition: how often the span's own words recur near it (see REPETITION_WINDOW).
  const occurrences = countNearby(ctx, spanStart, spanEnd);
  f.push(`rep=${bucket(occurrences, [1, 2, 3, 5])}`, `rep=${bucket(occurrences, [1, 2, 3, 5])}|len=${bucket(n, [1, 2, 4])}`);
  let maxLemma = 0;
  for (let i = first; i < last; i++) {
    const t = tokens[i]!;
    if (t.type === 'word' && (t.pos === 'NOUN' || t.pos === 'ADJ' || t.pos === 'VERB' || t.pos === 'PROPN')) {
      maxLemma = Math.max(maxLemma, ctx.lemmaCounts[i]!);
    }
  }
  f.push(`lrep=${bucket(maxLemma, [1, 2, 4, 8])}`);

  const inside = new Set<string>();
  for (const h of hitsWithin(ctx, first, last)) {
    inside.add(h.technique);
    f.push(`lexid=${h.entryId}`);
    // A cue that opens the span ("Everyone knows …", "What about …") frames all of it.
    if (h.first <= first + 1) f.push(`lexstart=${h.technique}`);
  }
  for (const t of inside) f.push(`lex=${t}`);
  if (inside.size === 1) for (const t of inside) f.push(`lexonly=${t}`);
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
  f.push(`cb=${first > sa ? ctx.lemmas[first - 1] : '<s>'}`);
  f.push(`ca=${last < sb ? ctx.lemmas[last] : '</s>'}`);
  if (first - 2 >= sa) f.push(`cb2=${ctx.lemmas[first - 2]}`);
  if (si === 0) f.push('title');
  // Context: the sentence's words around the span (by meaning, and the nearest ones by
  // lemma), and whose words these are: a quoted source's (reported speech) or the author's.
  for (let i = sa; i < sb; i++) {
    if (i >= first && i < last) continue;
    if (ctx.fine[i]! >= 0 && (tokens[i]!.pos === 'NOUN' || tokens[i]!.pos === 'VERB' || tokens[i]!.pos === 'ADJ')) f.push(`sc=${ctx.coarse[i]}`);
    if (Math.abs(i - first) <= 4 || Math.abs(i - last) <= 3) f.push(`sw=${ctx.lemmas[i]}`);
  }
  const quoted = ctx.quoted[first] || /^["“‘«']/.test(spanText);
  const report = ctx.sentenceReport[si] ?? false;
  f.push(`voice=${quoted ? 'q' : 'a'}${report ? 'r' : ''}`);
  for (const t of inside) f.push(`lex=${t}|voice=${quoted ? 'q' : 'a'}${report ? 'r' : ''}`);
  // The spine's voice, which knows speakers and reported speech across sentences: a quoted
  // official's appeal to authority is the official's, not the author's.
  if (ctx.voices) {
    const spine = voiceOfSpan(ctx.voices, spanStart, spanEnd);
    f.push(`spine=${spine}`);
    for (const t of inside) f.push(`lex=${t}|spine=${spine}`);
    f.push(`spine=${spine}|len=${bucket(n, [2, 5, 12])}`);
  }
  return f;
}

/**
 * Repetition is counted within this many characters either side of a span (about
 * 8,000 words, longer than any PTC article), so each span costs a bounded scan and a
 * long document stays linear instead of every span scanning all of it.
 */
export const REPETITION_WINDOW = 50_000;

/** Non-overlapping case-insensitive occurrences of text[start, end) within the window around it. */
function countNearby(ctx: FeatureContext, start: number, end: number): number {
  const from = Math.max(0, start - REPETITION_WINDOW);
  const to = Math.min(ctx.text.length, end + REPETITION_WINDOW);
  const lower = ctx.lowerText;
  const haystack = lower !== null ? lower.slice(from, to) : ctx.text.slice(from, to).toLowerCase();
  const needle = lower !== null ? lower.slice(start, end) : ctx.text.slice(start, end).toLowerCase();
  if (needle.length === 0) return 0;
  let count = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) count++;
  return count;
}

/** Lexicon hits that lie wholly within tokens [first, last), in `ctx.hits` order. */
export function hitsWithin(ctx: FeatureContext, first: number, last: number): LexiconHit[] {
  const out: LexiconHit[] = [];
  for (let i = first; i < last; i++) for (const h of ctx.hitsFrom[i] ?? []) if (h.last <= last) out.push(h);
  return out;
}

/** Token index range [first, last) covering a character span; null when no token falls inside. */
export function tokenRange(tokens: readonly Token[], start: number, end: number): [number, number] | null {
  // Tokens are sorted and disjoint, so their ends rise too: binary search for the first
  // token ending after `start`.
  const lo = partitionPoint(tokens.length, (mid) => tokens[mid]!.end <= start);
  if (lo >= tokens.length || tokens[lo]!.start >= end) return null;
  let last = lo + 1;
  while (last < tokens.length && tokens[last]!.start < end) last++;
  return [lo, last];
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
    `fw=${ctx.norms[first]}`,
    `lw=${ctx.norms[last - 1]}`,
  ];
  const [sa, sb] = ctx.sentenceTokens[tokens[first]!.sentence] ?? [0, tokens.length];
  if (first === sa) f.push('sstart');
  if (last === sb) f.push('send');
  if (ctx.quoted[first]) f.push('quoted');
  const techniques = new Set<string>();
  for (const h of hitsWithin(ctx, first, last)) techniques.add(h.technique);
  for (const t of techniques) f.push(`lex=${t}`);
  if (techniques.size === 0) f.push('nolex');
  let polar = 0;
  for (let i = first; i < last; i++) if (ctx.polarity[i]) polar++;
  f.push(`pol=${bucket(polar, [0, 1, 2])}`);
  return f;
}
