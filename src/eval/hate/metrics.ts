/** Classification figures as HateXplain reports them: accuracy, macro-F1 and per-class P/R/F1. */
export interface ClassFigures {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface ClassMetrics {
  n: number;
  accuracy: number;
  macroF1: number;
  perClass: ClassFigures[];
}

export function f1Of(precision: number, recall: number): number {
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

export function classMetrics(gold: readonly number[], pred: readonly number[], labels: readonly string[]): ClassMetrics {
  const n = gold.length;
  let correct = 0;
  const tp = new Array(labels.length).fill(0);
  const goldCount = new Array(labels.length).fill(0);
  const predCount = new Array(labels.length).fill(0);
  for (let i = 0; i < n; i++) {
    goldCount[gold[i]!]++;
    predCount[pred[i]!]++;
    if (gold[i] === pred[i]) {
      correct++;
      tp[gold[i]!]++;
    }
  }
  const perClass = labels.map((label, c) => {
    const precision = predCount[c] ? tp[c] / predCount[c] : 0;
    const recall = goldCount[c] ? tp[c] / goldCount[c] : 0;
    return { label, precision, recall, f1: f1Of(precision, recall), support: goldCount[c] };
  });
  return { n, accuracy: n ? correct / n : 0, macroF1: perClass.reduce((s, c) => s + c.f1, 0) / labels.length, perClass };
}

export function formatMetrics(m: ClassMetrics): string {
  const rows = [`n=${m.n}  accuracy=${m.accuracy.toFixed(4)}  macro-F1=${m.macroF1.toFixed(4)}`, 'class        precision  recall  f1      support'];
  for (const c of m.perClass) rows.push(`${c.label.padEnd(12)} ${c.precision.toFixed(4).padStart(9)}  ${c.recall.toFixed(4)}  ${c.f1.toFixed(4)}  ${String(c.support).padStart(7)}`);
  return rows.join('\n');
}
