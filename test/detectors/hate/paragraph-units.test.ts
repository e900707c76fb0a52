import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createHateDetector } from '../../../src/detectors/hate/index.js';
import { hateVerdict } from '../../../src/detectors/hate/verdict.js';
import { asArticleParagraph } from '../../../src/eval/hate/functional.js';
import { analyze } from '../../../src/pipeline/analyze.js';

// The rules read the insinuation (an arrival next to a precaution against theft) within one unit.
const STORY = 'A Roma family moved in across the road last month. Lock your cars, folks.';

test('in an article, a short paragraph is read whole: a story told in two sentences keeps its insinuation', () => {
  const text = asArticleParagraph(STORY);
  const whole = analyze(text, { detectors: [createHateDetector()] });
  assert.equal(hateVerdict(whole.findings).label, 'hatespeech');
  const finding = whole.findings.find((f) => f.kind === 'hate')!;
  assert.equal(text.slice(finding.start, finding.end), STORY);
  // Sentence by sentence, neither half says it.
  assert.equal(hateVerdict(analyze(text, { detectors: [createHateDetector({ paragraphTokens: 0 })] }).findings).label, 'normal');
  // A long paragraph is still decided sentence by sentence: the finding is the one sentence.
  const long = asArticleParagraph(`The council published its housing report on Monday, with figures for every ward in the county, a long section on the new bus routes, and a promise that the library and the leisure centre would both stay open through the winter months. Muslims are vermin.`);
  const f = analyze(long, { detectors: [createHateDetector()] }).findings.find((x) => x.kind === 'hate')!;
  assert.equal(long.slice(f.start, f.end), 'Muslims are vermin.');
});

test('paragraphTokens must be a non-negative integer', () => {
  assert.throws(() => createHateDetector({ paragraphTokens: -1 }), /paragraphTokens must be a non-negative integer/);
});
