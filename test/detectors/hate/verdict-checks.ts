import assert from 'node:assert/strict';
import { createHateDetector } from '../../../src/detectors/hate/index.js';
import { hateVerdict } from '../../../src/detectors/hate/verdict.js';
import { analyze } from '../../../src/pipeline/analyze.js';
import { ruleIds } from './rule-matches.js';

// The whole detector (rules, guards and network) on one text, for the rounds' own example sentences.
const detectors = [createHateDetector()];

/** The analysis of one text with the whole hate detector alone. */
export const analyzeHate = (text: string) => analyze(text, { detectors });

/** The author-voice verdict of the whole detector. */
export const verdict = (text: string) => hateVerdict(analyzeHate(text).findings).label;

/** Each text is read by the named rule and the whole detector calls it hate speech. */
export function firesAndFlags(rule: string, texts: readonly string[]): void {
  for (const text of texts) {
    assert.ok(ruleIds(text).includes(rule), `${rule} should read: ${text} (got ${ruleIds(text).join(', ') || 'nothing'})`);
    assert.equal(verdict(text), 'hatespeech', text);
  }
}

/** The whole detector leaves each text normal. */
export function clean(texts: readonly string[]): void {
  for (const text of texts) assert.equal(verdict(text), 'normal', text);
}
