import { UnspinError } from '../../core/errors.js';
import { readModelJson } from '../../core/model-file.js';
import { modelPath } from '../../core/paths.js';
import { classMetrics } from '../../eval/hate/metrics.js';

/**
 * How the rules decide a whole post (post mode, HateXplain's unit): a rule raises the label to
 * its own only where the model does not strongly disagree, that is where the model's
 * log-probability of the rule's label is within `ruleMargin` of its top class's. Chosen on
 * out-of-fold predictions of HateXplain train (scripts/hate-post-cv.ts --out): forced
 * everywhere, the rules raised 106 train posts rightly and 109 wrongly, most of the loss
 * between offensive and hatespeech. The conspiracy rules (categories in `alwaysDecide`)
 * decide as before: holding them back too gains nothing on the same folds. Articles and
 * the functional suites go through the detector, which does not read this.
 */
export interface PostRuleSettings {
  /** Infinity: every rule decides (the behaviour before the margin was learned). */
  ruleMargin: number;
  /** Rule categories (rules.yml `category`) that decide whatever the model says: the conspiracy tropes. */
  alwaysDecide: readonly string[];
  figures?: Record<string, unknown>;
}

export interface PostRulesFile {
  format: 'unspin-hate-post-rules/1';
  /** null stands for Infinity (JSON has none). */
  ruleMargin: number | null;
  alwaysDecide: string[];
  figures?: Record<string, unknown>;
}

export const RULES_ALWAYS_DECIDE: PostRuleSettings = { ruleMargin: Infinity, alwaysDecide: [] };

export function encodePostRules(settings: PostRuleSettings): PostRulesFile {
  return { format: 'unspin-hate-post-rules/1', ruleMargin: Number.isFinite(settings.ruleMargin) ? settings.ruleMargin : null, alwaysDecide: [...settings.alwaysDecide], ...(settings.figures ? { figures: settings.figures } : {}) };
}

export function decodePostRules(file: unknown, source: string): PostRuleSettings {
  const f = file as Partial<PostRulesFile> | null;
  if (!f || f.format !== 'unspin-hate-post-rules/1' || !(f.ruleMargin === null || (typeof f.ruleMargin === 'number' && f.ruleMargin >= 0)) || !Array.isArray(f.alwaysDecide) || f.alwaysDecide.some((c) => typeof c !== 'string')) {
    throw new UnspinError('MODEL_INVALID', `${source}: not an unspin post-rule file (format unspin-hate-post-rules/1, ruleMargin a number >= 0 or null, alwaysDecide a list of rule categories)`, { input: source });
  }
  return { ruleMargin: f.ruleMargin ?? Infinity, alwaysDecide: f.alwaysDecide, ...(f.figures ? { figures: f.figures } : {}) };
}

let cached: PostRuleSettings | undefined;

/** The shipped settings (models/hate-post-rules.json), read on first use. */
export function loadDefaultPostRules(): PostRuleSettings {
  if (cached) return cached;
  const { json, path } = readModelJson(modelPath('hate-post-rules.json'), 'post-rule settings', 'see scripts/hate-post-cv.ts --out');
  cached = decodePostRules(json, path);
  return cached;
}

/** A deciding rule's hit as the margin reads it: its class index (classes ordered by severity, normal first) and category. */
export interface RuledHit {
  label: number;
  category: string;
}

/** One post as the margin is learned from it: gold class, the model's log-probabilities, the deciding rules. */
export interface RuledPost {
  y: number;
  logp: readonly number[];
  /** Empty when no rule fired. */
  rules: readonly RuledHit[];
  /** Cross-validation fold of the post (for the nested estimate). */
  fold: number;
}

/**
 * The post-mode class: the model's argmax, raised to a rule's class where the rule's category
 * always decides or the model's log-probability of it is within `margin` of the argmax's
 * (classify.ts decides the same way hit by hit).
 */
export function ruledClass(logp: readonly number[], rules: readonly RuledHit[], margin: number, alwaysDecide: readonly string[] = []): number {
  let best = 0;
  for (let c = 1; c < logp.length; c++) if (logp[c]! > logp[best]!) best = c;
  let label = best;
  for (const r of rules) if (r.label > label && (alwaysDecide.includes(r.category) || logp[best]! - logp[r.label]! <= margin)) label = r.label;
  return label;
}

/** Margins tried, Infinity first (the rules always decide): ties keep the earlier, so the old behaviour wins a tie. */
export const MARGIN_GRID: readonly number[] = [Infinity, 4, 3, 2.5, 2, 1.6, 1.2, 1, 0.8, 0.6, 0.4, 0.2, 0];

export interface MarginChoice {
  margin: number;
  /** Macro-F1 of the chosen margin on the posts it was chosen on. */
  f1: number;
}

/** The margin of `grid` with the best macro-F1 on `posts`. */
export function selectRuleMargin(posts: readonly RuledPost[], classes: readonly string[], alwaysDecide: readonly string[] = [], grid: readonly number[] = MARGIN_GRID): MarginChoice {
  const gold = posts.map((p) => p.y);
  let best: MarginChoice = { margin: Infinity, f1: -1 };
  for (const margin of grid) {
    const f1 = classMetrics(gold, posts.map((p) => ruledClass(p.logp, p.rules, margin, alwaysDecide)), classes).macroF1;
    if (f1 > best.f1 + 1e-9) best = { margin, f1 };
  }
  return best;
}

/**
 * Nested estimate of the selection: each fold's posts decided with the margin chosen on the
 * other folds. Returns the macro-F1 over all posts and the margin each fold chose.
 */
export function nestedRuleMargin(posts: readonly RuledPost[], classes: readonly string[], folds: number, alwaysDecide: readonly string[] = [], grid: readonly number[] = MARGIN_GRID): { f1: number; margins: number[] } {
  const pred = new Array<number>(posts.length);
  const margins: number[] = [];
  for (let f = 0; f < folds; f++) {
    const { margin } = selectRuleMargin(posts.filter((p) => p.fold !== f), classes, alwaysDecide, grid);
    margins.push(margin);
    posts.forEach((p, i) => {
      if (p.fold === f) pred[i] = ruledClass(p.logp, p.rules, margin, alwaysDecide);
    });
  }
  return { f1: classMetrics(posts.map((p) => p.y), pred, classes).macroF1, margins };
}
