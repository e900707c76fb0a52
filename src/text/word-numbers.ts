/**
 * One number per word form, for the whole process: the spine gives each token the number of
 * its `fold` (`Token.word`), equal folds get equal numbers in every document, and a number is
 * never reused. A detector that looks a token's word up in a table of its own (the hate
 * lexicon, the rule dispatch's words, the shared word table) keeps the answer in a `WordAnswers`
 * by this number: each form is then hashed and looked up by its string once per process, not
 * once per occurrence and per detector (on the PTC train articles, about 300,000 tokens read
 * by three detectors, of some 40,000 forms).
 *
 * Bounded: once MAX_WORD_NUMBERS forms are numbered, a new one gets NO_WORD, and readers take
 * their string path for it, so a long-running server's table stops growing (the forms met
 * first, the common ones, keep their numbers).
 */
export const NO_WORD = -1;

const MAX_WORD_NUMBERS = 1 << 18;

const numbers = new Map<string, number>();

/** The number of a word form, or NO_WORD when the numbering is full and the form new. */
export function wordNumber(form: string): number {
  const known = numbers.get(form);
  if (known !== undefined) return known;
  const n = numbers.size;
  if (n >= MAX_WORD_NUMBERS) return NO_WORD;
  numbers.set(form, n);
  return n;
}

/** An answer not computed yet. */
export const UNANSWERED = -0x80000000;

/**
 * One int32 answer per word number (a row, a flag, an index into the reader's own list),
 * computed by its reader the first time the word comes and read by number after that.
 */
export class WordAnswers {
  private values = new Int32Array(0);

  /** The answer kept for word `n` (a number, not NO_WORD), or UNANSWERED. */
  get(n: number): number {
    return n < this.values.length ? this.values[n]! : UNANSWERED;
  }

  set(n: number, answer: number): void {
    if (n >= this.values.length) {
      const grown = new Int32Array(Math.max(1024, n + 1, 2 * this.values.length)).fill(UNANSWERED);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[n] = answer;
  }
}
