/**
 * Experiment bench (issue 16, claims v2 third round): the ClaimBuster 4-fold cross-validated F1
 * of training-side variants of the shipped recipe, featurising every line once.
 *
 *   node --import tsx scripts/lab-claims.ts --data DATASETS --variants '[{"name":"base"},{"name":"l2 3e-5","l2":3e-5}]'
 *
 * The figure is the one train-claims prints ("F1 ... there"): folds sentence_id % 5 in 1..4 of
 * the ClaimBuster training part, each scored by a model trained on the other three folds and
 * every CLEF training transcript, through the detector's path (each line as a document, its
 * sentences with article context, rule-outs applied, the best sentence's score), the threshold
 * from 0.10 to 0.80 with the best F1 over the pooled scores. The rule-outs do not depend on the
 * model, so each line's units and verdicts are worked out once. Writes nothing.
 *
 * Variant fields (all optional; the shipped recipe otherwise): l2, lr, epochs, averageFrom,
 * nbPower, clefWeight; drop: feature-name prefixes left out; smooth: label smoothing e (a line
 * trains as label 1 - e and e, two weighted copies); prune: {inner: 3, margin: m} drops training
 * lines whose nested out-of-fold probability of their own label is below m; ensemble: a list of
 * drop-lists whose models' logits are averaged (one linear model, weights averaged).
 */
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { defaultCues } from '../src/detectors/claims/cues.js';
import { claimWords } from '../src/detectors/claims/words.js';
import { decodeWordTable, WORD_TABLE_FILE } from '../src/text/word-table.js';
import { modelPath } from '../src/core/paths.js';
import { readClaimBuster, readClef, type LabelledSentence } from '../src/eval/claims/data.js';
import { asShippedModel, averageWeights, CB, CLEF, DEFAULT_RECIPE, exampleOf, fitClaimWeights, modelHeader, textKey, type TrainRecipe } from '../src/eval/claims/train.js';
import { sentenceFeatures } from '../src/detectors/claims/features.js';
import { viewOfText } from '../src/detectors/claims/scorer.js';
import { loneContext, transcriptContext, articleContext } from '../src/detectors/claims/context.js';
import { classifySentences, featureUnits } from '../src/detectors/claims/classify.js';
import { defaultClaimModel, scoreWeights } from '../src/detectors/claims/model.js';
import { createPartExtractor } from '../src/detectors/claims/parts/index.js';
import { documentOf } from '../src/eval/claims/evaluate.js';
import { predict, type LogRegWeights, type TrainingExample } from '../src/detectors/claims/logreg.js';
import { binaryScores } from '../src/eval/claims/metrics.js';
import { EXTRA_MODES, extraFeatureNames } from './lab-claims-extra.js';

const { values } = parseArgs({ options: { data: { type: 'string' }, variants: { type: 'string', default: '[{"name":"base"}]' }, extra: { type: 'string', default: '' } } });
if (!values.data) {
  console.error('usage: lab-claims --data DATASETS_DIR [--variants JSON] [--extra num,numshape,ents]');
  process.exit(2);
}
const extraModes = new Set(values.extra!.split(',').filter(Boolean));
const unknown = [...extraModes].find((m) => !(EXTRA_MODES as readonly string[]).includes(m));
if (unknown) {
  console.error(`lab-claims: --extra ${unknown}: expected some of ${EXTRA_MODES.join(', ')}`);
  process.exit(2);
}
interface Variant {
  name: string;
  l2?: number;
  lr?: number;
  epochs?: number;
  averageFrom?: number;
  nbPower?: number;
  clefWeight?: number;
  drop?: string[];
  smooth?: number;
  prune?: { inner: number; margin: number };
  ensemble?: string[][];
  extra?: string;
  noRuleOut?: boolean;
  docTrain?: boolean;
  seed?: number;
}
const variants = (() => {
  try {
    const parsed = JSON.parse(values.variants!) as unknown;
    if (!Array.isArray(parsed) || parsed.some((v) => typeof v !== 'object' || v === null || typeof (v as Variant).name !== 'string')) throw new Error('expected a JSON list of {"name": ..., settings}');
    return parsed as Variant[];
  } catch (error) {
    console.error(`lab-claims: --variants: ${(error as Error).message}`);
    process.exit(2);
  }
})();
const data = values.data!;
const started = performance.now();
const wordsPath = modelPath(WORD_TABLE_FILE);
const words = claimWords(decodeWordTable(readFileSync(wordsPath), wordsPath), WORD_TABLE_FILE);
const cues = defaultCues();
const cbPath = join(data, 'claimbuster-2.5xncs', 'train.jsonl');
const clefPath = join(data, 'clef2019-checkthat-task1', 'training');
const cbTrain = readClaimBuster(cbPath, 'train');
const cbDev = readClaimBuster(cbPath, 'dev');
const clefTrain = readClef(clefPath, 'train');
const clefDev = readClef(clefPath, 'dev');
const devKeys = new Set([...cbDev, ...clefDev.flatMap((f) => f.sentences)].map((s) => textKey(s.text)));
const kept = cbTrain.filter((s) => !devKeys.has(textKey(s.text)));
const foldOf = (s: LabelledSentence) => Number(s.id) % 5;

