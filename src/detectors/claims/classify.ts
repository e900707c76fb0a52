import type { AnalyzedDocument } from '../../core/document.js';
import type { ClaimPart, Entity, Span, Token } from '../../core/types.js';
import type { CompiledCue } from './cues.js';
import type { ClaimModel } from './model.js';
import type { PartExtractor } from './parts/index.js';
import type { SentenceScore } from './scorer.js';
import { emitSentenceFeatures, sentenceFeatures, type SentenceFeatures } from './features.js';
import { hashesFor, hasMeaning, MEANING_FEATURE, scoreHashes, sourceName, type ScoredFeature } from './model.js';
import type { FeatureHashes } from './hashed.js';
import type { ClaimWords } from './words.js';
import { articleContext } from './context.js';
import { explainHashed } from './explain.js';
import { BYLINE } from '../../text/byline.js';
import { exhortation } from './exhortation.js';

export interface SentenceVerdict extends SentenceScore {
  span: Span;
  parts: ClaimPart[];
  /** Why a sentence is ruled out whatever its score (a question, a prediction, nothing checkable), or null. */
  ruledOut: string | null;
  /** The explanation paragraph (explain.ts), for a sentence not ruled out when asked for with `explain: 'text'`. */
  explanation?: string;
}

export interface ClassifyOptions {
  model: ClaimModel;
  cues: readonly CompiledCue[];
  parts: PartExtractor;
  /** Which source's notion of check-worthiness to score with; the model's default when omitted. */
  domain?: string | undefined;
  /** Sentences scoring below it are ruled out at once, without looking for their parts (the slow step). */
  threshold?: number | undefined;
  /**
   * Name what each feature added (`contributions`) for the sentences not ruled out; true when
   * omitted. 'text': write the detector's explanation paragraph instead (`explanation`, with
   * `threshold`), from the hashes, without naming every feature.
   */
  explain?: boolean | 'text' | undefined;
}

/** A sentence (or clause) of a document with its own features, before context is added. */
export interface FeaturedUnit {
  span: Span;
  text: string;
  tokens: Token[];
  entities: Entity[];
  features: SentenceFeatures;
}

/** A sentence (or clause) of a document, before its features. */
interface Unit {
  span: Span;
  text: string;
  tokens: Token[];
  entities: Entity[];
}

/** Every sentence of a document, or each clause where a semicolon joins clauses that could stand alone. */
function documentUnits(doc: AnalyzedDocument): Unit[] {
  const tokensBySentence = groupTokens(doc.tokens, doc.sentences.length);
  let e = 0;
  return doc.sentences.flatMap((sentence, i) => clauses(sentence, tokensBySentence[i]!)).map(({ span, tokens }) => {
    // Sentences come in order, so one cursor walks the entities once.
    while (e < doc.entities.length && doc.entities[e]!.start < span.start) e++;
    const entities: Entity[] = [];
    for (let j = e; j < doc.entities.length && doc.entities[j]!.start < span.end; j++) if (doc.entities[j]!.end <= span.end) entities.push(doc.entities[j]!);
    return { span, text: doc.text.slice(span.start, span.end), tokens, entities };
  });
}

/** Every sentence of a document (or each clause, where a semicolon joins clauses that could stand alone) with its features. */
export function featureUnits(doc: AnalyzedDocument, cues: readonly CompiledCue[], words?: ClaimWords): FeaturedUnit[] {
  return documentUnits(doc).map((unit) => ({ ...unit, features: sentenceFeatures(unit, cues, words) }));
}

/**
 * Scores every sentence of a document (or each clause, where a semicolon joins clauses that
 * could stand alone) and says which ones cannot be claims and why.
 *
 * Scoring finds each feature's weights by its hashes (hashed.ts), never building its name;
 * the names are built only for a sentence that is not ruled out, to say what each feature
 * added. The score is the very sum the names path (scoreWeights) makes, term by term.
 */
