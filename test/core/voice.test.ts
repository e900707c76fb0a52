import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../src/index.js';
import { nestQuotedVoices, voiceOfFinding } from '../../src/core/voice.js';
import type { Quote, VoiceSpan } from '../../src/core/types.js';
import { assertVoicesPartition } from '../helpers.js';

const quote = (id: string, start: number, end: number, kind: Quote['kind'], cue: { start: number; end: number } | null = null): Quote => ({
  id, start, end, kind, text: '', speakerId: null, outletId: null, cue: cue && { ...cue, text: '' }, explanation: '',
});

test('a direct quote inside reported speech is shown as quoted, with its quotation marks', () => {
  const text = 'The mayor said "hello" to Reuters.';
  const voices: VoiceSpan[] = [{ start: 0, end: 14, voice: 'author' }, { start: 15, end: 33, voice: 'reported', quoteId: 'q1' }, { start: 33, end: 34, voice: 'author' }];
  const nested = nestQuotedVoices(text, voices, [quote('q1', 15, 33, 'indirect'), quote('q2', 16, 21, 'direct')]);
  assert.deepEqual(nested.map((v) => [text.slice(v.start, v.end), v.voice]), [
    ['The mayor said', 'author'], ['"hello"', 'quoted'], ['to Reuters', 'reported'], ['.', 'author'],
  ]);
});

test('the pipeline marks the nested quote as quoted and still covers every character once', () => {
  const analysis = analyze('The mayor said "hello" to Reuters.');
  const hello = analysis.voices.find((v) => analysis.text.slice(v.start, v.end).includes('hello'));
  assert.equal(hello?.voice, 'quoted');
  assertVoicesPartition(analysis);
});

test("a finding's voice follows its evidence, not the characters of its span", () => {
  // 30 author characters, then 10 quoted: the evidence sits in the quote.
  const voices: VoiceSpan[] = [{ start: 0, end: 30, voice: 'author' }, { start: 30, end: 40, voice: 'quoted', quoteId: 'q1' }];
  const evidence = [{ start: 32, end: 36, text: 'xxxx' }];
  assert.equal(voiceOfFinding(voices, [], { start: 0, end: 40, evidence }), 'quoted');
  assert.equal(voiceOfFinding(voices, [], { start: 0, end: 40, evidence: [{ start: 2, end: 6, text: 'xxxx' }] }), 'author');
  assert.equal(voiceOfFinding(voices, [], { start: 0, end: 40 }), 'author');
});

test("a claim's figures decide its voice; names and dates in the cue do not make it the author's", () => {
  const voices: VoiceSpan[] = [{ start: 0, end: 20, voice: 'quoted', quoteId: 'q1' }, { start: 21, end: 60, voice: 'author' }];
  const parts = [{ start: 5, end: 12, text: '27 bn', type: 'number' as const }, { start: 22, end: 33, text: 'Anna Keller', type: 'person' as const }, { start: 40, end: 46, text: 'Sunday', type: 'date' as const }];
  assert.equal(voiceOfFinding(voices, [], { start: 0, end: 60, parts }), 'quoted');
  // Without parts, the attribution cue of the quote inside the finding does not count as the author's words.
  assert.equal(voiceOfFinding(voices, [quote('q1', 0, 20, 'direct', { start: 21, end: 55 })], { start: 0, end: 60 }), 'quoted');
  assert.equal(voiceOfFinding(voices, [], { start: 0, end: 60 }), 'author');
});
