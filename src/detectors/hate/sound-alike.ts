/**
 * Sound-alike spellings of group words ("refujees", "immigrunts", "wimmin", "Hindoos"):
 * a word's consonant skeleton, which keeps what a respelling for the ear keeps. The first
 * letter stays; later vowels go (evasive and phonetic spellings change vowels most: u for
 * a, oo for u, i for o); letters that spell one sound are read as one (j as g, c and q as
 * k, x as ks, z as s, ph as f); a doubled letter counts once.
 */
export function consonantSkeleton(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    let c = word[i]!;
    if (c === 'p' && word[i + 1] === 'h') {
      c = 'f';
      i++;
    } else if (c === 'j') c = 'g';
    else if (c === 'c' || c === 'q') c = 'k';
    else if (c === 'z') c = 's';
    if (i > 0 && VOWELS.has(c)) continue;
    const piece = c === 'x' ? 'ks' : c;
    for (const p of piece) if (out[out.length - 1] !== p) out += p;
  }
  return out;
}

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

/** Shortest skeleton that names a group: "wmn" (women) is the shortest one we need, and shorter ones collide with too many words. */
const MIN_SKELETON = 3;
/** Most vowel noise a sound-alike may carry (`spellingDistance`): "Hindoos" for "Hindus" is 1, "homilies" for "homeless" 1.5. */
const MAX_DISTANCE = 1;
/** Shortest word read as a sound-alike: "jooz" and the like are listed as terms instead. */
export const MIN_SOUND_ALIKE_LENGTH = 5;

/**
 * Group words by their skeleton. A skeleton that two targets share is dropped: such a
 * respelling could be either, so it names neither.
 */
export class SoundAlikes {
  private readonly bySkeleton = new Map<string, string[] | null>();

  /**
   * `targetOf`: every single group word with its target. `known`: whether a word is an
   * English word (the shared word table).
   */
  constructor(
    private readonly targetOf: ReadonlyMap<string, string>,
    private readonly known: (word: string) => boolean,
  ) {
    for (const [word, target] of targetOf) {
      if (word.length < MIN_SOUND_ALIKE_LENGTH) continue;
      const key = consonantSkeleton(word);
      if (key.length < MIN_SKELETON) continue;
      const seen = this.bySkeleton.get(key);
      if (seen === undefined) this.bySkeleton.set(key, [word]);
      else if (seen !== null && this.targetOf.get(seen[0]!) !== target) this.bySkeleton.set(key, null);
      else seen?.push(word);
    }
  }

  /**
   * The group word that `word`, a word the table does not know, sounds like, or null. The
   * skeletons must agree, the first letters too (respellers keep it: "soonest" is not
   * "zionist"; only a j for a soft g is read: "jipsies"), the vowel noise must stay small (`spellingDistance`), and the word must not
   * be one letter from another English word, which it more likely misspells ("familes" is
   * "families", not "females").
   */
  find(word: string): string | null {
    if (word.length < MIN_SOUND_ALIKE_LENGTH) return null;
    const words = this.bySkeleton.get(consonantSkeleton(word));
    if (!words) return null;
    let hit: string | null = null;
    let best = MAX_DISTANCE;
    for (const w of words) {
      if (w[0] !== word[0] && !(w[0] === 'g' && word[0] === 'j')) continue;
      const d = spellingDistance(word, w);
      if (d <= best) [hit, best] = [w, d];
    }
    return hit && !this.nearKnownWord(word) ? hit : null;
  }

  private nearKnownWord(word: string): boolean {
    const other = (w: string) => w !== word && !this.targetOf.has(w) && this.known(w);
    for (let i = 0; i <= word.length; i++) {
      const head = word.slice(0, i);
      if (i < word.length && other(head + word.slice(i + 1))) return true;
      if (i + 1 < word.length && other(head + word[i + 1] + word[i] + word.slice(i + 2))) return true;
      for (let c = 97; c <= 122; c++) {
        const letter = String.fromCharCode(c);
        if (other(head + letter + word.slice(i))) return true;
        if (i < word.length && other(head + letter + word.slice(i + 1))) return true;
      }
    }
    return false;
  }
}

/**
 * Edit distance in which what respellings change costs half: a vowel for another vowel, a
 * letter for one that spells the same sound (j/g, c/k/q, s/z), a vowel or a doubled letter
 * added or dropped. Anything else costs 1.
 */
export function spellingDistance(a: string, b: string): number {
  a = spelledSounds(a);
  b = spelledSounds(b);
  let prev = new Float64Array(b.length + 1);
  let row = new Float64Array(b.length + 1);
  for (let j = 1; j <= b.length; j++) prev[j] = prev[j - 1]! + indelCost(b, j - 1);
  for (let i = 1; i <= a.length; i++) {
    row[0] = prev[0]! + indelCost(a, i - 1);
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j - 1]! + substitutionCost(a[i - 1]!, b[j - 1]!), prev[j]! + indelCost(a, i - 1), row[j - 1]! + indelCost(b, j - 1));
    }
    [prev, row] = [row, prev];
  }
  return prev[b.length]!;
}

function indelCost(word: string, i: number): number {
  const c = word[i]!;
  return VOWELS.has(c) || word[i - 1] === c || word[i + 1] === c ? 0.5 : 1;
}

function substitutionCost(x: string, y: string): number {
  if (x === y) return 0;
  if (VOWELS.has(x) && VOWELS.has(y)) return 0.5;
  return SAME_SOUND.some((set) => set.includes(x) && set.includes(y)) ? 0.5 : 1;
}

const SAME_SOUND = ['gj', 'ckq', 'sz'];

/** Letters that spell two sounds or one, written as the skeleton reads them ("x" as "ks", "ph" as "f"). */
function spelledSounds(word: string): string {
  return word.includes('x') || word.includes('ph') ? word.replace(/x/g, 'ks').replace(/ph/g, 'f') : word;
}
