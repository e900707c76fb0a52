// The yardstick for `npm run bench:ratio`: a bare wink-nlp pass (sentences and POS) over
// the same files the CLI analyses, as one whole process, start-up included.
//   node bench/bare-wink.mjs DIR
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

const dir = process.argv[2];
const nlp = winkNLP(model);
let tokens = 0;
for (const name of readdirSync(dir).sort()) {
  if (!['.txt', '.html', '.htm'].includes(extname(name))) continue;
  const doc = nlp.readDoc(readFileSync(join(dir, name), 'utf8'));
  doc.sentences().each(() => undefined);
  tokens += doc.tokens().out(nlp.its.pos).length;
}
process.stdout.write(`${tokens}\n`);
