/**
 * What the rules and guards do to whole posts on HateXplain train, judged without the
 * model having seen the post: each fold's posts are classified with the linear model fitted
 * on the other folds (written by `npm run train:hate -- --data DIR --cv K --fold-models DIR2`).
 * Prints macro-F1 of the model alone, with rules, and with rules but no counter-speech or
 * denial guards, and per rule and guard the posts whose label it changed, right and wrong.
 *
 *   node --import tsx scripts/hate-post-cv.ts --data ../shared/datasets/hatexplain --folds DIR2 [--k 5] [--dump FILE]
 *   node --import tsx scripts/hate-post-cv.ts --data ../shared/datasets/hatexplain --model FILE [--dump FILE]   (val.jsonl)
 *
 * --dump writes one JSON line per post (id, fold, gold class index y, the model's log-probabilities
 * logp, its class `model`, the post-mode class `label`, the ids of the deciding rules left after
 * the guards).
 *
 * Then, on the same out-of-fold decisions, where rules may raise a post's label (post-rules.ts):
 * the model's log-probability margin (a grid, the macro-F1 of each printed, with a nested
 * estimate: each fold decided by the margin chosen on the others); the rule categories in
 * --always-decide (default trope,replacement) decide whatever the margin. --out FILE writes the
 * choice (models/hate-post-rules.json). The shipped file is rebuilt by
 *
 *   npm run train:hate -- --data ../shared/datasets/hatexplain --cv 5 --fold-models DIR2
 *   node --import tsx scripts/hate-post-cv.ts --data ../shared/datasets/hatexplain --folds DIR2 --out models/hate-post-rules.json
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { decodeModel, HATE_CLASSES, type HateClass } from '../src/detectors/hate/model.js';
import { decidePost, postContext } from '../src/detectors/hate/post.js';
import { encodePostRules, MARGIN_GRID, nestedRuleMargin, ruledClass, RULES_ALWAYS_DECIDE, selectRuleMargin, type RuledPost } from '../src/detectors/hate/post-rules.js';
import { compileRuleSet, type GuardEntry, type HateRuleEntry, type VocabularyEntry } from '../src/detectors/hate/rules.js';
import { loadRuleFile } from '../src/core/rules.js';
import { dataPath } from '../src/core/paths.js';
import { classMetrics } from '../src/eval/hate/metrics.js';

const { values } = parseArgs({ options: { data: { type: 'string' }, folds: { type: 'string' }, k: { type: 'string' }, dump: { type: 'string' }, model: { type: 'string' }, out: { type: 'string' }, 'always-decide': { type: 'string' } } });
if (!values.data || (!values.folds && !values.model)) {
  console.error('usage: node --import tsx scripts/hate-post-cv.ts --data DIR (--folds DIR2 [--k 5] [--out FILE] | --model FILE) [--dump FILE]');
  process.exit(2);
}
// With --model: val.jsonl, every post decided by that model (one "fold").
const K = values.model ? 1 : Number(values.k ?? 5);
const posts = readFileSync(join(values.data, values.model ? 'val.jsonl' : 'train.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as { id: string; text: string; label: HateClass });

const vocabulary = loadRuleFile<VocabularyEntry>(dataPath('hate', 'vocabulary.yml'), ['words']).entries;
const rules = loadRuleFile<HateRuleEntry>(dataPath('hate', 'rules.yml'), ['label', 'category', 'patterns']).entries;
const guards = loadRuleFile<GuardEntry>(dataPath('hate', 'guards.yml'), ['kind', 'patterns']).entries;
const full = compileRuleSet(vocabulary, rules, guards);
const unguarded = compileRuleSet(
  vocabulary,
  rules,
  guards.filter((g) => g.kind !== 'counter' && g.kind !== 'denial'),
);

const gold: number[] = [];
const predModel: number[] = [];
const predFull: number[] = [];
const predUnguarded: number[] = [];
/** With --dump: one line per post, its fold, gold label, the model's log-probabilities and the rules that decide. */
const dump: string[] = [];
/** Every post's gold class, model log-probabilities and deciding rules' classes, for the margin. */
const ruled: RuledPost[] = [];
/** Per rule or guard id: [changed to right, changed to wrong, changed between two wrong labels]. */
const effect = new Map<string, [number, number, number]>();
const tally = (id: string, before: number, after: number, y: number): void => {
  const e = effect.get(id) ?? [0, 0, 0];
  e[after === y ? 0 : before === y ? 1 : 2]!++;
  effect.set(id, e);
};

