import winkNLP from 'wink-nlp';
import { LexemeForms } from './lexeme-forms.js';
import { winkModel } from './wink-model.js';

export type Nlp = ReturnType<typeof winkNLP>;
type WinkDoc = ReturnType<Nlp['readDoc']>;

/** The part of wink-nlp's core model that grows as documents are read. */
interface LexemeTable {
  hash: Record<string, number>;
  list: string[];
}

interface CoreModel {
  features: { lexeme: LexemeTable };
  lexicon: Uint32Array;
  packing: { size: number; layout: Record<string, [number, number, number]> };
}

interface Engine {
  nlp: Nlp;
  lexemes: LexemeTable;
  intrinsic: number;
  contractions: ReadonlySet<string>;
  /** What wink-nlp made of each word it learnt from an earlier document, for `relearn`. */
  learnt: Map<string, LearntWord>;
  /** The words of the document being read that were taken back from `learnt`, forgotten with it. */
  relearnt: string[];
  /** The spine's forms of each lexeme this engine's documents held, by lexeme index. */
  forms: LexemeForms;
}

/** wink-nlp's per-engine cache of lexemes: `add` files a token's text, learning it if new. */
interface LexemeCache {
  add(text: string, category: number): number;
}

/** One learnt word: its lexicon row, and the row of its lower-case form that row points to. */
interface LearntWord {
  category: number;
  index: number;
  normIndex: number;
  /** Whether the lower-case form was learnt together with it (so its row was made from this word). */
  normLearnt: boolean;
}

/**
 * After this many words learnt from documents, the engine is rebuilt: forgotten
 * words still hold slots in wink-nlp's private arrays (and in `learnt`), so a
 * long-running server would otherwise grow without bound; `relearn` keeps the growth
 * to words no earlier document taught. Rebuilding costs about 100 ms.
 */
const MAX_LEARNT_WORDS = 200_000;

/**
 * The parts of wink-nlp's pipeline whose results the text model reads: sentences,
 * part-of-speech tags (with lemmas) and entities. Negation and sentiment are left out
 * (nothing reads them, and neither changes a tag), and so are custom entities (none are learnt).
 */
const PIPE = ['sbd', 'pos', 'ner'];

let engine: Engine | undefined;

function createEngine(): Engine {
  let core: CoreModel | undefined;
  const learnt = new Map<string, LearntWord>();
  const relearnt: string[] = [];
  // wink-nlp reads a fresh core model through `core()`; keeping a handle on it is the
  // only way to reach the lexicon it grows. Its lexeme cache is reached the same way: the
  // cache hands itself to the feature functions when it learns a word.
  const model = winkModel();
  const wrapped = {
    ...model,
    core: () => (core = (model.core as () => typeof core)()),
    featureFn: (config: unknown) => onFirstCall((model.featureFn as (config: unknown) => FeatureFunctions)(config), (cache) => relearn(cache, core!.features.lexeme, learnt, relearnt)),
  } as typeof model;
  const nlp = winkNLP(wrapped, PIPE);
  if (!core) throw new Error('wink-nlp did not load its core model');
  const { lexeme } = core.features;
  return { nlp, lexemes: lexeme, intrinsic: lexeme.list.length, contractions: contractionsOf(core), learnt, relearnt, forms: new LexemeForms() };
}

type FeatureFunctions = Record<string, (text: string, category: number, cache: LexemeCache) => unknown>;

/** The feature functions, which hand the cache that calls them to `use` once, then run as they are. */
function onFirstCall(features: FeatureFunctions, use: (cache: LexemeCache) => void): FeatureFunctions {
  const originals = { ...features };
  for (const [name, original] of Object.entries(originals)) {
    if (typeof original !== 'function') continue;
    features[name] = (text, category, cache) => {
      Object.assign(features, originals);
      use(cache);
      return original(text, category, cache);
    };
  }
  return features;
}

/**
 * Makes the cache take a word back, rather than learn it again, when an earlier document
 * taught it and the document being read has not: its row (features and the pointer to its
 * lower-case form) is still in wink-nlp's arrays, where `forgetSince` left it. Learning it
 * again cost about a fifth of wink-nlp's own time and grew the arrays with every document.
 * The row is taken back only when learning afresh would make the same one: the same
 * category, and a lower-case form that is the same row now or is unknown and was learnt
 * with it, so the document reads as it would after a fresh start.
 */
