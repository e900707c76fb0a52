import assert from 'node:assert/strict';
import type { Analysis, Span } from '../src/core/types.js';

/** Every span in an analysis is inside the text, and `text.slice(start, end)` equals its `text`. */
export function assertSpansConsistent(analysis: Analysis): void {
  const { text } = analysis;
  const check = (what: string, span: Span & { text?: string }) => {
    assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), `${what}: integer offsets`);
    assert.ok(span.start >= 0 && span.start <= span.end && span.end <= text.length, `${what}: ${span.start}..${span.end} within 0..${text.length}`);
    if (span.text !== undefined) assert.equal(text.slice(span.start, span.end), span.text, `${what}: text matches slice`);
  };
  analysis.sentences.forEach((s, i) => check(`sentence ${i}`, s));
  analysis.voices.forEach((v, i) => check(`voice ${i}`, v));
  for (const q of analysis.quotes) {
    check(`quote ${q.id}`, q);
    if (q.cue) check(`quote ${q.id} cue`, q.cue);
  }
  for (const s of analysis.speakers) s.mentions.forEach((m, i) => check(`speaker ${s.id} mention ${i}`, m));
  for (const o of analysis.outlets) o.mentions.forEach((m, i) => check(`outlet ${o.id} mention ${i}`, m));
  for (const f of analysis.findings) {
    check(`finding ${f.id}`, f);
    f.evidence?.forEach((e, i) => check(`finding ${f.id} evidence ${i}`, e));
    f.parts?.forEach((p, i) => check(`finding ${f.id} part ${i}`, p));
  }
}

/** Every non-space character is in exactly one voice span, and voice spans are sorted and disjoint. */
export function assertVoicesPartition(analysis: Analysis): void {
  const { text, voices } = analysis;
  let previousEnd = 0;
  for (const v of voices) {
    assert.ok(v.start >= previousEnd, `voice spans overlap or are unsorted at ${v.start}`);
    assert.ok(v.start < v.end, `empty voice span at ${v.start}`);
    assert.equal(text.slice(previousEnd, v.start).trim(), '', `non-space text outside every voice at ${previousEnd}..${v.start}`);
    previousEnd = v.end;
  }
  assert.equal(text.slice(previousEnd).trim(), '', 'non-space text after the last voice span');
}
