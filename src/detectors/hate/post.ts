import { buildTextModel } from '../../text/model.js';
import { classifyUnit, type HateContext, type UnitDecision } from './classify.js';
import { loadDefaultHateLexicon, type HateLexicon } from './lexicon.js';
import { extractorFor, loadDefaultHateModel, type HateClass, type HateModel } from './model.js';
import { loadDefaultPostRules, type PostRuleSettings } from './post-rules.js';
import { type HateRuleSet } from './rules.js';
import { loadDefaultHateRules } from './shipped-rules.js';

export interface PostDecision {
  label: HateClass;
  targets: string[];
  /** Evidence as indices of whitespace-separated words of the text (HateXplain's rationale form). */
  rationale: number[];
}

export interface PostClassifierOptions {
  model?: HateModel;
  lexicon?: HateLexicon;
  rules?: HateRuleSet;
  /**
   * Where rules may raise a post's label (default: models/hate-post-rules.json, chosen on
   * out-of-fold predictions of the shipped model's recipe; RULES_ALWAYS_DECIDE for the old behaviour).
   */
  postRules?: PostRuleSettings;
  /** Use rules and guards too, not only the model (default true). */
  useRules?: boolean;
}

/**
 * Whole-post classification, as HateXplain evaluates: the model's argmax decides,
 * rules can raise the label where the model does not strongly disagree, guards clear them. No target is required here: a post is
 * judged as the annotators judged it.
 */
export function postClassifier(options: PostClassifierOptions = {}): (text: string) => PostDecision {
  const ctx = postContext(options);
  const useRules = options.useRules ?? true;
  return (text: string) => {
    const d = decidePost(ctx, text, true);
    const label = useRules ? d.label : d.modelLabel;
    const spans = label === 'normal' ? [] : d.evidence;
    return { label, targets: label === 'normal' ? [] : d.targets, rationale: wordIndices(text, spans) };
  };
}

/** The unit decision for a whole post (`explain` adds evidence and features). */
export function decidePost(ctx: HateContext, text: string, explain: boolean): UnitDecision {
  const tm = buildTextModel(text.trim() === '' ? '.' : text);
  return classifyUnit(ctx, text, tm.tokens, 0, tm.tokens.length, null, explain);
}

/** The classification context of post mode (HateXplain's conventions, below). */
export function postContext(options: Omit<PostClassifierOptions, 'useRules'> = {}): HateContext {
  const model = options.model ?? loadDefaultHateModel();
  const { ruleMargin, alwaysDecide } = options.postRules ?? loadDefaultPostRules();
  return {
    model,
    // Post mode blends in the pooled-vector net when the model has one (articles read the linear model alone).
    extractor: extractorFor(model, { pooled: true }),
    lexicon: options.lexicon ?? loadDefaultHateLexicon(),
    rules: options.rules ?? loadDefaultHateRules(),
    threshold: 0,
    requireTarget: false,
    // As HateXplain's annotators judged posts: no de-biasing gate, and slurs only support the model
    // (on val, slurs that the model reads as harmless are mostly in-group use).
    identityCounterfactual: false,
    slursDecide: false,
    // Guards clear rules only: on HateXplain train they cleared 136 posts, 128 of them offensive or hateful.
    guardsClearModel: false,
    // On HateXplain train's out-of-fold predictions, rules forced on every post raised as many wrongly as rightly.
    ...(Number.isFinite(ruleMargin) ? { ruleMargin, marginExempt: alwaysDecide } : {}),
  };
}

/** Indices of the whitespace-separated words that overlap the spans. */
function wordIndices(text: string, spans: readonly { start: number; end: number }[]): number[] {
  const out: number[] = [];
  const re = /\S+/g;
  let i = 0;
  for (let m = re.exec(text); m; m = re.exec(text), i++) {
    const a = m.index;
    const b = a + m[0].length;
    if (spans.some((s) => s.start < b && s.end > a)) out.push(i);
  }
  return out;
}

let shared: ((text: string) => PostDecision) | undefined;

/** Classifies one short post with the shipped model, lexicon and rules. */
export function classifyPost(text: string): PostDecision {
  shared ??= postClassifier();
  return shared(text);
}
