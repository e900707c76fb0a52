import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Token } from '../../src/core/types.js';
import { buildProvenance } from '../../src/provenance/index.js';
import { buildTextModel } from '../../src/text/model.js';

const META = { source: null, title: null, byline: null, publishedAt: null, url: null, language: 'en', format: 'text' as const };

/**
 * The work provenance does on a text, as the number of token properties it reads (each token
 * wrapped in a counting proxy): a count, not a time, so the test does not depend on the machine.
 */
function tokenReads(text: string): { reads: number; quotes: number } {
  const model = buildTextModel(text);
  let reads = 0;
  const handler: ProxyHandler<Token> = {
    get(target, key, receiver) {
      reads++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  };
  const tokens = model.tokens.map((t) => new Proxy(t, handler));
  const p = buildProvenance(text, { ...model, tokens }, META);
  return { reads, quotes: p.quotes.length };
}

/** One sentence with no break: each shape repeated n times. */
const SHAPES: Record<string, (n: number) => string> = {
  'quotes with a cue between': (n) => '"a," Lee said, "b" '.repeat(n),
  'reports with a that-clause': (n) => 'Lee said that the plan would fail, '.repeat(n),
  'closing cue clauses': (n) => 'The economy grew, the minister said, '.repeat(n),
  'according to': (n) => 'the talks failed, according to TASS, '.repeat(n),
  'participle after a cue': (n) => '"We won," Lee said, adding that the vote was fair, '.repeat(n),
};

for (const [name, shape] of Object.entries(SHAPES)) {
  test(`provenance work grows linearly on one unbroken sentence: ${name}`, () => {
    const small = tokenReads(shape(150));
    const large = tokenReads(shape(600));
    assert.ok(small.quotes > 0 || large.quotes === 0);
    // Linear work gives a ratio near 4 for 4 times the input; quadratic work, near 16.
    const ratio = large.reads / small.reads;
    assert.ok(ratio < 6, `4x the input read ${ratio.toFixed(1)}x as many token properties (${small.reads} -> ${large.reads})`);
  });
}
