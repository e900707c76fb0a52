/**
 * A word table's words in an open-addressing hash table of typed arrays, for `WordTable.id`
 * and the claim features' one lookup per token. A `Map` lookup of a token's string costs a hash of the
 * string in the runtime, then pointer chasing through the map's entries and the key strings,
 * scattered over the heap; here the hash is a loop over the token's characters and the probe
 * compares them with the words' characters, packed in one array, and building it makes no
 * entry object per word. A word listed twice keeps its last row, as a `Map` filled in order would.
 */
export interface WordIndex {
  /** id + 1 per slot, 0 empty. */
  slots: Int32Array;
  mask: number;
  /** Every word's UTF-16 code units, one after the other; word id's are chars[at[id]..at[id + 1]). */
  chars: Uint16Array;
  at: Int32Array;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

export function wordIndexOf(words: readonly string[]): WordIndex {
  let size = 16;
  while (size < 2 * words.length) size *= 2;
  let total = 0;
  for (const w of words) total += w.length;
  const index: WordIndex = { slots: new Int32Array(size), mask: size - 1, chars: new Uint16Array(total), at: new Int32Array(words.length + 1) };
  let p = 0;
  for (let id = 0; id < words.length; id++) {
    const word = words[id]!;
    index.at[id] = p;
    for (let j = 0; j < word.length; j++) index.chars[p++] = word.charCodeAt(j);
    index.at[id + 1] = p;
    index.slots[slotOf(index, word)] = id + 1;
  }
  return index;
}

/** The row of a word, or -1. */
export function lookupWord(index: WordIndex, word: string): number {
  return index.slots[slotOf(index, word)]! - 1;
}

/** The slot that holds the word, or the empty slot where it would go. */
function slotOf(index: WordIndex, word: string): number {
  const { slots, mask, chars, at } = index;
  const length = word.length;
  let h = FNV_OFFSET;
  for (let j = 0; j < length; j++) h = Math.imul(h ^ word.charCodeAt(j), FNV_PRIME);
  for (let slot = h & mask; ; slot = (slot + 1) & mask) {
    const entry = slots[slot]!;
    if (entry === 0) return slot;
    const from = at[entry - 1]!;
    if (at[entry]! - from !== length) continue;
    let j = 0;
    while (j < length && chars[from + j] === word.charCodeAt(j)) j++;
    if (j === length) return slot;
  }
}
