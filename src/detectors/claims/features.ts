import type { Entity, Token } from '../../core/types.js';
import { firedCues, type CompiledCue } from './cues.js';
import { bucketNumber, clusterNames, signature, wordId, wordKey, type ClaimWords } from './words.js';
import { NO_WORD, UNANSWERED, WordAnswers } from '../../text/word-numbers.js';
import { poolRows } from './pool.js';

/** One sentence as the claim model sees it, whether it comes from a document or a dataset line. */
export interface SentenceView {
  text: string;
  tokens: readonly Token[];
  entities: readonly Entity[];
}

export interface SentenceFeatures {
  /** Feature names, deduplicated; the model hashes them. */
  names: string[];
  /** Structural signals that fired (no n-grams), for the explanation. */
  signals: string[];
  /** What the words mean, from the word table: content-word mean then max over words, each unit length (empty without a table). */
  dense: Float32Array;
}

/** Human names of the structural signals, for explanations. */
export const SIGNAL_NAMES: Record<string, string> = {
  'sig:question': 'a question',
  'sig:exclamation': 'an exclamation',
  'sig:number': 'a number',
  'sig:year': 'a year',
  'sig:past': 'past tense',
  'sig:present-perfect': 'present perfect',
  'sig:future': 'future tense',
  'sig:first-singular': 'first person singular',
  'sig:first-plural': 'first person plural',
  'sig:second-person': 'second person',
  'sig:propn': 'a proper name',
  'sig:past+number': 'a past event with a number',
  'sig:past+propn': 'a past event with a named actor',
  'sig:past+date': 'a past event with a date',
  'sig:short': 'a very short sentence',
  'sig:imperative': 'an imperative',
};

const KEEP_PUNCT = new Set(['?', '!', '%', '$', '€', '£']);
const FIRST_SINGULAR = new Set(['i', 'me', 'my', 'mine', 'myself']);
const FIRST_PLURAL = new Set(['we', 'us', 'our', 'ours', 'ourselves']);
const SECOND = new Set(['you', 'your', 'yours', 'yourself', 'yourselves']);
const FUTURE = new Set(['will', "'ll", 'wo', 'shall']);
const PERFECT_AUX = new Set(['has', 'have', "'ve", "'s"]);
/** Weekdays and months are tagged PROPN but name no actor. */
const CALENDAR = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);
/** Present forms whose norm differs from their lemma. */
const PRESENT_FORMS = new Set(['is', 'are', 'am', "'s", "'re", "'m", 'has', 'does', "'ve"]);

/**
 * Turns a sentence into sparse binary features: word 1-3 grams, verb and noun lemmas, POS 1-2 grams, entity types,
 * cue lists, and structural signals (tense, numbers, person, question). Character n-grams were
 * tried and cost about one point of ClaimBuster dev F1, so they are out. Training and run time both call this, so they cannot drift apart.
 */
export function sentenceFeatures(view: SentenceView, cues: readonly CompiledCue[], table?: ClaimWords): SentenceFeatures {
  const sink = new NameSink();
  const { signals, dense } = emitSentenceFeatures(view, cues, table, sink);
  return { names: [...sink.names], signals, dense };
}

/**
 * Where sentence features go. A feature is given whole (`name`) or as a constant prefix and
 * pieces (`open('b:')`, `piece('in')`, `piece(' ')`, `piece('#year')`, `close()`: "b:in #year"),
 * so that a scoring sink can hash it without building the string. A feature given twice counts once.
 */
export interface ClaimFeatureSink {
  name(name: string): void;
  /** `name(name)` for a word bucket's name ("k1:225"), given with its number among all buckets (`bucketNumber`), so a scoring sink hashes it once per process. */
  bucket(key: number, name: string): void;
  open(prefix: string): void;
  piece(text: string): void;
  close(): void;
}