export function classifySentences(doc: AnalyzedDocument, options: ClassifyOptions): SentenceVerdict[] {
  const { model, threshold, cues } = options;
  const domain = options.domain ?? model.header.defaultDomain;
  // Every sentence's own features go to one sink, one after the other; its context and the
  // source marker go to a second one, refilled per sentence, and are summed after them.
  const hashes = hashesFor(domain, 'sentences');
  const extra = hashesFor(domain, 'context');
  hashes.reset();
  const plain = documentUnits(doc);
  // Every unit's pooled word vectors in one array: one buffer per document, not one per sentence.
  const width = model.words ? 2 * model.words.table.dims : 0;
  const pooled = new Float32Array(plain.length * width);
  const units: ScoredUnit[] = plain.map((unit, k) => {
    const from = hashes.beginUnit();
    const { signals, dense } = emitSentenceFeatures(unit, cues, model.words, hashes, width > 0 ? pooled.subarray(k * width, (k + 1) * width) : undefined);
    return { span: unit.span, text: unit.text, tokens: unit.tokens, entities: unit.entities, features: { signals }, dense, from, to: hashes.count };
  });
  const context = model.header.context ? articleContext(doc, units) : null;
  const source = domain === model.header.defaultDomain ? null : sourceName(domain);
  const verdicts: SentenceVerdict[] = [];
  for (let i = 0; i < units.length; i++) {
    const { span, text, tokens, entities, dense, from, to } = units[i]!;
    const signals = units[i]!.features.signals;
    extra.reset();
    if (context !== null) for (const name of context[i]!) extra.append(name);
    if (source !== null) extra.append(source);
    const meaning = hasMeaning(model, dense);
    const length = to - from + extra.count + (meaning ? 1 : 0);
    if (scratch.length < length) scratch = new Float64Array(Math.max(length, 2 * scratch.length));
    const probability = scoreHashes(model, hashes, from, to, extra, dense, scratch);
    if (threshold !== undefined && probability < threshold) {
      verdicts.push({ span, parts: [], probability, signals, contributions: [], ruledOut: 'scored below the threshold' });
      continue;
    }
    const parts = options.parts(doc, span);
    const ruledOut = ruleOut(text, tokens, entities, signals, parts);
    const explain = ruledOut === null ? (options.explain ?? true) : false;
    const contributions = explain === true ? namedContributions(hashes, from, to, extra, scratch.subarray(0, length)) : [];
    const verdict: SentenceVerdict = { span, parts, probability, signals, contributions, ruledOut };
    if (explain === 'text') verdict.explanation = explainHashed(probability, threshold ?? model.header.threshold, signals, hashes, from, to, extra, scratch, meaning, parts);
    verdicts.push(verdict);
  }
  return verdicts;
}

interface ScoredUnit extends Unit {
  features: { signals: string[] };
  dense: Float32Array;
  /** The unit's entries in the sentences' sink: from..to. */
  from: number;
  to: number;
}

/** What each feature of a sentence added, reused from one sentence to the next (scoreHashes writes it). */
let scratch = new Float64Array(256);

/** What each feature of a sentence added, by name, in the order summed: its own, its context and source marker, then the pooled word vectors. */
function namedContributions(own: FeatureHashes, from: number, to: number, extra: FeatureHashes, weights: Float64Array): ScoredFeature[] {
  const contributions: ScoredFeature[] = [];
  let n = 0;
  for (let e = from; e < to; e++) contributions.push({ name: own.nameOf(e), weight: weights[n++]! });
  for (let e = 0; e < extra.count; e++) contributions.push({ name: extra.nameOf(e), weight: weights[n++]! });
  if (n < weights.length) contributions.push({ name: MEANING_FEATURE, weight: weights[n]! });
  return contributions;
}

/**
 * The definition, applied on top of the model: questions and predictions are not
 * claims, and a claim needs something to check. A future-tense sentence with a figure, a date
 * or a named actor ("the plan will cost $2bn") is kept: it states what a plan or law does,
 * which ClaimBuster annotators and fact-checkers treat as checkable; a bare forecast is not.
 * A byline is not a claim either.
 */
function ruleOut(text: string, tokens: readonly Token[], entities: readonly Entity[], signals: readonly string[], parts: readonly ClaimPart[]): string | null {
  const has = (s: string) => signals.includes(s);
  if (text.trimEnd().endsWith('?')) return 'a question';
  if (BYLINE.test(text) && text.split(/\s+/).length <= 14) return 'a byline';
  if (tokens.filter((t) => t.pos !== 'PUNCT').length < 4) return 'too short to assert anything';
  if (has('sig:future') && !has('sig:past') && !has('sig:present-perfect') && parts.length === 0 && !has('sig:number')) return 'a prediction';
  if (parts.length === 0 && !has('sig:number') && exhortation(tokens)) return 'a call to action';
  const anchored =
    parts.length > 0 ||
    entities.length > 0 ||
    ['sig:number', 'sig:past', 'sig:present-perfect', 'cue:causal', 'cue:institution-action', 'cue:comparison-quantity', 'cue:attribution'].some(has);
  if (!anchored) return 'nothing checkable (no date, number, name, past event, cause, comparison or institutional act)';
  return null;
}

const MIN_CLAUSE_WORDS = 4;

/** A sentence split at semicolons when every piece has at least four words; otherwise the sentence (its tokens, a group of its own, as they are). */
function clauses(sentence: Span, tokens: Token[]): { span: Span; tokens: Token[] }[] {
  if (!tokens.some((t) => t.text === ';')) return [{ span: sentence, tokens }];
  const pieces: Token[][] = [[]];
  for (const t of tokens) {
    if (t.text === ';') pieces.push([]);
    else pieces[pieces.length - 1]!.push(t);
  }
  const words = (ts: Token[]) => ts.filter((t) => t.pos !== 'PUNCT').length;
  if (pieces.length === 1 || pieces.some((p) => words(p) < MIN_CLAUSE_WORDS)) return [{ span: sentence, tokens: [...tokens] }];
  return pieces.map((p) => ({ span: { start: p[0]!.start, end: p[p.length - 1]!.end }, tokens: p }));
}

function groupTokens(tokens: readonly Token[], count: number): Token[][] {
  const groups: Token[][] = Array.from({ length: count }, () => []);
  for (const t of tokens) if (t.sentence >= 0 && t.sentence < count) groups[t.sentence]!.push(t);
  return groups;
}
