/**
 * Lab: does word meaning pooled over a sentence say more than the linear sentence model
 * about which sentences hold propaganda? Reads a PROPAGANDA_DUMP file of a training run
 * (the linear sentence model's 5-fold out-of-fold probabilities over the train articles),
 * trains a small residual network over the sentence's pooled word vectors on the same
 * folds, and prints sentence-level log loss, ROC AUC and best F1 of both, out-of-fold.
 *
 *   PROPAGANDA_DUMP=/tmp/dump.json npm run train:propaganda -- --data DIR --out /tmp/m.json
 *   node --import tsx scripts/lab-propaganda-sentence.ts --data DIR --dump /tmp/dump.json [--hidden 16] [--epochs 4]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { OffsetMap } from '../src/core/codepoints.js';
import { insideTokens, isDevArticle, readArticles, readLabels } from '../src/eval/propaganda/ptc.js';
import { buildTextModel } from '../src/text/model.js';
import { defaultWordTable } from '../src/text/word-table.js';
import { foldWord } from '../src/detectors/propaganda/lexicons.js';
import { poolSentences, trainSentenceNet, sentenceNetLogits, SENTENCE_NET_INPUTS } from './lab/sentence-net.js';

const { values } = parseArgs({ options: { data: { type: 'string' }, dump: { type: 'string' }, hidden: { type: 'string' }, epochs: { type: 'string' }, lr: { type: 'string' }, l2: { type: 'string' }, seed: { type: 'string' } } });
const data = values.data!;
const dump = JSON.parse(readFileSync(values.dump!, 'utf8')) as Record<string, { sentence: number[] }>;
const texts = readArticles(join(data, 'train-articles'));
const si = readLabels(join(data, 'train-labels-task1-span-identification'), 'si');
const table = defaultWordTable();
type Row = { article: string; fold: number; x: Float32Array; lin: number; y: number };
const rows: Row[] = [];
let index = 0;
for (const [id, text] of texts) {
  if (isDevArticle(id)) continue;
  const fold = index++ % 5;
  const map = new OffsetMap(text);
  const m = buildTextModel(text);
  const gold = (si.get(id) ?? []).map((l) => ({ start: map.toUtf16(l.start), end: map.toUtf16(l.end) }));
  const labels = new Uint8Array(m.sentences.length);
  const inside = insideTokens(m.tokens, gold);
  m.tokens.forEach((t, i) => {
    if (inside[i]) labels[t.sentence] = 1;
  });
  const tokenRows = Int32Array.from(m.tokens, (t) => table.id(foldWord(t.text)));
  const pooled = poolSentences(table, tokenRows, Int32Array.from(m.tokens, (t) => t.sentence), m.sentences.length);
  const lin = dump[id]!.sentence;
  for (let s = 0; s < m.sentences.length; s++) rows.push({ article: id, fold, x: pooled.subarray(s * SENTENCE_NET_INPUTS, (s + 1) * SENTENCE_NET_INPUTS), lin: lin[s]!, y: labels[s]! });
}
const logit = (p: number) => Math.log(Math.max(1e-6, p) / Math.max(1e-6, 1 - p));
const sig = (z: number) => 1 / (1 + Math.exp(-z));
function report(name: string, p: Float64Array) {
  let ll = 0;
  rows.forEach((r, i) => (ll -= r.y ? Math.log(Math.max(1e-9, p[i]!)) : Math.log(Math.max(1e-9, 1 - p[i]!))));
  const order = Array.from(rows.keys()).sort((a, b) => p[b]! - p[a]!);
  const pos = rows.filter((r) => r.y).length;
  let tp = 0, fp = 0, auc = 0, bestF = 0;
  for (const i of order) {
    if (rows[i]!.y) tp++;
    else {
      fp++;
      auc += tp;
    }
    bestF = Math.max(bestF, (2 * tp) / (tp + fp + pos));
  }
  console.log(`${name.padEnd(28)} logloss ${(ll / rows.length).toFixed(4)} AUC ${(auc / (pos * (rows.length - pos))).toFixed(4)} best F1 ${bestF.toFixed(4)}`);
}
console.log(`${rows.length} train sentences, ${rows.filter((r) => r.y).length} with propaganda`);
report('linear sentence model (OOF)', Float64Array.from(rows, (r) => r.lin));
const options = { hidden: Number(values.hidden ?? 16), epochs: Number(values.epochs ?? 4), learningRate: Number(values.lr ?? 0.01), l2: Number(values.l2 ?? 1e-4), seed: Number(values.seed ?? 7) };
const oof = new Float64Array(rows.length);
const netOnly = new Float64Array(rows.length);
for (let fold = 0; fold < 5; fold++) {
  const trainRows = rows.filter((r) => r.fold !== fold);
  const net = trainSentenceNet(trainRows.map((r) => ({ x: r.x, base: logit(r.lin), y: r.y })), options);
  rows.forEach((r, i) => {
    if (r.fold !== fold) return;
    const z = sentenceNetLogits(net, r.x);
    oof[i] = sig(logit(r.lin) + z);
    netOnly[i] = sig(z);
  });
}
report(`residual net ${JSON.stringify(options)}`, oof);
