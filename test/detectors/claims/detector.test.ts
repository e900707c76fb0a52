import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createClaimsDetector } from '../../../src/detectors/claims/index.js';
import { defaultDetectors } from '../../../src/detectors/registry.js';
import { analyze, voiceOf } from '../../../src/pipeline/analyze.js';
import { buildTextModel } from '../../../src/text/model.js';
import { assertSpansConsistent } from '../../helpers.js';

const detectors = [createClaimsDetector()];
const claimsIn = (text: string, publishedAt?: string) => {
  const analysis = analyze({ text }, { detectors, meta: publishedAt ? { publishedAt } : {} });
  assertSpansConsistent(analysis);
  return analysis.findings;
};

describe('claims detector (shipped model)', () => {
  it('does not report a byline as a claim', () => {
    for (const byline of ['Posted by Viktor Drago, independent analyst', 'By Mark Holloway, The Sovereign Review, 16 March 2024']) {
      assert.deepEqual(claimsIn(`${byline}\n\nIn 2019 the government called in foreign troops to end the protests.`).map((f) => f.text), ['In 2019 the government called in foreign troops to end the protests.']);
    }
  });

  it('is in the default detector list', () => {
    assert.ok(defaultDetectors().some((d) => d.name === 'claims' && d.kind === 'claim'));
  });

  it('reports the issue example with its date and actor, and explains which features fired', () => {
    const text = 'In 2019 the government called in foreign troops to end the protests.';
    const [claim, ...rest] = claimsIn(text);
    assert.equal(rest.length, 0);
    assert.ok(claim);
    assert.equal(claim.kind, 'claim');
    assert.equal(claim.label, 'checkworthy');
    assert.equal(claim.text, text);
    assert.equal(claim.voice, 'author');
    assert.ok(claim.score > 0 && claim.score <= 1);
    assert.match(claim.model ?? '', /^claims-logreg@/);
    assert.match(claim.explanation, /past tense/);
    assert.match(claim.explanation, /a year|a date/);
    assert.deepEqual(
      claim.parts?.map((p) => [p.type, p.text, p.value]),
      [
        ['date', '2019', '2019'],
        ['organisation', 'government', null],
      ],
    );
  });

  it('reports statistics with their units and scales', () => {
    const text = 'Unemployment rose to 7.5% in May 2020, when 4 million people lost their jobs, the statistics office said.';
    const [claim] = claimsIn(text, '2020-06-15');
    assert.ok(claim, 'a statistic with a date is a claim');
    const numbers = claim.parts?.filter((p) => p.type === 'number').map((p) => [p.text, p.value, p.unit]);
    assert.deepEqual(numbers, [
      ['7.5%', 7.5, 'percent'],
      ['4 million people', 4e6, 'people'],
    ]);
    assert.deepEqual(claim.parts?.filter((p) => p.type === 'date').map((p) => p.value), ['2020-05']);
  });

  it('does not report opinion, prediction, questions or rhetoric', () => {
    const negatives = [
      "The channel's coverage keeps getting better.",
      'I think we should be proud of this wonderful team.',
      'Unemployment will fall sharply and wages will rise.',
      'Will the minister resign after all this?',
      'Did the government really send troops in 2019?',
      'What a disgrace this whole affair is!',
      'Thank you all so much for coming tonight.',
    ];
    for (const text of negatives) assert.deepEqual(claimsIn(text), [], text);
  });

  it('does not report a call to action, whatever tense follows it, but keeps one that states a figure', () => {
    for (const text of [
      "It's time we sent every last one of them back where they came from.",
      "Let's finally show the council who really runs this town.",
      'Time to clear the lot of them off our streets.',
      'We all need to stand up and fight for what we built.',
      'So we must take our country back, before it is too late.',
    ]) assert.deepEqual(claimsIn(text), [], text);
    for (const text of ["It's time we cut income tax by 20 percent, as Ireland did in 2015.", 'We need to remember that unemployment fell to 3.5% in 2019.']) {
      assert.deepEqual(claimsIn(text).map((f) => f.text), [text], text);
    }
  });

  it('finds the claims among other sentences, in document order and ranked by score', () => {
    const text = [
      'Good evening and welcome.',
      'The city council approved a budget of $2.1bn on Tuesday.',
      'Frankly, this is the best plan we could hope for.',
      'Crime fell by 12 percent in 2022, police figures show.',
    ].join(' ');
    const claims = claimsIn(text, '2023-01-12');
    assert.deepEqual(
      claims.map((c) => c.text),
      ['The city council approved a budget of $2.1bn on Tuesday.', 'Crime fell by 12 percent in 2022, police figures show.'],
    );
    const tuesday = claims[0]!.parts?.find((p) => p.text === 'Tuesday');
    assert.equal(tuesday?.value, '2023-01-10');
  });

  it('rejects a threshold outside 0..1 when it is built', () => {
    assert.throws(() => createClaimsDetector({ threshold: 1.5 }), /threshold/);
  });
});

describe('claims detector and the voice map', () => {
  it("leaves the voice to the spine, so a quoted claim is quoted and the author's is the author's", () => {
    const text = 'In 2020 the army fired 300 officers. "In 2021 the police arrested 40 protesters," the minister said.';
    const quoteStart = text.indexOf('"');
    const quoteEnd = text.indexOf('"', quoteStart + 1) + 1;
    const voices = [
      { start: 0, end: quoteStart - 1, voice: 'author' as const },
      { start: quoteStart, end: quoteEnd, voice: 'quoted' as const, quoteId: 'q1' },
      { start: quoteEnd + 1, end: text.length, voice: 'author' as const },
    ];
    const meta = { source: null, title: null, byline: null, publishedAt: null, url: null, language: 'en', format: 'text' as const };
    const doc = { text, meta, ...buildTextModel(text), voices, quotes: [], speakers: [], outlets: [] };
    const found = createClaimsDetector().detect(doc);
    assert.equal(found.length, 2, JSON.stringify(found.map((f) => f.text)));
    assert.ok(found.every((f) => f.voice === undefined), 'the detector does not guess the voice');
    assert.deepEqual(
      found.map((f) => voiceOf(voices, f.start, f.end)),
      ['author', 'quoted'],
    );
  });
});
