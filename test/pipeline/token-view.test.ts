import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AnalyzedDocument } from '../../src/core/document.js';
import type { Quote, Token, VoiceSpan } from '../../src/core/types.js';
import { annotateTokens } from '../../src/core/voice.js';
import { analyze } from '../../src/index.js';

/** The document the detectors see, caught by a detector that finds nothing. */
function documentOf(text: string): AnalyzedDocument {
  let seen: AnalyzedDocument | undefined;
  analyze(text, { detectors: [{ name: 'probe', kind: 'claim', labels: [], detect: (doc) => ((seen = doc), []) }] });
  assert.ok(seen);
  return seen;
}

const token = (start: number, end: number): Token => ({ start, end, text: '', norm: '', fold: '', lemma: '', pos: 'NOUN', type: 'word', sentence: 0, voice: 'author', quote: -1, word: -1 });
const quote = (id: string, start: number, end: number, kind: Quote['kind']): Quote => ({ id, start, end, kind, text: '', speakerId: null, outletId: null, cue: null, explanation: '' });

test('the spine gives every token the voice and the innermost quote at its first character', () => {
  const text = 'The harbour master told a local radio station that the new pier "will be finished by spring" and that the cost was modest. Residents sounded doubtful. "We have heard that before," said one fisherman.';
  const doc = documentOf(text);
  assert.ok(doc.quotes.length >= 2, 'the text has an indirect and a direct quote');
  assert.ok(doc.tokens.some((t) => t.voice === 'reported') && doc.tokens.some((t) => t.voice === 'quoted') && doc.tokens.some((t) => t.voice === 'author'));
  for (const t of doc.tokens) {
    // Brute force: the voice span holding the token's start, and the shortest quote holding it.
    const voice = doc.voices.find((v) => v.start <= t.start && t.start < v.end)?.voice ?? 'author';
    assert.equal(t.voice, voice, `voice of "${t.text}" at ${t.start}`);
    let inner = -1;
    doc.quotes.forEach((q, i) => {
      if (q.start <= t.start && t.start < q.end && (inner < 0 || q.end - q.start < doc.quotes[inner]!.end - doc.quotes[inner]!.start)) inner = i;
    });
    assert.equal(t.quote, inner, `quote of "${t.text}" at ${t.start}`);
  }
  const pier = doc.tokens.find((t) => t.text === 'finished')!;
  assert.equal(doc.quotes[pier.quote]?.kind, 'direct', 'the nested direct quote is the innermost');
  const residents = doc.tokens.find((t) => t.text === 'Residents')!;
  assert.deepEqual([residents.voice, residents.quote], ['author', -1]);
});

test('nested and overlapping quotes: the innermost open one, ended ones dropped', () => {
  // Tokens at 0, 10, 20, ..., 90; an outer quote 10-80 holding an inner 30-50, and one 60-95 overlapping the outer.
  const tokens = Array.from({ length: 10 }, (_, i) => token(i * 10, i * 10 + 5));
  const quotes = [quote('q1', 10, 80, 'indirect'), quote('q2', 30, 50, 'direct'), quote('q3', 60, 95, 'scare')];
  const voices: VoiceSpan[] = [{ start: 10, end: 30, voice: 'reported' }, { start: 30, end: 50, voice: 'quoted' }, { start: 50, end: 80, voice: 'reported' }];
  annotateTokens(tokens, voices, quotes);
  assert.deepEqual(tokens.map((t) => t.quote), [-1, 0, 0, 1, 1, 0, 2, 2, 2, 2]);
  assert.deepEqual(tokens.map((t) => t.voice), ['author', 'reported', 'reported', 'quoted', 'quoted', 'reported', 'reported', 'reported', 'author', 'author']);
});
