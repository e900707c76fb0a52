/**
 * Mulberry32: a small, fast, seedable generator. Every training script draws from it,
 * so a fixed seed gives byte-identical weights on every machine.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Fisher–Yates shuffle in place, drawing from `random` once per position from the end:
 * every training script shuffles through this, so a seed gives the same order everywhere.
 */
export function shuffleInPlace(items: { length: number; [index: number]: number }, random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = items[i]!;
    items[i] = items[j]!;
    items[j] = t;
  }
}
