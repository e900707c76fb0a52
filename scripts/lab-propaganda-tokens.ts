/**
 * Lab: does a window network over word vectors, added to the smoothing stage's log-odds
 * (a residual), find phrases the linear stages miss? Reads a PROPAGANDA_DUMP file of a
 * training run (every stage's 5-fold out-of-fold probabilities over the train articles),
 * trains the residual network on the same folds and prints out-of-fold SI F1 of a plain
 * decode (token threshold x bridge, no filter, no whole sentences) with and without it.
 *
 *   node --import tsx scripts/lab-propaganda-tokens.ts --data DIR --dump /tmp/dump.json [--hidden 16] [--radius 2] [--epochs 3] [--lr 0.02]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { OffsetMap } from '../src/core/codepoints.js';
import { buildFeatureContext, type FeatureContext } from '../src/detectors/propaganda/features.js';
import { defaultPropagandaLexicon } from '../src/detectors/propaganda/lexicons.js';
import { decodeSpans } from '../src/detectors/propaganda/predict.js';
import { netInput, tableFloats, trainWindowNet, windowProbabilitiesFloat } from '../src/detectors/propaganda/window-net.js';
import { insideTokens, isDevArticle, readArticles, readLabels, type PtcLabel } from '../src/eval/propaganda/ptc.js';
import { scoreSpans } from '../src/eval/propaganda/score.js';
import { buildTextModel } from '../src/text/model.js';
import { defaultWordTable } from '../src/text/word-table.js';

const { values } = parseArgs({ options: { data: { type: 'string' }, dump: { type: 'string' }, hidden: { type: 'string' }, radius: { type: 'string' }, epochs: { type: 'string' }, lr: { type: 'string' }, neg: { type: 'string' }, stage: { type: 'string' } } });
const data = values.data!;
const stage = (values.stage ?? 'stack') as 'stack' | 'tagger';
const dump = JSON.parse(readFileSync(values.dump!, 'utf8')) as Record<string, Record<'sentence' | 'tagger' | 'stack', number[]>>;
const texts = readArticles(join(data, 'train-articles'));
const si = readLabels(join(data, 'train-labels-task1-span-identification'), 'si');
const lexicon = defaultPropagandaLexicon();
type Doc = { id: string; fold: number; ctx: FeatureContext; map: OffsetMap; gold: PtcLabel[]; labels: Uint8Array; base: Float64Array };
const docs: Doc[] = [];
let index = 0;
const logit = (p: number) => Math.log(Math.max(1e-6, p) / Math.max(1e-6, 1 - p));
for (const [id, text] of texts) {
  if (isDevArticle(id)) continue;
  const fold = index++ % 5;
  const map = new OffsetMap(text);
  const m = buildTextModel(text);
  const ctx = buildFeatureContext(text, m.tokens, m.sentences, lexicon, new Map(), null, true);
  const gold = si.get(id) ?? [];
  const g16 = gold.map((l) => ({ start: map.toUtf16(l.start), end: map.toUtf16(l.end) }));
  const labels = insideTokens(m.tokens, g16);
  docs.push({ id, fold, ctx, map, gold, labels, base: Float64Array.from(dump[id]![stage], logit) });
}
const goldMap = new Map(docs.map((d) => [d.id, d.gold]));
const ids = docs.map((d) => d.id);
function bestSi(name: string, probsOf: (d: Doc) => ArrayLike<number>) {
  let best = { f1: 0, p: 0, r: 0, th: 0, bridge: 0 };
  for (const th of [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6]) {
    for (const bridge of [1, 4, 64]) {
      const pred = new Map(docs.map((d) => [d.id, decodeSpans(d.ctx, probsOf(d), th, bridge).map((s) => ({ start: d.map.toCodePoint(d.ctx.tokens[s.first]!.start), end: d.map.toCodePoint(d.ctx.tokens[s.last - 1]!.end) }))]));
      const sc = scoreSpans(pred, goldMap, ids);
      if (sc.f1 > best.f1) best = { f1: sc.f1, p: sc.precision, r: sc.recall, th, bridge };
    }
  }
  console.log(`${name.padEnd(60)} SI F1 ${best.f1.toFixed(4)} (P ${best.p.toFixed(3)} R ${best.r.toFixed(3)}; threshold ${best.th}, bridge ${best.bridge})`);
}
bestSi(`${stage} stage (OOF)`, (d) => Float64Array.from(d.base, (z) => 1 / (1 + Math.exp(-z))));
const table = defaultWordTable();
const vectors = tableFloats(table);
const options = { hidden: Number(values.hidden ?? 16), radius: Number(values.radius ?? 2), epochs: Number(values.epochs ?? 3), learningRate: Number(values.lr ?? 0.02), seed: 99, negativeRate: Number(values.neg ?? 0.3) };
const started = performance.now();
const inputs = new Map(docs.map((d) => [d.id, netInput(d.ctx)]));
const out = new Map<string, Float64Array>();
for (let fold = 0; fold < 5; fold++) {
  const net = trainWindowNet(docs.filter((d) => d.fold !== fold).map((d) => ({ input: inputs.get(d.id)!, labels: d.labels, weights: new Float32Array(d.labels.length).fill(1), base: d.base })), vectors, table.dims, options);
  for (const d of docs) {
    if (d.fold !== fold) continue;
    const z = windowProbabilitiesFloat(net, vectors, inputs.get(d.id)!);
    out.set(d.id, Float64Array.from(z, (p, i) => 1 / (1 + Math.exp(-(d.base[i]! + logit(p))))));
  }
}
bestSi(`+ residual window net ${JSON.stringify(options)} ${((performance.now() - started) / 1000).toFixed(0)} s`, (d) => out.get(d.id)!);
