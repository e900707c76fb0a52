/**
 * One-to-one character folding shared by the outlet data builder and the finder, so
 * "People’s Daily", "People's Daily" and "Al-Jazeera" / "Al Jazeera" meet. Each
 * UTF-16 code unit maps to exactly one code unit, so offsets never move.
 */
export function foldUnit(code: number): number {
  switch (code) {
    case 0x2019: // right single quotation mark
    case 0x2018:
    case 0x02bc: // modifier letter apostrophe
    case 0x0060:
    case 0x00b4:
      return 0x27;
    case 0x2d: // hyphen-minus: "Russia-1" = "Russia 1"
    case 0x2010:
    case 0x2011:
    case 0x00a0: // no-break space
    case 0x202f:
    case 0x2009:
      return 0x20;
    default:
      return code;
  }
}

export function foldString(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += String.fromCharCode(foldUnit(text.charCodeAt(i)));
  return out;
}

const WORD = /[\p{L}\p{N}\p{M}_]/u;
// Scripts written without spaces between words: a name in them needs no word boundary.
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/** 0: not a word character; 1: a word character of a spaced script; 2: of an unspaced script (CJK, Thai...). */
export function wordClass(code: number): 0 | 1 | 2 {
  if (code < 0x80) {
    return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f ? 1 : 0;
  }
  // Surrogate halves stand for astral letters or emoji; treat them as non-word, which only relaxes a boundary.
  if (code >= 0xd800 && code <= 0xdfff) return 0;
  const c = String.fromCharCode(code);
  if (!WORD.test(c)) return 0;
  return UNSPACED.test(c) ? 2 : 1;
}
