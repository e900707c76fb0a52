/**
 * What the rules and guards do to whole posts on HateXplain train, judged without the
 * model having seen the post: each fold's posts are classified with the linear model fitted
 * on the other folds (written by `npm run train:hate -- --data DIR --cv K --fold-models DIR2`).
 * Prints macro-F1 of the model alone, with rules, and with rules but no counter-speech or
 * denial guards, and per rule and guard the posts whose label it changed, right and wrong.
 *
 *   node --import tsx scripts/hate-post-cv.ts --data ../shared/datasets/hatexplain --folds DIR2 [--k 5]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { decodeModel, HATE_CLASSES, type HateClass } from '../src/detectors/hate/model.js';
import { decidePost, postContext } from '../src/detectors/hate/post.js';
import { compileRuleSet, type GuardEntry, type HateRuleEntry, type VocabularyEntry } from '../src/detectors/hate/rules.js';
import { loadRuleFile } from '../src/core/rules.js';
import { dataPath } from '../src/core/paths.js';
import { classMetrics } from '../src/eval/hate/metrics.js';

const { values } = parseArgs({ options: { data: { type: 'string' }, folds: { type: 'string' }, k: { type: 'string' } } });
if (!values.data || !values.folds) {
  console.error('usage: node --import tsx scripts/hate-post-cv.ts --data DIR --folds DIR2 [--k 5]');
  process.exit(2);
}
const K = Number(values.k ?? 5);
const posts = readFileSync(join(values.data, 'train.jsonl'), 'utf8')
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
/** Per rule or guard id: [changed to right, changed to wrong, changed between two wrong labels]. */
const effect = new Map<string, [number, number, number]>();
const tally = (id: string, before: number, after: number, y: number): void => {
  const e = effect.get(id) ?? [0, 0, 0];
  e[after === y ? 0 : before === y ? 1 : 2]!++;
  effect.set(id, e);
};

for (let f = 0; f < K; f++) {
  const model = decodeModel(JSON.parse(readFileSync(join(values.folds, `fold-${f}-of-${K}.json`), 'utf8')), 'fold');
  const ctxFull = postContext({ model, rules: full });
  const ctxUnguarded = postContext({ model, rules: unguarded });
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
  });
  console.log(`fold ${f + 1}/${K} done`);
}

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

function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
