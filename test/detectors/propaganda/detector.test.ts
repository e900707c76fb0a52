import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AnalyzedDocument } from '../../../src/core/document.js';
import type { Meta, Quote } from '../../../src/core/types.js';
import { createPropagandaDetector } from '../../../src/detectors/propaganda/detector.js';
import { createLexicon } from '../../../src/detectors/propaganda/lexicons.js';
import { TECHNIQUE_LABELS } from '../../../src/detectors/propaganda/techniques.js';
import { analyze } from '../../../src/pipeline/analyze.js';
import { buildTextModel } from '../../../src/text/model.js';
import { assertSpansConsistent } from '../../helpers.js';
import { binary, tinyModel } from './tiny-model.js';

const lexicon = createLexicon([
  { id: 'test-outrage', description: 'test', source: 'test', technique: 'Loaded_Language', terms: ['disgraceful'] },
  { id: 'test-nation', description: 'test', source: 'test', technique: 'Flag-Waving', terms: ['our nation'] },
]);

const META: Meta = { source: null, title: null, byline: null, publishedAt: null, url: null, language: 'en', format: 'text' };

test('labels: the 14 PTC techniques, each with a one-line definition', () => {
  const detector = createPropagandaDetector({ model: tinyModel({ words: [] }), lexicon });
  assert.deepEqual(detector.labels.map((l) => l.label), [...TECHNIQUE_LABELS]);
  assert.equal(new Set(detector.labels.map((l) => l.label)).size, 14);
  for (const l of detector.labels) {
    assert.ok(l.definition.length > 20 && !l.definition.includes('\n'), l.label);
  }
});

test('tags the words the model marks, labels them with the classifier and explains why', () => {
  const model = tinyModel({ words: ['disgraceful', 'betrayal'], classes: { 'u=betrayal': { 'Name_Calling,Labeling': 5 } } });
  const detector = createPropagandaDetector({ model, lexicon });
  const text = 'The vote was held on Monday. Critics called it a disgraceful betrayal of the town.';
  const analysis = analyze(text, { detectors: [detector] });
  assertSpansConsistent(analysis);
  assert.equal(analysis.findings.length, 1);
  const f = analysis.findings[0]!;
  assert.equal(f.text, 'disgraceful betrayal');
  assert.equal(f.kind, 'propaganda');
  assert.equal(f.label, 'Name_Calling,Labeling');
  assert.equal(f.model, 'tiny@test');
  assert.equal(f.voice, 'author');
  assert.ok(f.score > 0 && f.score <= 1);
  assert.match(f.explanation, /word “disgraceful”|word “betrayal”/);
  assert.match(f.explanation, /Name_Calling,Labeling \(technique p/);
});

test('a lexicon hit of the chosen technique is reported as the rule id', () => {
  const detector = createPropagandaDetector({ model: tinyModel({ words: ['disgraceful'] }), lexicon });
  const [f] = analyze('It was a disgraceful decision.', { detectors: [detector] }).findings;
  assert.equal(f?.label, 'Loaded_Language');
  assert.equal(f?.ruleId, 'test-outrage');
});

test('finds nothing in a text without cues', () => {
  const detector = createPropagandaDetector({ model: tinyModel({ words: ['disgraceful'] }), lexicon });
  assert.deepEqual(analyze('The council met on Monday to discuss the budget.', { detectors: [detector] }).findings, []);
});

test('repetition extension labels untagged repeats as Repetition', () => {
  // The tagger fires on "crooks" only right after "the" (a bigram feature), so the
  // second occurrence is found by the whole-article repetition step alone.
  const model = tinyModel({ words: [], repetition: 'all' });
  const tagger = model.tagger as { index: Map<string, number>; weights: Float32Array };
  const weights = Float32Array.from([...tagger.weights, 12]);
  tagger.index.set('ww-=the|crooks', weights.length - 1);
  const withRepetition = { ...model, tagger: { index: tagger.index, weights } };
  const detector = createPropagandaDetector({ model: withRepetition, lexicon });
  const text = 'Look at the crooks in charge.\n\nThese crooks never learn.';
  const findings = analyze(text, { detectors: [detector] }).findings;
  assert.equal(findings.length, 2);
  assert.equal(findings[0]!.text, 'crooks');
  assert.equal(findings[1]!.text, 'crooks');
  assert.equal(findings[1]!.label, 'Repetition');
  assert.match(findings[1]!.explanation, /repeats a phrase/);
  assert.ok(findings[1]!.start > findings[0]!.end);
});

test('scare quotes from the spine become findings with a fitting label', () => {
  const text = 'Western-funded “activists” staged a protest on Sunday.';
  const start = text.indexOf('“');
  const end = text.indexOf('”') + 1;
  const quote: Quote = { id: 'q1', kind: 'scare', start, end, text: text.slice(start, end), speakerId: null, outletId: null, cue: null, explanation: 'quotation marks around a single word with no speaker' };
  const doc: AnalyzedDocument = { text, meta: META, ...buildTextModel(text), voices: [{ start: 0, end: text.length, voice: 'author' }], quotes: [quote], speakers: [], outlets: [] };
  // The tagger marks the word, so the quote passes the seed bar; the tagged word itself
  // lies within the quote and is not reported a second time.
  const model = tinyModel({ words: ['activists'], classes: { 'u=activist': { 'Name_Calling,Labeling': 4, Slogans: 9 } } });
  const findings = createPropagandaDetector({ model, lexicon }).detect(doc);
  assert.equal(findings.length, 1);
  const f = findings[0]!;
  assert.equal(f.text, '“activists”');
  assert.equal(text.slice(f.start, f.end), f.text);
  // Slogans scores higher, but a scare quote can only be one of the three fitting labels.
  assert.equal(f.label, 'Name_Calling,Labeling');
  assert.match(f.explanation, /scare quotes around “activists”/);
  assert.ok(f.score >= 0.6);

  const off = createPropagandaDetector({ model, lexicon, scareQuotes: false }).detect(doc);
  assert.deepEqual(off.map((x) => x.text), ['activists']);

  // Quotation marks the tagger sees nothing in (a term, a title) are not reported.
  const blind = createPropagandaDetector({ model: tinyModel({ words: [] }), lexicon }).detect(doc);
  assert.deepEqual(blind, []);

  // A tagged span reaching beyond the quote is a finding of its own.
  const tagging = tinyModel({ words: ['funded', 'activists'], classes: { 'u=activist': { 'Name_Calling,Labeling': 4 } } });
  const both = createPropagandaDetector({ model: tagging, lexicon }).detect(doc);
  assert.equal(both.length, 2);
  assert.match(both[0]!.explanation, /scare quotes/);
  assert.ok(both[1]!.start < start && both[1]!.end >= end - 1, both[1]!.text);
});

test('options are checked when the detector is made', () => {
  assert.throws(() => createPropagandaDetector({ minScore: 2 }), { code: 'UNSPIN_E_USAGE' });
  assert.throws(() => createPropagandaDetector({ minScore: Number.NaN }), { code: 'UNSPIN_E_USAGE' });
});

test('minScore drops weaker spans', () => {
  const model = tinyModel({ words: ['disgraceful'] });
  const text = 'It was a disgraceful decision.';
  assert.equal(analyze(text, { detectors: [createPropagandaDetector({ model, lexicon, minScore: 0.4 })] }).findings.length, 1);
  assert.equal(analyze(text, { detectors: [createPropagandaDetector({ model, lexicon, minScore: 0.6 })] }).findings.length, 0);
});

test('a sentence the sentence model is sure of, with no tagged span, is reported whole', () => {
  const model = { ...tinyModel({ words: [] }), sentence: binary({ bias: -4, 'u=everyone': 8 }), wholeSentence: 0.9 };
  const detector = createPropagandaDetector({ model, lexicon });
  const text = 'The plan failed on Monday. Everyone knows the truth about them.';
  const findings = analyze(text, { detectors: [detector] }).findings;
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.text, 'Everyone knows the truth about them.');
  assert.ok(Math.abs(findings[0]!.score - 0.982) < 0.001, String(findings[0]!.score));
  assert.match(findings[0]!.explanation, /whole sentence, sentence score 0\.98 from word “everyone”/);
  const off = createPropagandaDetector({ model: { ...model, wholeSentence: null }, lexicon });
  assert.deepEqual(analyze(text, { detectors: [off] }).findings, []);
});