function relearn(cache: LexemeCache, lexemes: LexemeTable, learnt: Map<string, LearntWord>, relearnt: string[]): void {
  const learn = cache.add;
  cache.add = (text, category) => {
    const { hash } = lexemes;
    if (hash[text] !== undefined) return learn(text, category);
    const norm = text.toLowerCase();
    const word = learnt.get(text);
    if (word && word.category === category) {
      const normNow = hash[norm];
      if (norm === text || normNow === word.normIndex || (normNow === undefined && word.normLearnt)) {
        hash[text] = word.index;
        relearnt.push(text);
        if (norm !== text && normNow === undefined) {
          hash[norm] = word.normIndex;
          relearnt.push(norm);
        }
        return word.index;
      }
    }
    const normLearnt = norm !== text && hash[norm] === undefined;
    const index = learn(text, category);
    learnt.set(text, { category, index, normIndex: hash[norm]!, normLearnt });
    return index;
  };
}

/** The words wink-nlp's lexicon marks as contractions ("cannot", "don't", ...). */
function contractionsOf(core: CoreModel): Set<string> {
  const [word, mask, shift] = core.packing.layout['isContraction']!;
  const { size } = core.packing;
  const { list } = core.features.lexeme;
  const out = new Set<string>();
  for (let i = 0; i < list.length; i++) if ((core.lexicon[word + i * size]! & mask) >>> shift) out.add(list[i]!);
  return out;
}

/**
 * Whether wink-nlp left a contraction of its lexicon whole ("who cannot." at a line
 * end). Its lemma is then read through a pointer meant for the expansion, and comes
 * out null or as whatever word the lexicon holds there: callers use the normal form.
 */
export function isUnexpandedContraction(surface: string, contractionFlag: boolean): boolean {
  return !contractionFlag && getEngine().contractions.has(surface);
}

function getEngine(): Engine {
  if (!engine || engine.lexemes.list.length - engine.intrinsic > MAX_LEARNT_WORDS) engine = createEngine();
  return engine;
}

/** The shared wink-nlp instance (its `its` helpers and model), loaded on first use. */
export function winkNlp(): Nlp {
  return getEngine().nlp;
}

/** What `withWinkDoc` hands over of the engine that read the document: its lexicon's contractions and its lexemes' forms (lexeme-forms.ts). */
export interface WinkReader {
  contractions: ReadonlySet<string>;
  forms: LexemeForms;
}

/**
 * Reads one document with wink-nlp and hands it to `use`, then makes wink-nlp forget
 * every word it learnt from it. wink-nlp adds each unknown word to its lexicon, and a
 * word it knows is tokenised and tagged differently in later documents ("Donald's,"
 * stays one token): without forgetting, results would depend on what the process read
 * before. A word an earlier document taught is taken back rather than learnt again
 * (see `relearn`), and forgotten again here. `use` must read everything it needs from
 * the document before returning, since lemmas and other properties are computed on
 * demand from that lexicon.
 */
export function withWinkDoc<T>(text: string, use: (doc: WinkDoc, nlp: Nlp, reader: WinkReader) => T): T {
  const { nlp, lexemes, relearnt, contractions, forms } = getEngine();
  const known = lexemes.list.length;
  try {
    return use(nlp.readDoc(text), nlp, { contractions, forms });
  } finally {
    forgetSince(lexemes, known);
    forgetRelearnt(lexemes, relearnt);
  }
}

/**
 * Drops the words at `list[from..]` from the lookup hash. The list itself keeps them:
 * wink-nlp's private arrays of learnt-word features are indexed in step with it.
 */
function forgetSince(lexemes: LexemeTable, from: number): void {
  const { hash, list } = lexemes;
  for (let i = from; i < list.length; i++) {
    const word = list[i]!;
    if (hash[word] === i) delete hash[word];
  }
}

/** Drops the words `relearn` took back for one document from the lookup hash, and empties the list. */
function forgetRelearnt(lexemes: LexemeTable, relearnt: string[]): void {
  for (const word of relearnt) delete lexemes.hash[word];
  relearnt.length = 0;
}
