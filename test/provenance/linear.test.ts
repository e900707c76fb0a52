import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Outlet, Span, Token } from '../../src/core/types.js';
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
  const handler: ProxyHandler<object> = {
    get(target, key, receiver) {
      reads++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  };
  const tokens = model.tokens.map((t) => new Proxy(t, handler) as Token);
  // The outlets' mentions are counted too: several passes ask which outlet a span names.
  const findOutlets = (t: string): Outlet[] => {
    const mentions: Span[] = [];
    for (let i = t.indexOf('Channel One'); i >= 0; i = t.indexOf('Channel One', i + 1)) mentions.push(new Proxy({ start: i, end: i + 11 }, handler) as Span);
    return mentions.length ? [{ id: 'channel-one', name: 'Channel One', country: null, stateAffiliated: null, typology: null, owner: null, mentions }] : [];
  };
  const p = buildProvenance(text, { ...model, tokens }, META, { findOutlets });
  return { reads, quotes: p.quotes.length };
}

/** One sentence with no break: each shape repeated n times. */
const SHAPES: Record<string, (n: number) => string> = {
  'quotes with a cue between': (n) => '"a," Lee said, "b" '.repeat(n),
  'reports with a that-clause': (n) => 'Lee said that the plan would fail, '.repeat(n),
  'closing cue clauses': (n) => 'The economy grew, the minister said, '.repeat(n),
  'according to': (n) => 'the talks failed, according to TASS, '.repeat(n),
  'participle after a cue': (n) => '"We won," Lee said, adding that the vote was fair, '.repeat(n),
  'relayed quotes': (n) => '"We won," Lee told a meeting, according to TASS, '.repeat(n),
  'according to, then a speaker': (n) => 'According to TASS, the talks failed, the minister said, '.repeat(n),
  'a speaker after "but"': (n) => 'The ministry declined to comment, but an official, speaking anonymously, said the talks stalled, '.repeat(n),
  'quoted as saying': (n) => 'Channel One quoted an official as saying that the talks stalled, '.repeat(n),
  'reports nested in an outlet\'s': (n) => 'Lee told reporters that the plan failed, Channel One reported, '.repeat(n),
};

/** Many short paragraphs: an interview, titles, pronouns, outlets, partial quotes, all over a long text. */
const ARTICLE = [
  'Foreign Minister Anna Lee told Channel One on Monday that prices would rise.',
  '“We are ready,” she said. The minister said the plan, which she called “a fair deal”, would pass.',
  'According to Channel One, the talks failed. The economy grew, the finance minister said.',
  'Officials said they expected “no change” soon, the agency reported.',
].join('\n\n');

test('provenance work grows linearly over a long text of many paragraphs', () => {
  const small = tokenReads(Array(40).fill(ARTICLE).join('\n\n'));
  const large = tokenReads(Array(160).fill(ARTICLE).join('\n\n'));
  assert.ok(small.quotes > 0);
  const ratio = large.reads / small.reads;
  assert.ok(ratio < 6, `4x the text read ${ratio.toFixed(1)}x as many token and outlet-mention properties (${small.reads} -> ${large.reads})`);
});

test('provenance work grows linearly over a long interview transcript', () => {
  const transcript = (n: number) => ['Lee spoke to Channel One.', ...Array<string>(n).fill('Q: Will you run again, as they said you would?\n\nLee: No. I said so last year, and Channel One reported it.')].join('\n\n');
  const small = tokenReads(transcript(100));
  const large = tokenReads(transcript(400));
  assert.ok(small.quotes >= 200, String(small.quotes));
  const ratio = large.reads / small.reads;
  assert.ok(ratio < 6, `4x the turns read ${ratio.toFixed(1)}x as many token and outlet-mention properties (${small.reads} -> ${large.reads})`);
});

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
