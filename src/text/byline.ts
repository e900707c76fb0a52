/**
 * A byline: "By Sara Okafor", "Posted by Viktor Drago, independent analyst",
 * "By Mark Holloway, The Sovereign Review, 16 March 2024". Group 1 is the name, group 2
 * the rest of the line. Case is spelled out because /i would let \p{Lu} match "the way".
 */
export const BYLINE = /^\s*(?:(?:[Pp]osted|[Ww]ritten|[Rr]eported|[Ww]ords|[Ss]tory|[Tt]ext)\s+)?(?:[Bb]y|BY)\s+(\p{Lu}[^,;|\u2014\n]{1,60})(.*)$/u;
