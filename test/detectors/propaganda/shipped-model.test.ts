import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { test } from 'node:test';
import { modelPath } from '../../../src/core/paths.js';
import { createPropagandaDetector } from '../../../src/detectors/propaganda/detector.js';
import { defaultPropagandaModel, DEFAULT_MODEL_FILE } from '../../../src/detectors/propaganda/model.js';
import { TECHNIQUE_LABELS } from '../../../src/detectors/propaganda/techniques.js';
import { defaultDetectors } from '../../../src/detectors/registry.js';
import { analyze } from '../../../src/pipeline/analyze.js';
import { assertSpansConsistent } from '../../helpers.js';

test('the shipped model is compact and loads with all 14 techniques', () => {
  const size = statSync(modelPath(DEFAULT_MODEL_FILE)).size;
  assert.ok(size < 5 * 1024 * 1024, `${size} bytes`);
  const model = defaultPropagandaModel();
  assert.deepEqual([...model.classifier.labels], [...TECHNIQUE_LABELS]);
  assert.ok(model.threshold > 0 && model.threshold < 1);
  assert.ok(model.tagger.index.size > 1000 && model.sentiment.size > 100);
});

test('the default pipeline runs the propaganda detector', () => {
  assert.ok(defaultDetectors().some((d) => d.name === 'propaganda' && d.kind === 'propaganda'));
});

test('the shipped model flags an openly propagandistic text with exact, explained spans', () => {
  const text = [
    'Traitors in Washington are destroying our great nation!',
    '',
    'These corrupt, lying elites and their so-called experts want you silent.',
    'Wake up, America: it is now or never, and every true patriot knows it.',
  ].join('\n');
  const analysis = analyze(text, { detectors: [createPropagandaDetector()] });
  assertSpansConsistent(analysis);
  assert.ok(analysis.findings.length >= 2, `found ${analysis.findings.length}`);
  for (const f of analysis.findings) {
    assert.equal(f.kind, 'propaganda');
    assert.ok((TECHNIQUE_LABELS as readonly string[]).includes(f.label), f.label);
    assert.ok(f.score > 0 && f.score <= 1);
    assert.match(f.model ?? '', /^propaganda-/);
    assert.ok(f.explanation.startsWith(f.label), f.explanation);
  }
});

test('the shipped model keeps a plain factual report (almost) clean', () => {
  const text = 'The city council met on Tuesday.\n\nMembers approved the 2025 budget by seven votes to two, the clerk said.';
  const analysis = analyze(text, { detectors: [createPropagandaDetector()] });
  assert.ok(analysis.findings.length <= 1, analysis.findings.map((f) => f.text).join(' | '));
});

// Issue 13: the sentence model and the tagger are scored through hashed tables probed for
// every feature of every token, so their size is run time. Training keeps only features
// seen at least 3 times (2 before: 47,158 and 137,963 features, with the same out-of-fold
// SI F1), which halves the sentence model's table; a retraining that lets them grow back
// fails here.
test('the shipped sentence model and tagger stay within their feature budgets', () => {
  const model = defaultPropagandaModel();
  assert.ok(model.sentence.index.size < 32_000, `sentence model: ${model.sentence.index.size} features`);
  assert.ok(model.tagger.index.size < 100_000, `tagger: ${model.tagger.index.size} features`);
});