/** Collects the feature names, deduplicated, in the order first given (training, explanations). */
export class NameSink implements ClaimFeatureSink {
  readonly names = new Set<string>();
  private current = '';
  name(name: string): void {
    this.names.add(name);
  }
  bucket(_key: number, name: string): void {
    this.names.add(name);
  }
  open(prefix: string): void {
    this.current = prefix;
  }
  piece(text: string): void {
    this.current += text;
  }
  close(): void {
    this.names.add(this.current);
  }
}

/** "cue:<id>" per cue id, built once. */
const cueNames = new Map<string, string>();
function cueName(id: string): string {
  let name = cueNames.get(id);
  if (name === undefined) cueNames.set(id, (name = 'cue:' + id));
  return name;
}

/**
 * Writes a sentence's features to `names` in the order sentenceFeatures() lists them and
 * returns its signals and its pooled word vectors (empty without a table), written into `dense`
 * when given (2 x the table's dims, all zero: a view of one array for a whole document saves
 * allocating a buffer per sentence), else into a new array.
 */
export function emitSentenceFeatures(view: SentenceView, cues: readonly CompiledCue[], table: ClaimWords | undefined, names: ClaimFeatureSink, dense?: Float32Array): { signals: string[]; dense: Float32Array } {
  const signals = new Set<string>();
  const words: string[] = [];
  const tokens = wordTokens(view.tokens);

  let past = false;
  let hasNumber = false;
  let hasYear = false;
  let hasPropn = false;
  let previousNorm = '';
  tokens.forEach((t, i) => {
    const isNumber = t.type === 'number' || (t.pos === 'NUM' && /\d/.test(t.text));
    if (t.pos === 'PUNCT' && !KEEP_PUNCT.has(t.text)) {
      previousNorm = t.norm;
      return;
    }
    const norm = plainApostrophes(t.norm);
    let word = norm;
    if (isNumber) {
      hasNumber = true;
      const year = /^(1[89]\d\d|20\d\d)s?$/.test(norm);
      if (year) hasYear = true;
      word = year ? '#year' : '#num';
    }
    words.push(word);
    if (t.pos === 'PROPN' && !CALENDAR.has(norm)) hasPropn = true;
    if (t.pos === 'VERB' || t.pos === 'AUX') {
      if (isPastForm(t)) {
        past = true;
        if (PERFECT_AUX.has(previousNorm)) signals.add('sig:present-perfect');
      }
    }
    if (FUTURE.has(norm) || norm === 'gonna' || (norm === 'going' && i + 1 < tokens.length && tokens[i + 1]!.norm === 'to')) signals.add('sig:future');
    if (FIRST_SINGULAR.has(norm)) signals.add('sig:first-singular');
    if (FIRST_PLURAL.has(norm)) signals.add('sig:first-plural');
    if (SECOND.has(norm)) signals.add('sig:second-person');
    previousNorm = norm;
  });

  for (let i = 0; i < words.length; i++) {
    names.open('w:');
    names.piece(words[i]!);
    names.close();
    names.open('b:');
    names.piece(i === 0 ? '<s>' : words[i - 1]!);
    names.piece(' ');
    names.piece(words[i]!);
    names.close();
  }
  if (words.length > 0) {
    names.open('b:');
    names.piece(words[words.length - 1]!);
    names.piece(' </s>');
    names.close();
  }
  for (let i = 2; i < words.length; i++) {
    names.open('t:');
    names.piece(words[i - 2]!);
    names.piece(' ');
    names.piece(words[i - 1]!);
    names.piece(' ');
    names.piece(words[i]!);
    names.close();
  }
  // Lemmas of verbs and nouns generalise over inflection ("cut", "cuts", "cutting").
  for (const t of tokens) {
    if (t.pos === 'VERB' || t.pos === 'NOUN' || t.pos === 'AUX') {
      names.open('l:');
      names.piece(t.lemma);
      names.piece('/');
      names.piece(t.pos);
      names.close();
    }
  }

  for (let i = 0; i < tokens.length; i++) {
    const tag = tokens[i]!.pos;
    names.open('p:');
    names.piece(tag);
    names.close();
    names.open('pp:');
    names.piece(i === 0 ? '<s>' : tokens[i - 1]!.pos);
    names.piece(' ');
    names.piece(tag);
    names.close();
  }
  if (tokens[0]?.pos === 'VERB' && tokens[0].norm === tokens[0].lemma) signals.add('sig:imperative');

  const hasDate = view.entities.some((e) => e.type === 'DATE') || hasYear;
  for (const e of view.entities) {
    names.open('e:');
    names.piece(e.type);
    names.close();
  }

  const last = tokens[tokens.length - 1]?.text;
  if (last === '?' || view.text.trimEnd().endsWith('?')) signals.add('sig:question');
  if (last === '!') signals.add('sig:exclamation');
  if (hasNumber) signals.add('sig:number');
  if (hasYear) signals.add('sig:year');
  if (past) signals.add('sig:past');
  if (hasPropn) signals.add('sig:propn');
  if (past && hasNumber) signals.add('sig:past+number');
  if (past && hasPropn) signals.add('sig:past+propn');
  if (past && hasDate) signals.add('sig:past+date');
  if (words.length <= 5) signals.add('sig:short');
  names.name(LENGTH_FEATURES[lengthBucket(words.length)]!);
  for (const s of signals) names.name(s);

  for (const id of firedCues(view.text, cues)) {
    const name = cueName(id);
    names.name(name);
    signals.add(name);
  }
  return { signals: [...signals], dense: table ? meaningFeatures(tokens, table, names, dense) : new Float32Array(0) };
}

