import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Quote, Span, TextSpan, VoiceSpan } from '../../src/core/types.js';
import { voiceOfFinding } from '../../src/core/voice.js';

/**
 * A finding over a sentence of n quotes, each with its cue: the reads of the cue spans (through
 * counting proxies) that deciding its voice takes. A count, not a time.
 */
function cueReads(n: number): { reads: number; voice: string } {
  let reads = 0;
  const handler: ProxyHandler<Span> = {
    get(target, key, receiver) {
      reads++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  };
  const voices: VoiceSpan[] = [];
  const quotes: Quote[] = [];
  // '"a," Lee said, ' repeated: a quoted word, then the author's cue clause.
  for (let k = 0; k < n; k++) {
    const at = k * 16;
    voices.push({ start: at + 1, end: at + 3, voice: 'quoted', quoteId: `q${k + 1}` });
    const cue = new Proxy({ start: at + 9, end: at + 13, text: 'said' }, handler as ProxyHandler<TextSpan>);
    quotes.push({ id: `q${k + 1}`, start: at + 1, end: at + 3, text: 'a,', kind: 'direct', speakerId: 's1', outletId: null, cue, explanation: '' });
  }
  const voice = voiceOfFinding(voices, quotes, { start: 0, end: n * 16 });
  return { reads, voice };
}

test('the voice of a finding over thousands of quoted words with cues takes linear work', () => {
  const small = cueReads(500);
  const large = cueReads(2000);
  assert.equal(small.voice, 'quoted');
  assert.equal(large.voice, 'quoted');
  const ratio = large.reads / small.reads;
  assert.ok(ratio < 6, `4x the quotes read the cues ${ratio.toFixed(1)}x as often (${small.reads} -> ${large.reads})`);
});
