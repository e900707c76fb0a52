import { readFileSync } from 'node:fs';
import { UnspinError } from '../../core/errors.js';
import { HATE_CLASSES, type HateClass } from '../../detectors/hate/model.js';
import type { PostDecision } from '../../detectors/hate/post.js';
import { classMetrics, f1Of, type ClassMetrics } from './metrics.js';

/** One line of a HateXplain-style file (train.jsonl / val.jsonl). */
export interface HatePost {
  id: string;
  text: string;
  label: HateClass;
  targets: string[] | null;
  /** A 0/1 mask over the whitespace words, or several annotators' masks. */
  rationale: number[] | number[][] | null;
}

export interface HateEvaluation extends ClassMetrics {
  /** Micro-F1 over (post, target) pairs; null when no post has targets. */
  targetMicroF1: number | null;
  targetPosts: number;
  /** Mean per-post token F1 of the rationale (ERASER / HateXplain plausibility), over hateful and offensive posts with a rationale; null when none. */
  rationaleTokenF1: number | null;
  rationalePosts: number;
}

export function readHatePosts(path: string): HatePost[] {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new UnspinError('INPUT_NOT_FOUND', `${path}: cannot read evaluation data`, { input: path, cause });
  }
  const posts: HatePost[] = [];
  raw.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new UnspinError('EVAL_DATA', `${path}:${i + 1}: not valid JSON`, { input: path });
    }
    const post = value as Partial<HatePost>;
    if (typeof post.text !== 'string' || !HATE_CLASSES.includes(post.label as HateClass)) {
      throw new UnspinError('EVAL_DATA', `${path}:${i + 1}: expected {id, text, label: normal|offensive|hatespeech, targets, rationale}`, { input: path });
    }
    posts.push({ id: String(post.id ?? i + 1), text: post.text, label: post.label as HateClass, targets: Array.isArray(post.targets) ? post.targets : null, rationale: Array.isArray(post.rationale) ? post.rationale : null });
  });
  if (posts.length === 0) throw new UnspinError('EVAL_DATA', `${path}: no posts`, { input: path });
  return posts;
}

/** Scores a classifier on posts: class figures, and target / rationale figures where the data has them. */
export function evaluateHate(posts: readonly HatePost[], classify: (text: string) => PostDecision): HateEvaluation {
  const gold: number[] = [];
  const pred: number[] = [];
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let targetPosts = 0;
  let rationaleSum = 0;
  let rationalePosts = 0;
  for (const post of posts) {
    const d = classify(post.text);
    gold.push(HATE_CLASSES.indexOf(post.label));
    pred.push(HATE_CLASSES.indexOf(d.label));
    if (post.targets) {
      targetPosts++;
      const g = new Set(post.targets.filter((t) => t !== 'None'));
      const p = new Set(d.targets);
      for (const t of p) if (g.has(t)) tp++;
      else fp++;
      for (const t of g) if (!p.has(t)) fn++;
    }
    if (post.rationale && post.label !== 'normal') {
      const mask = goldMask(post.rationale);
      if (mask.some((x) => x)) {
        rationalePosts++;
        const predicted = new Set(d.rationale);
        let hit = 0;
        let goldCount = 0;
        mask.forEach((x, i) => {
          if (x) goldCount++;
          if (x && predicted.has(i)) hit++;
        });
        const precision = predicted.size ? hit / predicted.size : 0;
        const recall = goldCount ? hit / goldCount : 0;
        rationaleSum += f1Of(precision, recall);
      }
    }
  }
  const metrics = classMetrics(gold, pred, HATE_CLASSES);
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  return {
    ...metrics,
    targetMicroF1: targetPosts ? f1Of(precision, recall) : null,
    targetPosts,
    rationaleTokenF1: rationalePosts ? rationaleSum / rationalePosts : null,
    rationalePosts,
  };
}

/** HateXplain's ground truth: the mean of the annotators' masks, at least one half. */
function goldMask(rationale: number[] | number[][]): boolean[] {
  if (rationale.length === 0) return [];
  if (Array.isArray(rationale[0])) {
    const masks = rationale as number[][];
    const length = Math.max(...masks.map((m) => m.length));
    return Array.from({ length }, (_, i) => masks.reduce((s, m) => s + (m[i] ?? 0), 0) / masks.length >= 0.5);
  }
  return (rationale as number[]).map((x) => x >= 0.5);
}
