/**
 * What the spine derives from a token's surface alone (its lower case, its fold, the fold's word
 * number, and whether it is one of wink-nlp's lexicon contractions), kept by wink-nlp's lexeme
 * index (`its.uniqueId`). A token's surface is the string of wink-nlp's lexeme list at that index,
 * so these forms are worked out the first time a lexeme is met, not for every token: no lower
 * casing, folding or string-keyed lookup per token (on the PTC train articles, some 40,000
 * lexemes against 300,000 tokens a pass). The list only grows while its engine lives
 * (text/wink.ts forgets words from wink-nlp's hash, never from its list), so an engine keeps one
 * LexemeForms and a rebuilt engine starts a new one.
 */
export class LexemeForms {
  /** By lexeme index: the lower case and the fold ('' where not known yet). */
  readonly norms: string[] = [];
  readonly folds: string[] = [];
  /**
   * By lexeme index: wink-nlp's lemma for the last tag the lexeme came with, and that tag ('' where
   * none yet). Outside an expanded contraction wink-nlp's lemma depends on the lexeme and tag
   * alone: the lexeme's own row, or its lemmatiser on the lower case and tag, which reads only
   * the intrinsic lexicon (no word learnt from a document).
   */
  readonly lemmas: string[] = [];
  readonly lemmaTags: string[] = [];
  /** By lexeme index: the fold's word number (text/word-numbers.ts). */
  words = new Int32Array(0);
  /** By lexeme index: 0 not known yet, KNOWN, or KNOWN | CONTRACTION. */
  private marks = new Uint8Array(0);

  /** Whether the forms of lexeme `id` are kept. */
  has(id: number): boolean {
    return id < this.marks.length && this.marks[id] !== 0;
  }

  /** Whether lexeme `id` (known) is a contraction of wink-nlp's lexicon. */
  isContraction(id: number): boolean {
    return (this.marks[id]! & CONTRACTION) !== 0;
  }

  set(id: number, norm: string, fold: string, word: number, contraction: boolean): void {
    if (id >= this.marks.length) this.grow(id + 1);
    this.norms[id] = norm;
    this.folds[id] = fold;
    this.words[id] = word;
    this.marks[id] = contraction ? KNOWN | CONTRACTION : KNOWN;
  }

  /** Keeps wink-nlp's lemma of lexeme `id` (known) tagged `tag`. */
  setLemma(id: number, tag: string, lemma: string): void {
    this.lemmas[id] = lemma;
    this.lemmaTags[id] = tag;
  }

  private grow(size: number): void {
    const length = Math.max(size, 2 * this.marks.length, 1024);
    const words = new Int32Array(length);
    words.set(this.words);
    const marks = new Uint8Array(length);
    marks.set(this.marks);
    this.words = words;
    this.marks = marks;
    // Filled, not left with holes: the string arrays keep one elements kind (packed).
    for (let i = this.norms.length; i < length; i++) {
      this.norms.push('');
      this.folds.push('');
      this.lemmas.push('');
      this.lemmaTags.push('');
    }
  }
}

const KNOWN = 1;
const CONTRACTION = 2;
