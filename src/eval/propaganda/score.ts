import type { PtcLabel } from './ptc.js';

/**
 * Scoring as the official SemEval-2020 Task 11 scorers do.
 *
 * SI: character-level partial overlap. Gold spans of an article that share a character
 * are merged first. Precision = sum over predicted spans s and gold spans t of
 * |s∩t|/|s|, divided by the number of predicted spans; recall = sum of |s∩t|/|t|
 * divided by the number of gold spans; F1 their harmonic mean. Overlapping predicted
 * spans are merged too (the scorer's -m option), so a prediction never scores twice.
 *
 * TC: micro-F1 of technique labels on the gold spans. A span labelled with several
 * techniques appears once per technique; predicted and gold labels are matched per
 * (start, end) as multisets.
 */

interface ScoreBase {
  precision: number;
  recall: number;
  f1: number;
  predicted: number;
  articles: number;
}

export interface SiScore extends ScoreBase {
  task: 'si';
  /** Number of gold spans after merging. */
  n: number;
}

export interface TcScore extends ScoreBase {
  task: 'tc';
  /** Number of gold labels. */
  n: number;
  perTechnique: Record<string, { precision: number; recall: number; f1: number; support: number }>;
}

/** Merges spans that share at least one character (touching spans stay apart, as in the scorer). */
export function mergeOverlapping(spans: readonly PtcLabel[]): PtcLabel[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: PtcLabel[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}

function f1Of(p: number, r: number): number {
  return p > 0 && r > 0 ? (2 * p * r) / (p + r) : 0;
}

/** SI score over the given article ids (articles absent from a map have no spans there). */
export function scoreSpans(predicted: ReadonlyMap<string, readonly PtcLabel[]>, gold: ReadonlyMap<string, readonly PtcLabel[]>, ids: Iterable<string>): SiScore {
  let precisionSum = 0;
  let recallSum = 0;
  let nPred = 0;
  let nGold = 0;
  let articles = 0;
  for (const id of ids) {
    articles++;
    const p = mergeOverlapping(predicted.get(id) ?? []);
    const g = mergeOverlapping(gold.get(id) ?? []);
    nPred += p.length;
    nGold += g.length;
    for (const s of p) {
      for (const t of g) {
        const overlap = Math.min(s.end, t.end) - Math.max(s.start, t.start);
        if (overlap <= 0) continue;
        precisionSum += overlap / (s.end - s.start);
        recallSum += overlap / (t.end - t.start);
      }
    }
  }
  const precision = nPred > 0 ? precisionSum / nPred : 0;
  const recall = nGold > 0 ? recallSum / nGold : 0;
  const f1 = nPred === 0 && nGold === 0 ? 1 : f1Of(precision, recall);
  return { task: 'si', precision, recall, f1, n: nGold, predicted: nPred, articles };
}

/** TC micro-F1 over the given article ids. */
export function scoreTechniques(predicted: ReadonlyMap<string, readonly PtcLabel[]>, gold: ReadonlyMap<string, readonly PtcLabel[]>, ids: Iterable<string>): TcScore {
  let matched = 0;
  let nPred = 0;
  let nGold = 0;
  let articles = 0;
  const per = new Map<string, { tp: number; pred: number; gold: number }>();
  const stat = (t: string) => {
    let s = per.get(t);
    if (!s) per.set(t, (s = { tp: 0, pred: 0, gold: 0 }));
    return s;
  };
  for (const id of ids) {
    articles++;
    const remaining = new Map<string, string[]>();
    for (const g of gold.get(id) ?? []) {
      const key = `${g.start}:${g.end}`;
      remaining.set(key, [...(remaining.get(key) ?? []), g.technique ?? '']);
      stat(g.technique ?? '').gold++;
      nGold++;
    }
    for (const p of predicted.get(id) ?? []) {
      nPred++;
      stat(p.technique ?? '').pred++;
      const left = remaining.get(`${p.start}:${p.end}`);
      const at = left ? left.indexOf(p.technique ?? '') : -1;
      if (left && at >= 0) {
        left.splice(at, 1);
        matched++;
        stat(p.technique ?? '').tp++;
      }
    }
  }
  const precision = nPred > 0 ? matched / nPred : 0;
  const recall = nGold > 0 ? matched / nGold : 0;
  const perTechnique: TcScore['perTechnique'] = {};
  for (const [t, s] of [...per].sort((a, b) => a[0].localeCompare(b[0]))) {
    const p = s.pred ? s.tp / s.pred : 0;
    const r = s.gold ? s.tp / s.gold : 0;
    perTechnique[t] = { precision: p, recall: r, f1: f1Of(p, r), support: s.gold };
  }
  return { task: 'tc', precision, recall, f1: f1Of(precision, recall), n: nGold, predicted: nPred, articles, perTechnique };
}
