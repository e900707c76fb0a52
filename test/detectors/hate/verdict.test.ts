import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createHateDetector } from '../../../src/detectors/hate/index.js';
import { hateVerdict } from '../../../src/detectors/hate/verdict.js';
import { analyze } from '../../../src/pipeline/analyze.js';
import { validateAnalysis } from '../../schema.js';

const detectors = [createHateDetector()];

test('analysis.hate: the author-voice verdict with targets and finding ids, valid against the schema', () => {
  const a = analyze('Muslims are vermin. The weather is nice.', { detectors });
  assert.deepEqual(a.hate, { label: 'hatespeech', targets: ['Islam'], findingIds: [a.findings[0]!.id] });
  validateAnalysis(a, 'verdict');
  const clean = analyze('The council met on Tuesday.', { detectors });
  assert.deepEqual(clean.hate, { label: 'normal', targets: [], findingIds: [] });
  validateAnalysis(clean, 'clean');
  assert.equal(analyze('Muslims are vermin.', { detectors: [] }).hate, undefined);
});

test('counter-speech that quotes hate: the quote gets a quoted finding, the author gets no verdict', () => {
  const a = analyze('The mayor said: "Jews control the banks." We reject this lie.', { detectors });
  assert.equal(a.findings.length, 1);
  assert.equal(a.findings[0]!.voice, 'quoted');
  assert.equal(a.findings[0]!.text, 'Jews control the banks.');
  assert.deepEqual(a.hate, { label: 'normal', targets: [], findingIds: [] });
});

test('the verdict takes the most severe author-voice label and ignores quoted and reported findings', () => {
  const f = (id: string, label: string, voice: 'author' | 'quoted' | 'reported', targets: string[]) => ({ id, kind: 'hate' as const, label, voice, targets });
  assert.deepEqual(hateVerdict([f('f1', 'offensive', 'author', ['Women']), f('f2', 'hatespeech', 'quoted', ['Jewish']), f('f3', 'hatespeech', 'author', ['Islam'])]), { label: 'hatespeech', targets: ['Islam', 'Women'], findingIds: ['f1', 'f3'] });
  assert.deepEqual(hateVerdict([f('f1', 'hatespeech', 'reported', ['Jewish'])]), { label: 'normal', targets: [], findingIds: [] });
  assert.deepEqual(hateVerdict([{ id: 'f1', kind: 'claim', label: 'claim', voice: 'author', targets: [] }]).label, 'normal');
});