/** Training side: names and dense per line. */
interface Line {
  names: string[];
  dense: Float32Array;
  label: 0 | 1;
  domain: string;
  weight: number;
  fold: number;
}
const lines: Line[] = [];
for (const s of kept) {
  const view = viewOfText(s.text);
  const { names, signals, dense } = sentenceFeatures(view, cues, words);
  lines.push({ names: [...names, ...loneContext(s.text, signals), ...extraOf(view)], dense, label: s.label, domain: CB, weight: 1, fold: foldOf(s) });
}
for (const file of clefTrain) {
  const views = file.sentences.map((s) => viewOfText(s.text));
  const featured = views.map((v) => sentenceFeatures(v, cues, words));
  const context = transcriptContext(file.sentences.map((s, i) => ({ speaker: s.speaker, text: s.text, signals: featured[i]!.signals })));
  featured.forEach(({ names, dense }, i) => {
    if (devKeys.has(textKey(file.sentences[i]!.text))) return;
    lines.push({ names: [...names, ...context[i]!, ...extraOf(views[i]!)], dense, label: file.sentences[i]!.label, domain: CLEF, weight: 0.5, fold: -1 });
  });
}
function extraOf(view: { text: string; tokens: readonly import('../src/core/types.js').Token[]; entities: readonly import('../src/core/types.js').Entity[] }): string[] {
  return extraFeatureNames(view, extraModes).map((n) => 'x:' + n);
}

/** Scoring side: each kept ClaimBuster line's units (names with context) and whether each is ruled out. */
const parts = createPartExtractor();
const shippedModel = defaultClaimModel();
const scoringUnits = kept.map((s) => {
  const doc = documentOf(s.text);
  const units = featureUnits(doc, cues, words);
  const context = articleContext(doc, units);
  const verdicts = classifySentences(doc, { model: shippedModel, cues, parts, explain: false });
  return units.map((u, i) => ({ names: [...u.features.names, ...context[i]!, ...extraOf(u)], dense: u.features.dense, ruledOut: verdicts[i]!.ruledOut !== null }));
});
/** Each kept ClaimBuster line of one unit as the detector sees it (article context from the spine). */
const docLine = new Map<Line, { names: string[]; dense: Float32Array }>();
kept.forEach((_, i) => {
  const units = scoringUnits[i]!;
  if (units.length === 1) docLine.set(lines[i]!, { names: units[0]!.names, dense: units[0]!.dense });
});
let differing = 0;
kept.forEach((_, i) => {
  const d = docLine.get(lines[i]!);
  if (!d || d.names.length !== lines[i]!.names.length || d.names.some((n, j) => n !== lines[i]!.names[j])) differing++;
});
console.log(`lines whose detector features differ from training's: ${differing}`);
console.log(`featurised ${lines.length} training lines, ${kept.length} ClaimBuster lines in ${((performance.now() - started) / 1000).toFixed(1)} s`);

const dims = DEFAULT_RECIPE.dims;
const header = modelHeader({ cues, words, context: true }, WORD_TABLE_FILE);

function examplesOf(sel: readonly Line[], drop: readonly string[], smooth: number): TrainingExample[] {
  const out: TrainingExample[] = [];
  for (const l of sel) {
    const names = drop.length === 0 ? l.names : l.names.filter((n) => !drop.some((p) => n.startsWith(p)));
    const dense = drop.includes('DENSE') ? new Float32Array(l.dense.length) : l.dense;
    const ex = exampleOf(names, dense, l.domain, l.label, l.weight, dims);
    if (smooth > 0 && l.domain === CB) {
      out.push({ ...ex, weight: l.weight * (1 - smooth) }, { ...ex, label: (1 - l.label) as 0 | 1, weight: l.weight * smooth });
    } else out.push(ex);
  }
  return out;
}

