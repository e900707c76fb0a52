import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createHateDetector } from '../../../src/detectors/hate/index.js';
import { defaultPolarity, HOSTILE_LEAN } from '../../../src/detectors/hate/polarity.js';
import { postClassifier } from '../../../src/detectors/hate/post.js';
import { hateVerdict } from '../../../src/detectors/hate/verdict.js';
import { analyze } from '../../../src/pipeline/analyze.js';

const detectors = [createHateDetector()];
const verdict = (text: string) => hateVerdict(analyze(text, { detectors }).findings);

test('word lean: insults, vermin and violence lean hostile, plain words do not', () => {
  const polarity = defaultPolarity();
  for (const w of ['cockroaches', 'savages', 'liars', 'poison', 'bleed', 'infection']) assert.ok(polarity.lean(w) >= HOSTILE_LEAN, `${w} ${polarity.lean(w)}`);
  for (const w of ['hear', 'next', 'every', 'street', 'owned', 'restaurant', 'week', 'best']) assert.ok(polarity.lean(w) < HOSTILE_LEAN, `${w} ${polarity.lean(w)}`);
  assert.ok(Number.isNaN(polarity.lean('zzqxv')), 'unknown words have no lean');
  assert.ok(polarity.mayCarry('zzqxv'), 'an unknown word (misspelling, rare slur) may carry a decision');
});

test('an unknown hyphenated word leans as its most hostile known part', () => {
  const polarity = defaultPolarity();
  // "first-time" is not in the table; read whole it passed as a possible misspelling and
  // carried "Muslims make up a growing share of first-time voters" to hate speech.
  assert.ok(Number.isNaN(defaultPolarity().lean('zzqxv-zzqxw')), 'no known part: no lean');
  assert.ok(!polarity.mayCarry('first-time'), `first-time ${polarity.lean('first-time')}`);
  assert.equal(polarity.lean('first-time'), Math.max(polarity.lean('first'), polarity.lean('time')));
  assert.ok(polarity.mayCarry('rat-infested'), 'a hostile part still carries');
});

test('the network needs a hostile word among the words that carry it', () => {
  // The network reads these at p >= 0.9 on frame words ("hear", "next"; "town", "owned").
  for (const text of ['The committee will hear from Muslims next week.', "Our town's best restaurant is owned by Roma."]) assert.equal(verdict(text).label, 'normal', text);
  const hateful = verdict('I can barely stomach the sight of Muslims.');
  assert.equal(hateful.label, 'hatespeech');
  assert.deepEqual(hateful.targets, ['Islam']);
});

test('post mode: guards clear the rules, not the linear model (HateXplain annotators judged the post)', () => {
  const classify = postClassifier();
  const modelOnly = postClassifier({ useRules: false });
  // "i do not think" matches the denial guard; the slur and death wish elsewhere in the post stand.
  const text = 'i do not think those kike rats deserve to live';
  assert.equal(modelOnly(text).label, 'hatespeech');
  assert.equal(classify(text).label, 'hatespeech');
  // The detector (author voice, sentence units) still reads the guard.
  assert.equal(verdict('People who call Jews rats should be ashamed.').label, 'normal');
});
