/** Precision, recall and F1 of the positive class. */
export function binaryScores(gold: readonly (0 | 1)[], predicted: readonly boolean[]): { precision: number; recall: number; f1: number; tp: number; fp: number; fn: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  gold.forEach((g, i) => {
    if (predicted[i] && g === 1) tp++;
    else if (predicted[i]) fp++;
    else if (g === 1) fn++;
  });
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, tp, fp, fn };
}

/**
 * Gold labels in ranked order (best score first). Ties keep input order, as the
 * CheckThat! 2019 scorer does after its stable sort by score.
 */
export function rankByScore(scores: readonly number[], gold: readonly (0 | 1)[]): (0 | 1)[] {
  return scores
    .map((score, i) => ({ score, i }))
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .map((x) => gold[x.i]!);
}

/** Average precision of one ranking; 0 when it has no positive, as in the CheckThat! scorer. */
export function averagePrecision(ranked: readonly (0 | 1)[]): number {
  let hits = 0;
  let sum = 0;
  ranked.forEach((g, i) => {
    if (g === 1) {
      hits++;
      sum += hits / (i + 1);
    }
  });
  return hits === 0 ? 0 : sum / hits;
}

/** Precision in the top R, where R is the number of positives. */
export function rPrecision(ranked: readonly (0 | 1)[]): number {
  const r = ranked.reduce<number>((n, g) => n + g, 0);
  if (r === 0) return 0;
  return ranked.slice(0, r).reduce<number>((n, g) => n + g, 0) / r;
}

/** Precision in the top k (divided by k even when the list is shorter, as the scorer does). */
export function precisionAt(ranked: readonly (0 | 1)[], k: number): number {
  return ranked.slice(0, k).reduce<number>((n, g) => n + g, 0) / k;
}

export interface RankingScores {
  map: number;
  rPrecision: number;
  p10: number;
  /** Files averaged over. */
  files: number;
  /** Sentences ranked in all. */
  n: number;
  /** Average precision of each file, in input order. */
  perFile: number[];
}

/** CheckThat! 2019 task 1: each file ranked on its own, measures averaged over files. */
export function rankingScores(files: readonly { scores: readonly number[]; gold: readonly (0 | 1)[] }[]): RankingScores {
  const ranked = files.map((f) => rankByScore(f.scores, f.gold));
  const mean = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);
  const perFile = ranked.map(averagePrecision);
  return {
    map: mean(perFile),
    rPrecision: mean(ranked.map(rPrecision)),
    p10: mean(ranked.map((r) => precisionAt(r, 10))),
    files: files.length,
    n: files.reduce((n, f) => n + f.gold.length, 0),
    perFile,
  };
}
