import type { Token } from '../../core/types.js';
import { NO_WORD } from '../../text/word-numbers.js';

/**
 * HateXplain's released text (as the datasets hold it) is lower-case, with every
 * non-alphanumeric character removed and `<user>` turned into `user`. The model only
 * ever sees words normalised the same way, both in training and at run time, so a
 * word here is what one wink-nlp token becomes after that treatment.
 */
export interface ModelWord {
  word: string;
  /** Index of the token it came from, to map evidence back to text offsets. */
  token: number;
}

const CLITIC_DROPPED = new Set(["'s", "'re", "'m", "'ll", "'ve", "'d", '’s', '’re', '’m', '’ll', '’ve', '’d']);

/** The model words of one token: none for punctuation, emoji and URLs; `user` for a mention. */
export function modelWordsOf(token: Pick<Token, 'norm' | 'type'>): string[] {
  const { norm, type } = token;
  if (type === 'mention') return ['user'];
  if (type === 'url' || type === 'email' || type === 'emoji' || type === 'emoticon' || type === 'punctuation') return [];
  if (norm === "n't" || norm === 'n’t') return ['not'];
  if (CLITIC_DROPPED.has(norm)) return [];
  // Plain lower-case letters and digits: NFKD and the clean-up leave them as they are.
  if (plainWord(norm)) return [norm];
  const cleaned = norm.normalize('NFKD').replace(/[^a-z0-9\s]+/g, '');
  if (cleaned === '') return [];
  return cleaned.includes(' ') ? cleaned.split(/\s+/).filter(Boolean) : [cleaned];
}

function plainWord(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) return false;
  }
  return true;
}

/** Model words of a token list, each remembering its token index. */
export function modelWords(tokens: readonly Pick<Token, 'norm' | 'type'>[], from = 0, to = tokens.length): ModelWord[] {
  const out: ModelWord[] = [];
  for (let i = from; i < to; i++) {
    for (const word of modelWordsOf(tokens[i]!)) out.push({ word, token: i });
  }
  return out;
}

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i', '|': 'l', '8': 'b', '9': 'g' };

/**
 * Folds a surface word for lexicon lookup: lower case, accents off, leetspeak digits
 * and symbols read as the letters they stand for (only inside a word that also has
 * letters, so "1940" stays a number), and `*`/`.`/`-` masks kept as `*`.
 */
export function foldWord(surface: string): string {
  return foldRest(surface.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, ''));
}

/**
 * `foldWord` of one token, read off the spine's token view: for a plain-ASCII token the
 * spine's `fold` is exactly foldWord's lower-cased, accent-stripped form (the same string as
 * `norm`), so only the rest is done, and nothing at all for a word of plain letters. Any
 * other token is folded from its surface as before (curly quotes and NFC would differ).
 */
export function foldToken(token: Pick<Token, 'text' | 'norm' | 'fold' | 'word'>): string {
  const fold = token.fold;
  if (fold !== token.norm) return foldWord(token.text);
  let letters = true;
  for (let i = 0; i < fold.length; i++) {
    const c = fold.charCodeAt(i);
    if (c > 0x7f) return foldWord(token.text);
    if (c < 97 || c > 122) letters = false;
  }
  if (letters) return fold;
  // The rest is a function of the fold alone: kept by the fold's word number, since the same
  // marks and figures ("," "." "2019") come again and again, and each fold costs five regexes.
  const n = token.word;
  if (n === NO_WORD) return foldRest(fold);
  if (n < restOf.length && restOf[n] === fold) return restByWord[n]!;
  const rest = foldRest(fold);
  while (restOf.length <= n) {
    restByWord.push('');
    restOf.push('');
  }
  restByWord[n] = rest;
  restOf[n] = fold;
  return rest;
}

/** By word number: foldRest of the fold, and the fold it was worked out for ('' where none yet: a token's fold is never empty). */
const restByWord: string[] = [];
const restOf: string[] = [];

/** foldWord after lower case and accents: leetspeak, apostrophes, spelled-out letters, masks. */
function foldRest(folded: string): string {
  let s = folded;
  if (/[a-z]/.test(s) && /[0-9@$!|]/.test(s)) s = s.replace(/[0-9@$!|]/g, (c) => LEET[c] ?? c);
  s = s.replace(/[’']/g, '');
  // Letters spelled out with separators ("j.e.w.s", "m-u-s-l-i-m-s") are one word.
  if (/^([a-z][._-])+[a-z][._-]?$/.test(s)) s = s.replace(/[._-]/g, '');
  s = s.replace(/[*#_.-]+/g, (m, offset: number) => (offset === 0 || offset + m.length === s.length ? '' : '*'));
  return s.replace(/[^a-z*]/g, '');
}
