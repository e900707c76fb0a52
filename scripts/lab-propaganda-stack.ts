/**
 * Lab: a window network over word vectors (window-net.ts) as a feature of the smoothing
 * stage, where the convolutional tagger of round three helped (its +0.0016 alone), rather
 * than of the tagger, where the window network hurt. Reads a PROPAGANDA_DUMP file (the
 * sentence model's and the tagger's 5-fold out-of-fold probabilities over the train
 * articles), trains the network out-of-fold, retrains the smoothing stage out-of-fold with
 * and without its probability, and prints the SI F1 of a plain decode (token threshold x
 * bridge; no filter, no whole sentences) of both.
 *
 *   node --import tsx scripts/lab-propaganda-stack.ts --data DIR --dump /tmp/dump.json [--hidden 16] [--radius 2] [--epochs 3] [--lr 0.02]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { OffsetMap } from '../src/core/codepoints.js';
import { buildFeatureContext, fineBin, probBin, stackFeatures, summarizeStage, tokenRange, type FeatureContext } from '../src/detectors/propaganda/features.js';
import { concatSets, EncodedBuilder, FeatureDictionary, predictSet, trainBinary } from '../src/detectors/propaganda/learn.js';
import { defaultPropagandaLexicon } from '../src/detectors/propaganda/lexicons.js';
import { decodeSpans } from '../src/detectors/propaganda/predict.js';
import { netInput, tableFloats, trainWindowNet, windowProbabilitiesFloat } from '../src/detectors/propaganda/window-net.js';
import { insideTokens, isDevArticle, readArticles, readLabels, type PtcLabel } from '../src/eval/propaganda/ptc.js';
import { scoreSpans } from '../src/eval/propaganda/score.js';
import { buildTextModel } from '../src/text/model.js';
import { defaultWordTable } from '../src/text/word-table.js';

const { values } = parseArgs({ options: { data: { type: 'string' }, dump: { type: 'string' }, hidden: { type: 'string' }, radius: { type: 'string' }, epochs: { type: 'string' }, lr: { type: 'string' }, neg: { type: 'string' } } });
const data = values.data!;
const dump = JSON.parse(readFileSync(values.dump!, 'utf8')) as Record<string, Record<'sentence' | 'tagger' | 'stack', number[]>>;
const texts = readArticles(join(data, 'train-articles'));
const si = readLabels(join(data, 'train-labels-task1-span-identification'), 'si');
const lexicon = defaultPropagandaLexicon();
type Doc = { id: string; fold: number; ctx: FeatureContext; map: OffsetMap; gold: PtcLabel[]; labels: Uint8Array; weights: Float32Array; tagger: number[]; sentence: number[] };
const docs: Doc[] = [];
let index = 0;
for (const [id, text] of texts) {
  if (isDevArticle(id)) continue;
  const fold = index++ % 5;
  const map = new OffsetMap(text);
  const m = buildTextModel(text);
  const ctx = buildFeatureContext(text, m.tokens, m.sentences, lexicon, new Map(), null, true);
  const gold = si.get(id) ?? [];
  const g16 = gold.map((l) => ({ start: map.toUtf16(l.start), end: map.toUtf16(l.end) }));
  const labels = insideTokens(m.tokens, g16);
  // The training script's insideWeights at alpha 0.5 (the smoothing stage's).
  const weights = new Float32Array(m.tokens.length);
  for (const s of g16) {
    const range = tokenRange(m.tokens, s.start, s.end);
    if (!range) continue;
    const w = Math.min(4, Math.max(0.5, (8 / (range[1] - range[0])) ** 0.5));
    for (let i = range[0]; i < range[1]; i++) weights[i] = Math.max(weights[i]!, w);
  }
  docs.push({ id, fold, ctx, map, gold, labels, weights: weights.map((w) => w || 1), tagger: dump[id]!.tagger, sentence: dump[id]!.sentence });
}
const goldMap = new Map(docs.map((d) => [d.id, d.gold]));
const ids = docs.map((d) => d.id);
function bestSi(name: string, probsOf: (d: Doc) => ArrayLike<number>) {
  let best = { f1: 0, p: 0, r: 0, th: 0, bridge: 0 };
  for (const th of [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5]) {
    for (const bridge of [1, 4, 64]) {
      const pred = new Map(docs.map((d) => [d.id, decodeSpans(d.ctx, probsOf(d), th, bridge).map((s) => ({ start: d.map.toCodePoint(d.ctx.tokens[s.first]!.start), end: d.map.toCodePoint(d.ctx.tokens[s.last - 1]!.end) }))]));
      const sc = scoreSpans(pred, goldMap, ids);
      if (sc.f1 > best.f1) best = { f1: sc.f1, p: sc.precision, r: sc.recall, th, bridge };
    }
  }
  console.log(`${name.padEnd(60)} SI F1 ${best.f1.toFixed(4)} (P ${best.p.toFixed(3)} R ${best.r.toFixed(3)}; threshold ${best.th}, bridge ${best.bridge})`);
}
bestSi('smoothing stage of the dump (OOF)', (d) => dump[d.id]!.stack);

const table = defaultWordTable();
const vectors = tableFloats(table);
const options = { hidden: Number(values.hidden ?? 16), radius: Number(values.radius ?? 2), epochs: Number(values.epochs ?? 3), learningRate: Number(values.lr ?? 0.02), seed: 99, negativeRate: Number(values.neg ?? 0.3) };
const started = performance.now();
const inputs = new Map(docs.map((d) => [d.id, netInput(d.ctx)]));
const netProbs = new Map<string, Float64Array>();
for (let fold = 0; fold < 5; fold++) {
  const net = trainWindowNet(docs.filter((d) => d.fold !== fold).map((d) => ({ input: inputs.get(d.id)!, labels: d.labels, weights: d.weights })), vectors, table.dims, options);
  for (const d of docs) if (d.fold === fold) netProbs.set(d.id, windowProbabilitiesFloat(net, vectors, inputs.get(d.id)!));
}
console.log(`window net ${JSON.stringify(options)}: ${((performance.now() - started) / 1000).toFixed(0)} s`);
bestSi('window net alone (OOF)', (d) => netProbs.get(d.id)!);

const STACK = { epochs: 3, learningRate: 0.05, l2: 1e-7, seed: 20200911 + 3, minCount: 5 };
function stackOof(withNet: boolean): Map<string, Float64Array> {
  const dict = new FeatureDictionary();
  const rows = new Map<string, string[][]>();
  for (const d of docs) {
    const summary = summarizeStage(d.ctx, d.tagger, d.sentence);
    const net = netProbs.get(d.id)!;
    rows.set(d.id, d.ctx.tokens.map((t, i) => {
      const f = stackFeatures(d.ctx, i, d.tagger, d.sentence, summary);
      if (withNet) {
        const [a, b] = d.ctx.sentenceTokens[t.sentence]!;
        let max = 0;
        for (let k = a; k < b; k++) max = Math.max(max, net[k]!);
        const at = (k: number) => (k >= a && k < b ? String(fineBin(net[k]!)) : 'none');
        f.push(`wn=${at(i)}`, `wn|p0=${at(i)}|${fineBin(d.tagger[i]!)}`, `wn-1=${at(i - 1)}`, `wn+1=${at(i + 1)}`, `wnmax=${probBin(max)}`);
      }
      return f;
    }));
  }
  for (const d of docs) for (const f of rows.get(d.id)!) dict.count(f);
  const vocab = dict.freeze(STACK.minCount);
  const encoded = new Map(docs.map((d) => {
    const b = new EncodedBuilder(vocab.index);
    rows.get(d.id)!.forEach((f, i) => b.add(f, d.labels[i]!, d.labels[i] ? d.weights[i]! : 1));
    return [d.id, b.build()];
  }));
  const out = new Map<string, Float64Array>();
  for (let fold = 0; fold < 5; fold++) {
    const w = trainBinary(concatSets(docs.filter((d) => d.fold !== fold).map((d) => encoded.get(d.id)!)), vocab.names.length, STACK);
    for (const d of docs) if (d.fold === fold) out.set(d.id, predictSet(w, encoded.get(d.id)!));
  }
  return out;
}
const plain = stackOof(false);
bestSi('smoothing stage retrained here (OOF)', (d) => plain.get(d.id)!);
const withNet = stackOof(true);
bestSi('smoothing stage + window net features (OOF)', (d) => withNet.get(d.id)!);
