/**
 * What the spine derives from a token's surface alone (its lower case, its fold, the fold's word
 * number, and whether it is one of wink-nlp's lexicon contractions), kept by wink-nlp's lexeme
 * index (`its.uniqueId`). A token's surface is the string of wink-nlp's lexeme list at that index,
 * so these forms are worked out the first time a lexeme is met, not for every token: no lower
 * casing, folding or string-keyed lookup per token (on the PTC train articles, some 40,000
 * lexemes against 400,000 tokens a pass). The list only grows while its engine lives
 * (text/wink.ts forgets words from wink-nlp's hash, never from its list), so an engine keeps one
 * LexemeForms and a rebuilt engine starts a new one.
 *
 * Lexeme indices run to about 100,000 (the intrinsic lexicon) and beyond, of which a corpus meets
 * a fraction: each lexeme met gets a slot, and the forms are kept by slot in packed lists (a few
 * MB less than lists by lexeme index, with the same single lookup).
 */
export class LexemeForms {
  /** By slot: the lower case, the fold and the fold's word number (text/word-numbers.ts). */
  readonly norms: string[] = [];
  readonly folds: string[] = [];
  readonly words: number[] = [];
  /**
   * By slot: wink-nlp's lemma for the last tag the lexeme came with, and that tag. Outside an
   * expanded contraction wink-nlp's lemma depends on the lexeme and tag alone: the lexeme's own
   * row, or its lemmatiser on the lower case and tag, which reads only the intrinsic lexicon (no
   * word learnt from a document).
   */
  readonly lemmas: string[] = [];
  readonly lemmaTags: string[] = [];
  /** By slot: 1 for a contraction of wink-nlp's lexicon. */
  private readonly contractions: number[] = [];
  /** By lexeme index: its slot + 1, 0 where not met yet. */
  private slots = new Int32Array(0);

  /** The slot of lexeme `id`, -1 when its forms are not kept yet. */
  slotOf(id: number): number {
    return id < this.slots.length ? this.slots[id]! - 1 : -1;
  }

  /** Keeps the forms of lexeme `id` (not kept yet) and returns its slot. */
  add(id: number, norm: string, fold: string, word: number, contraction: boolean): number {
    if (id >= this.slots.length) {
      const slots = new Int32Array(Math.max(id + 1, 2 * this.slots.length, 1024));
      slots.set(this.slots);
      this.slots = slots;
    }
    const slot = this.norms.length;
    this.norms.push(norm);
    this.folds.push(fold);
    this.words.push(word);
    this.contractions.push(contraction ? 1 : 0);
    this.lemmas.push('');
    this.lemmaTags.push('');
    this.slots[id] = slot + 1;
    return slot;
  }

  /** Whether the lexeme in `slot` is a contraction of wink-nlp's lexicon. */
  isContraction(slot: number): boolean {
    return this.contractions[slot] === 1;
  }

  /** Keeps wink-nlp's lemma of the lexeme in `slot` tagged `tag`. */
  setLemma(slot: number, tag: string, lemma: string): void {
    this.lemmas[slot] = lemma;
    this.lemmaTags[slot] = tag;
  }
}
