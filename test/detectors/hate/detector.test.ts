import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AnalyzedDocument } from '../../../src/core/document.js';
import type { Meta, VoiceSpan } from '../../../src/core/types.js';
import { createHateDetector } from '../../../src/detectors/hate/index.js';
import { HateLexicon, lexWords } from '../../../src/detectors/hate/lexicon.js';
import { analyze } from '../../../src/pipeline/analyze.js';
import { buildTextModel } from '../../../src/text/model.js';
import { assertSpansConsistent } from '../../helpers.js';

const detector = createHateDetector();
const run = (text: string) => {
  const analysis = analyze(text, { detectors: [detector] });
  assertSpansConsistent(analysis);
  return analysis.findings;
};

test('a trope finding names its rule, target and evidence words', () => {
  const [f, ...rest] = run('Jews control the media and the banks.');
  assert.equal(rest.length, 0);
  assert.equal(f!.kind, 'hate');
  assert.equal(f!.label, 'hatespeech');
  assert.equal(f!.ruleId, 'trope-control');
  assert.deepEqual(f!.targets, ['Jewish']);
  assert.deepEqual(f!.evidence!.map((e) => e.text), ['Jews', 'control the media and the banks']);
  assert.match(f!.explanation, /rule trope-control/);
  assert.equal(f!.voice, 'author');
});

test('in a long text each hateful sentence is its own finding, the others stay clean', () => {
  const text = [
    'The city council met on Tuesday to discuss the budget for the coming year, including road repairs and a new library.',
    'Several residents spoke about parking and about the noise from the construction site near the station.',
    'One speaker shouted that migrants are everywhere now.',
    'They are vermin, he added, before security removed him.',
    'The Jewish community centre, closed since the flood, will reopen in March.',
  ].join(' ');
  const findings = run(text);
  assert.equal(findings.length, 1, JSON.stringify(findings.map((f) => f.text)));
  const f = findings[0]!;
  assert.ok(f.text.startsWith('They are vermin'), f.text);
  assert.deepEqual(f.targets, ['Refugee']);
  assert.match(f.explanation, /pronoun refers to "migrants"/);
  assert.equal(text.slice(f.evidence![0]!.start, f.evidence![0]!.end), 'They');
});

test('a pronoun only refers back within the window of sentences', () => {
  const filler = 'The weather was mild and the market was busy all morning.';
  const findings = run(`Migrants arrived last week. ${filler} ${filler} ${filler} ${filler} ${filler} They are vermin.`);
  assert.ok(findings.every((f) => f.ruleId !== 'dehumanisation-vermin'));
});

test('evasions: leetspeak, spaced letters, masks and swapped letters still find the group', () => {
  for (const [text, target] of [
    ['j3ws control the banks', 'Jewish'],
    ['j e w s control the banks', 'Jewish'],
    ['The mus1ims are a disease.', 'Islam'],
    ['Musilms are vermin.', 'Islam'],
    ['Gas the k*kes.', 'Jewish'],
  ] as const) {
    const findings = run(text);
    assert.ok(findings.some((f) => f.label === 'hatespeech' && f.targets!.includes(target)), `${text}: ${JSON.stringify(findings)}`);
  }
});

test('neutral, negated, counter-speech, reclaimed and profane texts stay clean', () => {
  for (const text of [
    'The Jewish community centre reopened.',
    'Muslim voters in Michigan turned out in large numbers.',
    "I don't think immigrants are a plague.",
    'Jews do not control the media.',
    'He was convicted for saying Jews control the banks.',
    'The claim that migrants are vermin is a racist lie.',
    'As a queer woman I love this film.',
    'This fucking traffic is shit.',
    "Life's a bitch.",
    'Muslims',
  ]) {
    assert.deepEqual(run(text), [], text);
  }
});

test('hate inside a quotation gets the quoted voice from the evidence words', () => {
  const text = 'The mayor said: "Gypsies are vermin." Nobody answered.';
  const model = buildTextModel(text);
  const open = text.indexOf('"');
  const close = text.indexOf('"', open + 1) + 1;
  const voices: VoiceSpan[] = [
    { start: 0, end: open - 1, voice: 'author' },
    { start: open, end: close, voice: 'quoted', quoteId: 'q1' },
    { start: close + 1, end: text.length, voice: 'author' },
  ];
  const meta: Meta = { source: null, title: null, byline: null, publishedAt: null, url: null, language: 'en', format: 'text' };
  const doc: AnalyzedDocument = { text, meta, ...model, voices, quotes: [], speakers: [], outlets: [] };
  const findings = detector.detect(doc);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.voice, 'quoted');
});

test('a model-only finding explains itself with the top weighted features', () => {
  const findings = run('Look at those kikes, disgusting.');
  assert.equal(findings.length, 1);
  assert.match(findings[0]!.model ?? '', /^hate-lr@/);
  assert.match(findings[0]!.explanation, /model hate-lr@\S+: hatespeech p=0\.\d+; top features /);
  assert.ok(findings[0]!.evidence!.some((e) => e.text === 'kikes'));
});

test('options are checked once, at creation', () => {
  assert.throws(() => createHateDetector({ threshold: 2 }), /threshold must be in \[0, 1\]/);
  assert.throws(() => createHateDetector({ shortPostTokens: -1 }), /shortPostTokens/);
});

test('a tiny lexicon handed in replaces the shipped one', () => {
  const lexicon = new HateLexicon([{ id: 'g-test', description: 'test', source: 'test', target: 'Other', terms: ['zorblings'] }], []);
  const text = 'Zorblings are vermin.';
  const words = lexWords(text, buildTextModel(text).tokens);
  assert.equal(lexicon.match(words)[0]!.target, 'Other');
  const findings = analyze(text, { detectors: [createHateDetector({ lexicon })] }).findings;
  assert.deepEqual(findings[0]!.targets, ['Other']);
  assert.equal(findings[0]!.ruleId, 'dehumanisation-vermin');
});