for (let f = 0; f < K; f++) {
  const file = values.model ?? join(values.folds!, `fold-${f}-of-${K}.json`);
  const model = decodeModel(JSON.parse(readFileSync(file, 'utf8')), file);
  // The rules as they were before the margin (every rule decides): the margin is learned from these decisions.
  const ctxFull = postContext({ model, rules: full, postRules: RULES_ALWAYS_DECIDE });
  const ctxUnguarded = postContext({ model, rules: unguarded, postRules: RULES_ALWAYS_DECIDE });
  posts.forEach((post) => {
    if (fnv(post.id) % K !== f) return;
    const y = HATE_CLASSES.indexOf(post.label);
    const a = decidePost(ctxFull, post.text, false);
    const b = decidePost(ctxUnguarded, post.text, false);
    const m = HATE_CLASSES.indexOf(a.modelLabel);
    const l = HATE_CLASSES.indexOf(a.label);
    const u = HATE_CLASSES.indexOf(b.label);
    gold.push(y);
    predModel.push(m);
    predFull.push(l);
    predUnguarded.push(u);
    // The rules' effect: unguarded label against the model's; the guards': full against unguarded.
    if (u !== m) for (const id of new Set(b.ruleHits.map((h) => h.rule.id))) tally(`rule ${id}`, m, u, y);
    if (l !== u) for (const id of new Set(a.guards.map((g) => g.guard.id))) tally(`guard ${id}`, u, l, y);
    const logp = HATE_CLASSES.map((c) => Math.log(a.probabilities[c]));
    // Slur rules do not decide in post mode (postContext's slursDecide).
    const deciding = a.ruleHits.filter((h) => !h.rule.slur);
    ruled.push({ y, logp, rules: deciding.map((h) => ({ label: HATE_CLASSES.indexOf(h.rule.label), category: h.rule.category })), fold: f });
    if (values.dump) dump.push(JSON.stringify({ id: post.id, fold: f, y, logp: logp.map((x) => Math.round(x * 1e6) / 1e6), model: m, label: l, rules: [...new Set(deciding.map((h) => h.rule.id))] }));
  });
  console.log(`fold ${f + 1}/${K} done`);
}

if (values.dump) writeFileSync(values.dump, dump.join('\n') + '\n');
for (const [name, pred] of [
  ['model alone', predModel],
  ['model + rules, no counter/denial guards', predUnguarded],
  ['model + rules + guards (post mode)', predFull],
] as const) {
  const m = classMetrics(gold, pred, HATE_CLASSES);
  console.log(`${name}: acc=${m.accuracy.toFixed(4)} macroF1=${m.macroF1.toFixed(4)}`);
}
console.log('changed posts per rule or guard: to right / to wrong / wrong to wrong');
for (const [id, [right, wrong, other]] of [...effect].sort((a, b) => b[1][1] - b[1][0] - (a[1][1] - a[1][0]))) console.log(`  ${id}: ${right} / ${wrong} / ${other}`);

// Where rules may raise the label: the model's margin (post-rules.ts), chosen on these posts.
// The conspiracy tropes decide as before (holding them back too gains nothing on train's folds).
const alwaysDecide = (values['always-decide'] ?? 'trope,replacement').split(',').filter(Boolean);
const curve = MARGIN_GRID.map((margin) => `${margin}: ${classMetrics(gold, ruled.map((p) => ruledClass(p.logp, p.rules, margin, alwaysDecide)), HATE_CLASSES).macroF1.toFixed(4)}`);
console.log(`rules (but ${alwaysDecide.join(', ') || 'none'}) raise a post's label where the model's log-probability margin is at most: ${curve.join(', ')}`);
const choice = selectRuleMargin(ruled, HATE_CLASSES, alwaysDecide);
const nested = K > 1 ? nestedRuleMargin(ruled, HATE_CLASSES, K, alwaysDecide) : null;
console.log(`chosen margin ${choice.margin}: macroF1=${choice.f1.toFixed(4)}${nested ? `; nested (each fold decided with the margin chosen on the others: ${nested.margins.join(', ')}) macroF1=${nested.f1.toFixed(4)}` : ''}`);
if (values.out) {
  const round = (x: number) => Math.round(x * 10000) / 10000;
  const figures = { selection: `${K}-fold out-of-fold post decisions on train`, modelAlone: round(classMetrics(gold, predModel, HATE_CLASSES).macroF1), rulesAlwaysDecide: round(classMetrics(gold, predFull, HATE_CLASSES).macroF1), chosen: round(choice.f1), ...(nested ? { nested: round(nested.f1) } : {}) };
  writeFileSync(values.out, JSON.stringify(encodePostRules({ ruleMargin: choice.margin, alwaysDecide, figures }), null, 2) + '\n');
  console.log(`wrote ${values.out}`);
}

function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