/** Function words carry little meaning; the mean leaves them out, the max does not. */
const FUNCTION_WORDS = 'the a an of to and in for that on is was with as it by at from be this are have has had were or its but not'.split(' ');
const functionWordFlags = new WeakMap<ClaimWords, Uint8Array>();

const rowsByWord = new WeakMap<ClaimWords, WordAnswers>();

/** The table's row of each word number's fold, kept as words come (`wordId`'s answers). */
function rowsByWordOf(words: ClaimWords): WordAnswers {
  let rows = rowsByWord.get(words);
  if (!rows) rowsByWord.set(words, (rows = new WordAnswers()));
  return rows;
}

/** Per word id of the table: 1 for a function word. */
function functionWordsOf(words: ClaimWords): Uint8Array {
  let flags = functionWordFlags.get(words);
  if (!flags) {
    flags = new Uint8Array(words.table.words.length);
    for (const w of FUNCTION_WORDS) {
      const id = words.table.id(w);
      if (id >= 0) flags[id] = 1;
    }
    functionWordFlags.set(words, flags);
  }
  return flags;
}

/**
 * Adds each word's buckets ("k<level>:<id>", words.ts) to `names` and returns the pooled word vectors.
 * Buckets generalise over words the training data never saw; the vectors give a sense of topic.
 */
