// CPU split of the propaganda detector by stage over documents the pipeline built beforehand: the
// feature context, sentence model, window net, tagger (first stage), smoothing stage, span proposal
// (decoding, filter, cues), the technique classifier on the proposed spans, and the rest of `detect`
// (explanations, scare quotes, findings) as the whole `detect` minus those. Passes after a warm-up
// pass; medians over passes 2.. are printed in ms of CPU.
// Usage: node scripts/bench-propaganda-stages.mjs [PACKAGE_ROOT (default .)] [ARTICLES_DIR] [PASSES (default 3)]
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(process.argv[2] ?? '.');
const dir = process.argv[3] ?? '../shared/datasets/ptc-semeval2020-task11/train-articles';
const passes = Number(process.argv[4] ?? 3);
const m = (p) => import(join(root, 'dist/src', p));
const { analyze } = await m('pipeline/analyze.js');
const { defaultPropagandaModel, usesWordVectors } = await m('detectors/propaganda/model.js');
const { defaultPropagandaLexicon } = await m('detectors/propaganda/lexicons.js');
const { buildFeatureContext } = await m('detectors/propaganda/features.js');
const predict = await m('detectors/propaganda/predict.js');
const { proposeSpans } = await m('detectors/propaganda/propose.js');
const { createPropagandaDetector } = await m('detectors/propaganda/index.js');

const docs = [];
const keep = { name: 'keep', kind: 'propaganda', labels: [], detect: (doc) => (docs.push(doc), []) };
for (const f of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) analyze(readFileSync(join(dir, f), 'utf8'), { detectors: [keep] });
const model = defaultPropagandaModel();
const lexicon = defaultPropagandaLexicon();
const detector = createPropagandaDetector();
const gate = model.tokenGate ?? 0;
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const STAGES = ['context', 'sentence', 'net', 'tagger', 'stack', 'propose', 'classify', 'detect'];
const runs = [];
let tokens = 0, tagged = 0;
for (let p = 0; p < passes + 1; p++) {
  const ms = Object.fromEntries(STAGES.map((s) => [s, 0]));
  tokens = 0;
  tagged = 0;
  for (const doc of docs) {
    if (doc.tokens.length === 0) continue;
    let t = cpu();
    const lap = (stage) => {
      const now = cpu();
      ms[stage] += now - t;
      t = now;
    };
    const ctx = buildFeatureContext(doc.text, doc.tokens, doc.sentences, lexicon, model.sentiment, model.clusters, usesWordVectors(model), doc.voices);
    lap('context');
    const sp = predict.sentenceProbabilities(model, ctx);
    lap('sentence');
    const mask = gate > 0 && predict.tokenStageMask ? predict.tokenStageMask(model, ctx, sp) : null;
    // The window network feeds the smoothing stage, over the sentences the gate lets through.
    const net = predict.netProbabilities(model, ctx, mask);
    lap('net');
    const first = predict.firstStageProbabilities(model.tagger, ctx, sp, null, mask);
    lap('tagger');
    const probs = predict.stackedProbabilities(model.stack, ctx, first, sp, mask, net);
    lap('stack');
    const spans = proposeSpans(model, ctx, sp, probs);
    lap('propose');
    for (const s of spans) predict.classifyTokens(model, ctx, s.first, s.last);
    lap('classify');
    detector.detect(doc);
    lap('detect');
    tokens += ctx.tokens.length;
    if (mask) for (const x of mask) tagged += x;
    else tagged += ctx.tokens.length;
  }
  if (p > 0) runs.push(ms);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const med = Object.fromEntries(STAGES.map((s) => [s, median(runs.map((r) => r[s]))]));
const parts = STAGES.filter((s) => s !== 'detect').reduce((a, s) => a + med[s], 0);
const rest = med.detect - parts;
console.log(`${root}: propaganda stages over ${docs.length} documents, ${tokens} tokens (${((100 * tagged) / tokens).toFixed(1)}% through the token stages), median of ${passes} passes, ms CPU:`);
for (const s of STAGES) console.log(`  ${s.padEnd(9)} ${med[s].toFixed(0).padStart(6)}${s === 'detect' ? '' : `  (${((100 * med[s]) / med.detect).toFixed(1)}% of detect)`}`);
console.log(`  rest      ${rest.toFixed(0).padStart(6)}  (${((100 * rest) / med.detect).toFixed(1)}% of detect: explanations, scare quotes, findings)`);
