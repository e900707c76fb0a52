// CPU time of the propaganda scoring stages (sentence model, window net, first stage, stack) over prebuilt
// feature contexts of the first 150 PTC train articles, 3 passes after a warm-up.
// Usage: node scripts/bench-propaganda-scoring.mjs [PACKAGE_ROOT (default .; a built checkout, to compare)] [ARTICLES_DIR]
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
const root = resolve(process.argv[2] ?? '.');
const m = (p) => import(join(root, 'dist/src', p));
const { defaultPropagandaModel, usesWordVectors } = await m('detectors/propaganda/model.js');
const { defaultPropagandaLexicon } = await m('detectors/propaganda/lexicons.js');
const { buildFeatureContext } = await m('detectors/propaganda/features.js');
const { sentenceProbabilities, tokenProbabilities } = await m('detectors/propaganda/predict.js');
const { buildTextModel } = await m('text/model.js');
const dir = process.argv[3] ?? '../shared/datasets/ptc-semeval2020-task11/train-articles';
const texts = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().slice(0, 150).map((f) => readFileSync(join(dir, f), 'utf8'));
const model = defaultPropagandaModel(); const lex = defaultPropagandaLexicon();
const ctxs = texts.map((t) => { const d = buildTextModel(t); return buildFeatureContext(t, d.tokens, d.sentences, lex, model.sentiment, model.clusters, usesWordVectors(model)); });
const run = () => { let s = 0; for (const c of ctxs) { const sp = sentenceProbabilities(model, c); s += tokenProbabilities(model, c, sp)[0] ?? 0; } return s; };
run();
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const a = cpu(); for (let r = 0; r < 3; r++) run(); const ms = cpu() - a;
console.log(`${root}: scoring ${(ms / 3).toFixed(0)} ms CPU per pass over ${ctxs.length} articles`);