function meaningFeatures(tokens: readonly Token[], words: ClaimWords, names: ClaimFeatureSink, out?: Float32Array): Float32Array {
  const { dims, vectors } = words.table;
  // The table's int8 components are summed and compared as integers (pool.ts): both halves are
  // made unit length at the end, so the table's scale never matters. Scratch arrays, reused.
  if (meanScratch.length !== dims) {
    meanScratch = new Int32Array(dims);
    maxScratch = new Int32Array(dims);
  }
  if (rowScratch.length < tokens.length) {
    rowScratch = new Int32Array(Math.max(tokens.length, 2 * rowScratch.length));
    inMeanScratch = new Uint8Array(rowScratch.length);
  }
  const functionWord = functionWordsOf(words);
  const rows = rowsByWordOf(words);
  let found = 0;
  for (const t of tokens) {
    // A plain ASCII word folds to itself (text/model.ts): its lower case is already the table's spelling.
    const plain = t.fold === t.norm;
    const key = plain ? t.norm : wordKey(t.norm);
    // Every word of the table starts with a letter a-z: punctuation and figures skip the lookup.
    const first = key.charCodeAt(0);
    if (!(first >= 97 && first <= 122)) continue;
    // Where the key is the token's fold, its row is kept by the fold's number (text/word-numbers.ts).
    let id: number;
    if (plain && t.word !== NO_WORD) {
      id = rows.get(t.word);
      if (id === UNANSWERED) rows.set(t.word, (id = wordId(words, key)));
    } else id = wordId(words, key);
    if (id < 0) continue;
    if (t.pos !== 'PUNCT') {
      const buckets = clusterNames(words, id);
      const sig = signature(words, id);
      for (let level = 0; level < buckets.length; level++) names.bucket(bucketNumber(words, level, sig), buckets[level]!);
    }
    rowScratch[found] = id;
    inMeanScratch[found] = 1 - functionWord[id]!;
    found++;
  }
  poolRows(vectors, dims, rowScratch, inMeanScratch, found, meanScratch, maxScratch);
  const dense = out ?? new Float32Array(2 * dims);
  unitLengthInto(meanScratch, dense, 0);
  unitLengthInto(maxScratch, dense, dims);
  return dense;
}

let meanScratch = new Int32Array(0);
let maxScratch = new Int32Array(0);
/** The table rows of a sentence's words and whether each counts in the mean. */
let rowScratch = new Int32Array(64);
let inMeanScratch = new Uint8Array(64);

/** Writes v / |v| into out from `at` (zeros stay zeros). */
function unitLengthInto(v: Int32Array, out: Float32Array, at: number): void {
  let norm = 0;
  for (let d = 0; d < v.length; d++) norm += v[d]! * v[d]!;
  if (norm === 0) return;
  const inverse = 1 / Math.sqrt(norm);
  for (let d = 0; d < v.length; d++) out[at + d] = v[d]! * inverse;
}

/** The tokens that are not white space: most sentences hold none, and come back as they are, not copied. */
function wordTokens(tokens: readonly Token[]): readonly Token[] {
  for (const t of tokens) if (t.pos === 'SPACE' || isBlank(t.text)) return tokens.filter((u) => u.pos !== 'SPACE' && !isBlank(u.text));
  return tokens;
}

/** Nothing but white space (or nothing): `text.trim() === ''`, without trimming a text that starts with a visible ASCII character. */
function isBlank(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c > 32 && c < 127) return false;
  return text.trim() === '';
}

/** Typographic apostrophes made plain; most words have none, and come back as they are. */
function plainApostrophes(norm: string): string {
  for (let i = 0; i < norm.length; i++) {
    const c = norm.charCodeAt(i);
    if (c === 0x2018 || c === 0x2019) return norm.replace(/[\u2018\u2019]/g, "'");
  }
  return norm;
}

/** wink-nlp gives universal tags only; a verb whose form differs from its lemma and is not -ing/-s is past. */
function isPastForm(t: Token): boolean {
  const norm = t.norm;
  if (norm === t.lemma) return false;
  if (norm.endsWith('ing')) return false;
  if (PRESENT_FORMS.has(norm)) return false;
  if (norm.endsWith('s') && norm.slice(0, -1) === t.lemma) return false;
  if (norm.endsWith('es') && norm.slice(0, -2) === t.lemma) return false;
  return true;
}

/** Every length bucket name ("len:0-5", ...), in bucket order. */
export const LENGTH_FEATURES = ['0-5', '6-10', '11-20', '21-35', '36+'].map((b) => 'len:' + b);

/** The index in LENGTH_FEATURES of a sentence of n words. */
function lengthBucket(n: number): number {
  if (n <= 5) return 0;
  if (n <= 10) return 1;
  if (n <= 20) return 2;
  if (n <= 35) return 3;
  return 4;
}
