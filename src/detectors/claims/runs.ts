/**
 * Runs of letters and digits (\p{L}, \p{N}, by code point, as a /u regex reads them), walked by
 * hand over a text: what the cue lists (cues.ts) and the gazetteers (parts/names.ts) look up
 * before they run a regex, since a whole-word phrase can only match where its words are runs.
 */
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
/** Per UTF-16 code unit outside ASCII (a whole code point): 0 not yet known, 1 a letter or digit, 2 not. */
const runChars = new Uint8Array(65536);

/** The code point at i is a letter or digit (\p{L}, \p{N}): its width in code units (1 or 2); otherwise 0. */
export function runCharWidth(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) ? 1 : 0;
  const cp = text.codePointAt(i)!;
  if (cp > 0xffff) return LETTER_OR_DIGIT.test(String.fromCodePoint(cp)) ? 2 : 0;
  if (runChars[c] === 0) runChars[c] = LETTER_OR_DIGIT.test(String.fromCharCode(c)) ? 1 : 2;
  return runChars[c] === 1 ? 1 : 0;
}

/** How many code units the code point at i takes: a surrogate pair is one code point to a /u regex. */
export function codePointWidth(text: string, i: number): number {
  return text.codePointAt(i)! > 0xffff ? 2 : 1;
}

export const FNV_OFFSET = 0x811c9dc5;

/** FNV-1a over the `width` code units at i, continuing `hash` (as an int32). */
export function runHash(hash: number, text: string, i: number, width: number): number {
  hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return width === 2 ? Math.imul(hash ^ text.charCodeAt(i + 1), 0x01000193) : hash;
}

/** A run of a text: where it starts and ends, and its hash (runHash over it). */
export interface RunCursor {
  start: number;
  end: number;
  hash: number;
}

/** Finds the first run of `text` from `at` on, into `run`; false when there is none. */
export function nextRun(text: string, at: number, run: RunCursor): boolean {
  let start = at;
  let width = 0;
  while (start < text.length && (width = runCharWidth(text, start)) === 0) start += codePointWidth(text, start);
  if (start >= text.length) return false;
  let hash = runHash(FNV_OFFSET, text, start, width);
  let end = start + width;
  while (end < text.length && (width = runCharWidth(text, end)) > 0) {
    hash = runHash(hash, text, end, width);
    end += width;
  }
  run.start = start;
  run.end = end;
  run.hash = hash;
  return true;
}

const cursor: RunCursor = { start: 0, end: 0, hash: 0 };

/** The runs of a phrase, in order ("St. Petersburg": "St", "Petersburg"). */
export function runsOf(phrase: string): string[] {
  return phrase.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * Runs, each with flag bits, in an open-addressing table of their hashes: `flagsIn` ORs the
 * flags of the runs a text holds, slicing no run out of it.
 */
export class RunFlags {
  private readonly runs: string[] = [];
  private readonly flags: number[] = [];
  private slots = new Int32Array(16);

  /** Gives `run` the flag bits `flags` too. */
  add(run: string, flags: number): void {
    const slot = this.slotOf(run, 0, run.length, hashOf(run));
    const at = this.slots[slot]!;
    if (at !== 0) {
      this.flags[at - 1]! |= flags;
      return;
    }
    this.runs.push(run);
    this.flags.push(flags);
    this.slots[slot] = this.runs.length;
    if (this.runs.length * 4 > this.slots.length) this.rehash();
  }

  /** The flags of the runs of `text`, ORed (0 when it holds none of them). */
  flagsIn(text: string): number {
    let flags = 0;
    for (let at = 0; nextRun(text, at, cursor); at = cursor.end) {
      const found = this.slots[this.slotOf(text, cursor.start, cursor.end, cursor.hash)]!;
      if (found !== 0) flags |= this.flags[found - 1]!;
    }
    return flags;
  }

  /** The slot of text[start..end) (of this hash), or the empty slot where it would go. */
  private slotOf(text: string, start: number, end: number, hash: number): number {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const at = this.slots[slot]!;
      if (at === 0) return slot;
      const run = this.runs[at - 1]!;
      if (run.length === end - start && text.startsWith(run, start)) return slot;
    }
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    const mask = this.slots.length - 1;
    this.runs.forEach((run, i) => {
      let slot = hashOf(run) & mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.slots[slot] = i + 1;
    });
  }
}

function hashOf(run: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < run.length; i++) hash = runHash(hash, run, i, 1);
  return hash;
}
