// node scripts/bench-spine.mjs [DIR] [--root BUILD] [--passes 3] [--bare]
// CPU seconds per pass of the spine alone, `analyze(text, { detectors: [] })` (text model and
// provenance), over every .txt file of DIR, in one process: one warm-up pass, then --passes
// passes. With --bare, the same passes of a bare wink-nlp read (sentences and POS, as
// bench/bare-wink.mjs reads), the yardstick of the ratio. --root points at another checkout's
// build, to alternate with it on a noisy machine. Run `npm run build` first.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';

const { values, positionals } = parseArgs({
  options: { root: { type: 'string', default: '.' }, passes: { type: 'string', default: '3' }, bare: { type: 'boolean', default: false } },
  allowPositionals: true,
});
const dir = positionals[0] ?? '../shared/datasets/ptc-semeval2020-task11/train-articles';
const root = resolve(values.root);
const texts = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(dir, f), 'utf8'));

let run;
if (values.bare) {
  const require = createRequire(join(root, 'package.json'));
  const winkNLP = require('wink-nlp');
  const nlp = winkNLP(require('wink-eng-lite-web-model'));
  run = (text) => {
    const doc = nlp.readDoc(text);
    doc.sentences().each(() => undefined);
    doc.tokens().out(nlp.its.pos);
  };
} else {
  const { analyze } = await import(pathToFileURL(join(root, 'dist/src/pipeline/analyze.js')).href);
  run = (text) => analyze(text, { detectors: [] });
}

const cpu = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1e6;
};
const passes = [];
for (let p = 0; p <= Number(values.passes); p++) {
  const start = cpu();
  for (const text of texts) run(text);
  passes.push((cpu() - start).toFixed(2));
}
const what = values.bare ? 'bare wink-nlp' : `spine (${root})`;
console.log(`${what}, ${texts.length} files: warm-up ${passes[0]} s, then ${passes.slice(1).join(' / ')} CPU s per pass`);
