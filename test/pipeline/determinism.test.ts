import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { defaultDetectors } from '../../src/detectors/registry.js';
import type { AnalyzeInput } from '../../src/input/document.js';
import { analyze } from '../../src/pipeline/analyze.js';
import { jsonText } from '../../src/pipeline/worker/protocol.js';
import { createAnalysisThreads } from '../../src/pipeline/worker/threads.js';
import { FIXTURES, goldenSlugs } from '../golden/golden.js';

interface Doc {
  source: string;
  input: AnalyzeInput;
}

/**
 * The golden fixtures plus texts with the shapes that once made results depend on what
 * the process read before: words wink-nlp learns ("Donald's,"), and a contraction it
 * leaves whole ("who cannot." at a line end), whose lemma came from whatever word the
 * growing lexicon held.
 */
function corpus(): Doc[] {
  const docs: Doc[] = goldenSlugs().map((slug) => {
    const html = join(FIXTURES, slug, 'source.html');
    const input = existsSync(html) ? { html: readFileSync(html, 'utf8') } : { text: readFileSync(join(FIXTURES, slug, 'input.txt'), 'utf8') };
    return { source: slug, input };
  });
  const extra = [
    "Taxes will go up, as will Donald's, and it isn't fair, isn't it, Donald's? Grzegorzewski's plan cannot.\nWork.",
    'They decide who can enter the country and who cannot.\nPamela Geller said the Zyxwvutian regime "will never win", Reuters reported.',
    'Quxbarville officials cannot.\nThe so-called "experts" claimed 40 per cent of voters were misled on 3 March 2020.',
  ];
  extra.forEach((text, i) => docs.push({ source: `extra-${i}`, input: { text } }));
  return docs;
}

const serialise = (doc: Doc, detectors = defaultDetectors()) => JSON.stringify(analyze(doc.input, { meta: { source: doc.source }, detectors }));

test('one document gives the same bytes whatever was analysed before, in any order and on any thread', async (t) => {
  const docs = corpus();
  const detectors = defaultDetectors();
  const forward = docs.map((d) => serialise(d, detectors));
  const backward = [...docs].reverse().map((d) => serialise(d, detectors)).reverse();
  const again = docs.map((d) => serialise(d, detectors));
  for (let i = 0; i < docs.length; i++) {
    assert.equal(backward[i], forward[i], `${docs[i]!.source}: reverse order`);
    assert.equal(again[i], forward[i], `${docs[i]!.source}: second pass`);
  }

  const threads = createAnalysisThreads(2);
  t.after(() => threads.destroy());
  const pooled = await Promise.all(docs.map((d) => threads.run({ kind: 'analyze', input: d.input, source: d.source })));
  pooled.forEach((result, i) => {
    assert.ok(result.ok, `${docs[i]!.source}: analysed on a thread`);
    assert.equal(jsonText(result.json), forward[i], `${docs[i]!.source}: pool of two`);
  });
});
