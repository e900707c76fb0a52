// node bench/spine-passes.mjs [DIR] [--passes 3] [--root BUILD]
// CPU milliseconds of buildProvenance over every file of DIR (text models built beforehand),
// pass after pass in one process: the first pass shows JIT warm-up (V8's optimising compiler,
// deoptimisations), the later ones the steady state. Run `npm run build` first.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';

const { values, positionals } = parseArgs({ options: { passes: { type: 'string', default: '3' }, root: { type: 'string', default: '.' } }, allowPositionals: true });
const dir = positionals[0] ?? '../shared/datasets/ptc-semeval2020-task11/train-articles';
const root = pathToFileURL(resolve(values.root) + '/').href;
const { buildTextModel } = await import(new URL('dist/src/text/model.js', root).href);
const { buildProvenance } = await import(new URL('dist/src/provenance/index.js', root).href);
const texts = readdirSync(dir).sort().map((f) => readFileSync(join(dir, f), 'utf8'));
const models = texts.map((t) => buildTextModel(t));
const cpu = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
const passes = [];
for (let p = 0; p < Number(values.passes); p++) {
  const start = cpu();
  texts.forEach((t, k) => buildProvenance(t, models[k], {}));
  passes.push(Math.round(cpu() - start));
}
console.log(`${texts.length} files, provenance CPU ms per pass: ${passes.join(' / ')}`);
