import type { Token } from '../../core/types.js';
import { lexWords, type HateLexicon, type LexiconMatch, type LexWord } from './lexicon.js';
import { modelWords, type ModelWord } from './normalize.js';

/** What the model reads for one unit of text: its words and the lexicon features. */
export interface ModelInput {
  words: ModelWord[];
  lexicon: string[];
  matches: LexiconMatch[];
  /** The lexicon's view of the same tokens (for the rules). */
  lexWords: LexWord[];
}

/**
 * Lexicon features say that some group or slur was mentioned, never which group,
 * so the model cannot learn that a particular group's name is itself a sign of hate.
 */
export function modelInput(text: string, tokens: readonly Token[], lexicon: HateLexicon, from = 0, to = tokens.length): ModelInput {
  const lex = lexWords(text, tokens, from, to, (w) => lexicon.knows(w), (w) => lexicon.isGroupWord(w), lexicon.unglued);
  const matches = lexicon.match(lex);
  const features: string[] = [];
  for (const m of matches) {
    if (m.kind === 'group') features.push('group');
    else features.push('slur', `slur:${(m.entry as { severity: string }).severity}`);
  }
  return new LazyInput(tokens, from, to, features, matches, lex);
}

/** A ModelInput whose model words are read on first use: the detector decides most units without the model. */
class LazyInput implements ModelInput {
  private read: ModelWord[] | undefined;
  constructor(
    private readonly tokens: readonly Token[],
    private readonly from: number,
    private readonly to: number,
    readonly lexicon: string[],
    readonly matches: LexiconMatch[],
    readonly lexWords: LexWord[],
  ) {}

  get words(): ModelWord[] {
    return (this.read ??= modelWords(this.tokens, this.from, this.to));
  }
}
