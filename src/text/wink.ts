import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

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
}

/**
 * After this many words learnt from documents, the engine is rebuilt: forgotten
 * words still hold slots in wink-nlp's private arrays, so a long-running server
 * would otherwise grow without bound. Rebuilding costs about 100 ms.
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
  // wink-nlp reads a fresh core model through `core()`; keeping a handle on it is the
  // only way to reach the lexicon it grows.
  const wrapped = { ...model, core: () => (core = (model.core as () => typeof core)()) } as typeof model;
  const nlp = winkNLP(wrapped, PIPE);
  if (!core) throw new Error('wink-nlp did not load its core model');
  return { nlp, lexemes: core.features.lexeme, intrinsic: core.features.lexeme.list.length, contractions: contractionsOf(core) };
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

/** The contractions of wink-nlp's lexicon, for `isUnexpandedContraction` over a whole document. */
export function lexiconContractions(): ReadonlySet<string> {
  return getEngine().contractions;
}

function getEngine(): Engine {
  if (!engine || engine.lexemes.list.length - engine.intrinsic > MAX_LEARNT_WORDS) engine = createEngine();
  return engine;
}

/** The shared wink-nlp instance (its `its` helpers and model), loaded on first use. */
export function winkNlp(): Nlp {
  return getEngine().nlp;
}

/**
 * Reads one document with wink-nlp and hands it to `use`, then makes wink-nlp forget
 * every word it learnt from it. wink-nlp adds each unknown word to its lexicon, and a
 * word it knows is tokenised and tagged differently in later documents ("Donald's,"
 * stays one token): without forgetting, results would depend on what the process read
 * before. `use` must read everything it needs from the document before returning,
 * since lemmas and other properties are computed on demand from that lexicon.
 */
export function withWinkDoc<T>(text: string, use: (doc: WinkDoc, nlp: Nlp) => T): T {
  const { nlp, lexemes } = getEngine();
  const known = lexemes.list.length;
  try {
    return use(nlp.readDoc(text), nlp);
  } finally {
    forgetSince(lexemes, known);
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
