import { defaultWordTable, type WordTable } from '../../text/word-table.js';

/**
 * A word's lean towards hostile rather than friendly meaning, read from the shared GloVe
 * word table: mean cosine to a few hostile seed words minus mean cosine to a few friendly
 * ones. Plain words of news and everyday talk ("hear", "street", "owned", "next") score
 * about -0.11 to -0.3; insults, vermin, violence and disgust words above -0.1.
 * The placeholder network's decision must be carried by a word that leans hostile (or one
 * the table does not know: misspellings, rare slurs), so that a frame word the templates
 * happened to pair with hate ("every", "street") cannot make a finding on its own.
 */
export const HOSTILE_SEEDS = ['hate', 'disgusting', 'filthy', 'vermin', 'scum', 'kill', 'stupid', 'lazy', 'dirty', 'criminals', 'evil', 'worthless', 'animals', 'rats', 'destroy', 'violent', 'liars', 'thieves', 'garbage', 'sick', 'die'];
export const FRIENDLY_SEEDS = ['love', 'kind', 'wonderful', 'proud', 'generous', 'beautiful', 'thank', 'welcome', 'friend', 'help', 'happy', 'great', 'respect', 'brilliant', 'celebrate'];

/** Words at or above this lean may carry a network decision. */
export const HOSTILE_LEAN = -0.1;

export class Polarity {
  private readonly hostile: number[];
  private readonly friendly: number[];
  private readonly cache = new Map<string, number>();
  constructor(private readonly table: WordTable) {
    this.hostile = HOSTILE_SEEDS.map((w) => table.id(w)).filter((i) => i >= 0);
    this.friendly = FRIENDLY_SEEDS.map((w) => table.id(w)).filter((i) => i >= 0);
  }

  /**
   * The word's lean (NaN when the table does not know it). A hyphenated word the table
   * does not know ("first-time", "mean-spirited") leans as its most hostile known part: an
   * unknown compound of plain words is not a misspelling and must not pass unread.
   */
  lean(word: string): number {
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached;
    let lean = this.leanOf(this.table.id(word));
    if (Number.isNaN(lean) && word.includes('-')) {
      for (const part of word.split('-')) {
        const l = this.leanOf(this.table.id(part));
        if (!Number.isNaN(l) && !(l <= lean)) lean = l;
      }
    }
    if (this.cache.size < 4096) this.cache.set(word, lean);
    return lean;
  }

  private leanOf(id: number): number {
    if (id < 0) return NaN;
    let h = 0;
    let f = 0;
    for (const j of this.hostile) h += this.table.similarity(id, j);
    for (const j of this.friendly) f += this.table.similarity(id, j);
    return h / this.hostile.length - f / this.friendly.length;
  }

  /** Whether the word may carry a network decision: it leans hostile, or the table does not know it. */
  mayCarry(word: string, threshold = HOSTILE_LEAN): boolean {
    const lean = this.lean(word);
    return Number.isNaN(lean) || lean >= threshold;
  }
}

let shared: Polarity | undefined;

/** The polarity over the shared word table. */
export function defaultPolarity(): Polarity {
  shared ??= new Polarity(defaultWordTable());
  return shared;
}
