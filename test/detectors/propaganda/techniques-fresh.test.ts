import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createPropagandaDetector } from '../../../src/detectors/propaganda/detector.js';
import { buildFeatureContext } from '../../../src/detectors/propaganda/features.js';
import { defaultPropagandaLexicon } from '../../../src/detectors/propaganda/lexicons.js';
import { defaultPropagandaModel, usesWordVectors } from '../../../src/detectors/propaganda/model.js';
import { classifySpan } from '../../../src/detectors/propaganda/predict.js';
import { articleVoices } from '../../../src/eval/propaganda/predict.js';
import { analyze } from '../../../src/pipeline/analyze.js';
import { buildTextModel } from '../../../src/text/model.js';
import { assertSpansConsistent } from '../../helpers.js';
import { spanOf, TECHNIQUE_FIXTURES } from './technique-fixtures.js';

function ranked(text: string, span: { start: number; end: number }) {
  const model = defaultPropagandaModel();
  const m = buildTextModel(text);
  const ctx = buildFeatureContext(text, m.tokens, m.sentences, defaultPropagandaLexicon(), model.sentiment, model.clusters, usesWordVectors(model), articleVoices(text, m));
  return classifySpan(model, ctx, span)!.map((r) => r.label);
}

test('bandwagon phrasing is a lexicon cue: "everyone knows", "every honest person can see", "any reasonable person"', () => {
  const lexicon = defaultPropagandaLexicon();
  for (const text of ['Everyone knows the deal was rigged.', 'Every honest person can see the truth.', 'Any reasonable person would agree with us.', 'We all know what happened next.']) {
    const hits = lexicon.match(buildTextModel(text).tokens);
    assert.ok(
      hits.some((h) => h.technique === 'Bandwagon,Reductio_ad_hitlerum'),
      `${text}: ${hits.map((h) => `${h.term}/${h.technique}`).join(', ') || 'no hits'}`,
    );
  }
});

// PTC annotates few "everyone knows" appeals, so the tagger does not learn them; the
// lexicon's bandwagon-consensus entry is marked `report`, so each of its hits is a finding.
test('the shipped model flags bandwagon phrasing in a fresh sentence, as Bandwagon', () => {
  const text = 'Everyone knows the election commission was bought, and every honest person can see it.';
  const analysis = analyze(text, { detectors: [createPropagandaDetector()] });
  assertSpansConsistent(analysis);
  for (const cue of ['Everyone knows', 'every honest person']) {
    const at = text.indexOf(cue);
    assert.ok(
      analysis.findings.some((f) => f.start <= at && f.end >= at + cue.length && f.label === 'Bandwagon,Reductio_ad_hitlerum'),
      `${cue}: ${analysis.findings.map((f) => `${f.label}: ${f.text}`).join(' | ') || 'no findings'}`,
    );
  }
});

// The weakest techniques out of fold (Black-and-White, Thought-terminating clichés,
// Whataboutism) have stock phrases PTC rarely annotates; their lexicon entries marked
// `report` make each phrase a finding of its own technique.
test('stock phrases of the weak techniques are findings of their technique in fresh sentences', () => {
  const cases: Array<[string, string, string]> = [
    ['The council raised the parking fees again. It is what it is.', 'It is what it is', 'Thought-terminating_Cliches'],
    ['She broke the rules and lost her seat, end of story.', 'end of story', 'Thought-terminating_Cliches'],
    ['You are either with us or against us on this bill.', 'with us or against us', 'Black-and-White_Fallacy'],
    ['On the pension reform there is no middle ground.', 'there is no middle ground', 'Black-and-White_Fallacy'],
    ['The mayor is blamed for the potholes, but what about the governor and his broken roads?', 'but what about', 'Whataboutism,Straw_Men,Red_Herring'],
    ['Our party made one mistake. Where is the outrage about the other side?', 'Where is the outrage', 'Whataboutism,Straw_Men,Red_Herring'],
  ];
  for (const [text, cue, technique] of cases) {
    const analysis = analyze(text, { detectors: [createPropagandaDetector()] });
    assertSpansConsistent(analysis);
    const at = text.indexOf(cue);
    assert.ok(
      analysis.findings.some((f) => f.start <= at && f.end >= at + cue.length && f.label === technique),
      `${cue}: ${analysis.findings.map((f) => `${f.label}: ${f.text}`).join(' | ') || 'no findings'}`,
    );
  }
});

test('plain questions and phrases that only share words with the stock phrases are not reported as them', () => {
  for (const [text, technique] of [
    ['What about the weather tomorrow, will it rain?', 'Whataboutism,Straw_Men,Red_Herring'],
    ['The end of the story was printed in the Sunday edition.', 'Thought-terminating_Cliches'],
    ['Either route takes about an hour by train.', 'Black-and-White_Fallacy'],
  ] as const) {
    const analysis = analyze(text, { detectors: [createPropagandaDetector()] });
    assert.ok(!analysis.findings.some((f) => f.label === technique), `${text}: ${analysis.findings.map((f) => `${f.label}: ${f.text}`).join(' | ')}`);
  }
});

/** Techniques with out-of-fold TC F1 above 0.45: their fresh phrases must come first. */
const STRONG = new Set(['Doubt', 'Flag-Waving', 'Loaded_Language', 'Name_Calling,Labeling', 'Slogans']);

test('fresh sentences: the strong techniques come first for their phrases', () => {
  for (const f of TECHNIQUE_FIXTURES.filter((x) => STRONG.has(x.technique))) {
    const labels = ranked(f.text, spanOf(f));
    assert.equal(labels[0], f.technique, `"${f.span}" -> ${labels.slice(0, 3).join(', ')}`);
  }
});

// Measured with the shipped model: 10 of 18 first, 13 within the top three (8 and 11
// before issue 17's macro-aware offsets and spine voice features); the misses are both
// Bandwagon phrases, Whataboutism, Causal Oversimplification, one phrase each of
// Authority, Thought-terminating, fear and Exaggeration.
test('fresh sentences over all techniques: most land within the classifier’s top three', () => {
  let first = 0;
  let top3 = 0;
  for (const f of TECHNIQUE_FIXTURES) {
    const labels = ranked(f.text, spanOf(f));
    if (labels[0] === f.technique) first++;
    if (labels.slice(0, 3).includes(f.technique)) top3++;
  }
  assert.ok(first >= 9 && top3 >= 12, `${first} first, ${top3} within the top three, of ${TECHNIQUE_FIXTURES.length}`);
});