test('a hit of a lexicon entry marked report is a finding of its technique up to the end of its clause, even where the tagger sees nothing', () => {
  const cues = createLexicon([
    { id: 'test-consensus', description: 'test', source: 'test', technique: 'Bandwagon,Reductio_ad_hitlerum', terms: ['everyone knows'], report: true },
    { id: 'test-quiet', description: 'test', source: 'test', technique: 'Bandwagon,Reductio_ad_hitlerum', terms: ['most people'] },
  ]);
  const detector = createPropagandaDetector({ model: tinyModel({ words: [] }), lexicon: cues });
  const text = 'Everyone knows the vote was rigged, and most people agree.';
  const analysis = analyze(text, { detectors: [detector] });
  assertSpansConsistent(analysis);
  assert.deepEqual(
    analysis.findings.map((f) => [f.text, f.label, f.ruleId]),
    [['Everyone knows the vote was rigged', 'Bandwagon,Reductio_ad_hitlerum', 'test-consensus']],
  );
  assert.match(analysis.findings[0]!.explanation, /lexicon cue “everyone knows”/);
});

test('a reported cue covered by a finding of its own technique adds no second finding; under another technique it does', () => {
  const cues = createLexicon([{ id: 'test-consensus', description: 'test', source: 'test', technique: 'Bandwagon,Reductio_ad_hitlerum', terms: ['everyone knows'], report: true }]);
  const text = 'Everyone knows it.';
  const asBandwagon = tinyModel({ words: ['everyone', 'knows'], classes: { 'u=everyone': { 'Bandwagon,Reductio_ad_hitlerum': 5 } } });
  const same = analyze(text, { detectors: [createPropagandaDetector({ model: asBandwagon, lexicon: cues })] }).findings;
  assert.deepEqual(same.map((f) => [f.text, f.label]), [['Everyone knows', 'Bandwagon,Reductio_ad_hitlerum']]);
  // The tagger's span is labelled Loaded_Language (the tiny classifier's bias): the cue, to the end of its clause, is reported beside it.
  const other = analyze(text, { detectors: [createPropagandaDetector({ model: tinyModel({ words: ['everyone', 'knows'] }), lexicon: cues })] }).findings;
  assert.deepEqual(other.map((f) => [f.text, f.label]).sort(), [['Everyone knows it', 'Bandwagon,Reductio_ad_hitlerum'], ['Everyone knows', 'Loaded_Language']]);
  assertSpansConsistent(analyze(text, { detectors: [createPropagandaDetector({ model: tinyModel({ words: ['everyone', 'knows'] }), lexicon: cues })] }));
});
