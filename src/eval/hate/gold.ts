import { readFileSync } from 'node:fs';
import type { Detector } from '../../detectors/detector.js';
import { hateVerdict } from '../../detectors/hate/verdict.js';
import { analyze } from '../../pipeline/analyze.js';

/** One case of the hand-written gold set (test/fixtures/hate-gold/gold.jsonl). */
export interface GoldCase {
  id: string;
  text: string;
  label: 'hatespeech' | 'offensive' | 'normal';
  /** HateXplain target name, or "None". */
  target: string;
  category: string;
  group: string;
  /** dev: used while writing rules; holdout: written beforehand and not tuned on. */
  split: 'dev' | 'holdout';
}

export interface GoldOutcome {
  case: GoldCase;
  flagged: boolean;
  label: string;
  targets: string[];
}

export interface Tally {
  n: number;
  correct: number;
}

export interface GoldReport {
  outcomes: GoldOutcome[];
  byCategory: Map<string, Tally>;
  byGroup: Map<string, Tally>;
  /** Hateful (or offensive) cases flagged. */
  recall: Tally;
  /** Of those flagged, with the right label. */
  labelAccuracy: Tally;
  /** Of those flagged, with the expected target among the targets. */
  targetAccuracy: Tally;
  neutralFalsePositives: Tally;
  counterSpeechFalsePositives: Tally;
}

export const NEUTRAL_CATEGORIES = new Set(['neutral', 'positive', 'bare-group']);

export function readGold(path: string): GoldCase[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as GoldCase);
}

/**
 * Runs the detector on every case, as a document on its own, and tallies the
 * author-voice verdict (quoted or reported hate in counter-speech keeps its findings
 * but is not the author's).
 */
export function scoreGold(cases: readonly GoldCase[], detector: Detector): GoldReport {
  const outcomes = cases.map((c): GoldOutcome => {
    const verdict = hateVerdict(analyze(c.text, { detectors: [detector] }).findings);
    return { case: c, flagged: verdict.label !== 'normal', label: verdict.label, targets: verdict.targets };
  });
  const tally = (): Tally => ({ n: 0, correct: 0 });
  const bump = (map: Map<string, Tally>, key: string, ok: boolean) => {
    const t = map.get(key) ?? tally();
    t.n++;
    if (ok) t.correct++;
    map.set(key, t);
  };
  const report: GoldReport = { outcomes, byCategory: new Map(), byGroup: new Map(), recall: tally(), labelAccuracy: tally(), targetAccuracy: tally(), neutralFalsePositives: tally(), counterSpeechFalsePositives: tally() };
  for (const o of outcomes) {
    const hateful = o.case.label !== 'normal';
    const ok = o.flagged === hateful;
    bump(report.byCategory, o.case.category, ok);
    bump(report.byGroup, o.case.group, ok);
    if (hateful) {
      report.recall.n++;
      if (o.flagged) {
        report.recall.correct++;
        report.labelAccuracy.n++;
        if (o.label === o.case.label) report.labelAccuracy.correct++;
        report.targetAccuracy.n++;
        if (o.targets.includes(o.case.target)) report.targetAccuracy.correct++;
      }
    }
    if (NEUTRAL_CATEGORIES.has(o.case.category)) {
      report.neutralFalsePositives.n++;
      if (o.flagged) report.neutralFalsePositives.correct++;
    }
    if (o.case.category === 'counter-speech') {
      report.counterSpeechFalsePositives.n++;
      if (o.flagged) report.counterSpeechFalsePositives.correct++;
    }
  }
  return report;
}

export function rate(t: Tally): number {
  return t.n ? t.correct / t.n : 0;
}

export function formatGold(report: GoldReport): string {
  const pct = (t: Tally) => `${(100 * rate(t)).toFixed(1)}% (${t.correct}/${t.n})`;
  const lines = [
    `hateful recall ${pct(report.recall)}; label right when flagged ${pct(report.labelAccuracy)}; target right when flagged ${pct(report.targetAccuracy)}`,
    `false positives: neutral/positive/bare-group ${pct(report.neutralFalsePositives)}, counter-speech ${pct(report.counterSpeechFalsePositives)}`,
    'accuracy by category:',
    ...[...report.byCategory].sort().map(([k, t]) => `  ${k.padEnd(16)} ${pct(t)}`),
    'accuracy by group:',
    ...[...report.byGroup].sort().map(([k, t]) => `  ${k.padEnd(16)} ${pct(t)}`),
  ];
  return lines.join('\n');
}