function recipeOf(v: Variant): TrainRecipe {
  return { ...DEFAULT_RECIPE, context: true, l2: v.l2 ?? DEFAULT_RECIPE.l2, learningRate: v.lr ?? DEFAULT_RECIPE.learningRate, epochs: v.epochs ?? DEFAULT_RECIPE.epochs, averageFrom: v.averageFrom ?? DEFAULT_RECIPE.averageFrom, nbPower: v.nbPower ?? DEFAULT_RECIPE.nbPower, seed: v.seed ?? DEFAULT_RECIPE.seed };
}

/** Trains one (possibly ensembled) model on these lines. */
function fit(v: Variant, sel: readonly Line[]): LogRegWeights {
  const recipe = recipeOf(v);
  let withWeight = v.clefWeight === undefined ? sel : sel.map((l) => (l.domain === CLEF ? { ...l, weight: v.clefWeight! } : l));
  if (v.docTrain) withWeight = withWeight.map((l) => (l.domain === CB && docLine.has(l) ? { ...l, ...docLine.get(l)! } : l));
  let training = withWeight;
  if (v.prune) training = pruned(v, withWeight);
  const drops = v.ensemble ?? [v.drop ?? []];
  const models = drops.map((drop) => fitClaimWeights(examplesOf(training, drop, v.smooth ?? 0), recipe, 2 * words.table.dims));
  return models.length === 1 ? models[0]! : averageWeights(models);
}

/** Drops ClaimBuster lines whose nested out-of-fold probability of their own label is below the margin. */
function pruned(v: Variant, sel: readonly Line[]): Line[] {
  const { inner, margin } = v.prune!;
  const cb = sel.map((l, i) => ({ l, i })).filter((x) => x.l.domain === CB);
  const drop = new Set<number>();
  const inner_ = { ...v, prune: undefined };
  for (let f = 0; f < inner; f++) {
    const test = cb.filter((_, j) => j % inner === f);
    const testSet = new Set(test.map((x) => x.i));
    const model = fit(inner_, sel.filter((_, i) => !testSet.has(i)));
    for (const { l, i } of test) {
      const ex = exampleOf(l.names, l.dense, l.domain, l.label, 1, dims);
      const p = predict(model, ex.features, ex.value, ex.dense);
      const own = l.label === 1 ? p : 1 - p;
      if (own < margin) drop.add(i);
    }
  }
  const dropped = [...drop].map((i) => sel[i]!);
  console.log(`  pruned ${drop.size} of ${cb.length} (positives ${dropped.filter((l) => l.label === 1).length})`);
  return sel.filter((_, i) => !drop.has(i));
}

function bestF1(labels: (0 | 1)[], scores: number[]): { f1: number; threshold: number; p: number; r: number } {
  let best = { f1: 0, threshold: 0.5, p: 0, r: 0 };
  for (let t = 10; t <= 80; t++) {
    const r = binaryScores(labels, scores.map((p) => p >= t / 100));
    if (r.f1 > best.f1) best = { f1: r.f1, threshold: t / 100, p: r.precision, r: r.recall };
  }
  return best;
}

for (const v of variants) {
  const t0 = performance.now();
  const scores = new Array<number>(kept.length).fill(0);
  for (const fold of [1, 2, 3, 4]) {
    const model = asShippedModel(fit(v, lines.filter((l) => l.fold !== fold)), header, words, wordsPath);
    kept.forEach((s, i) => {
      if (foldOf(s) !== fold) return;
      let best = 0;
      for (const u of scoringUnits[i]!) if (v.noRuleOut || !u.ruledOut) best = Math.max(best, scoreWeights(model, u.names, undefined, u.dense).probability);
      scores[i] = best;
    });
  }
  const r = bestF1(kept.map((s) => s.label), scores);
  console.log(`${v.name}: 4-fold CV F1 ${r.f1.toFixed(4)} (P ${r.p.toFixed(3)} R ${r.r.toFixed(3)}) at ${r.threshold}  [${((performance.now() - t0) / 1000).toFixed(0)} s]`);
}
