import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { articleContext, contextFeatures, transcriptContext, type ContextItem } from '../../../src/detectors/claims/context.js';
import { featureUnits } from '../../../src/detectors/claims/classify.js';
import { documentOf } from '../../../src/eval/claims/evaluate.js';

const item = (speaker: string | null, over: Partial<ContextItem> = {}): ContextItem => ({ speaker, role: 'main', question: false, signals: [], ...over });

describe('claim context features', () => {
  it('places each sentence in its turn and says what the previous turn ended with', () => {
    const names = contextFeatures(
      [item('HOST', { role: 'moderator', question: true }), item('ADA'), item('ADA', { signals: ['sig:number'] }), item('ADA'), item('BEN')],
      'debate',
    );
    assert.deepEqual(names[0], ['ctx:debate', 'ctx:role:moderator', 'ctx:turn:only', 'ctx:turn-len:1']);
    // Ada's first sentence answers the moderator's question; the next one in her turn has a figure.
    assert.deepEqual(names[1], ['ctx:debate', 'ctx:role:main', 'ctx:turn:first', 'ctx:turn-len:2-3', 'ctx:after:moderator', 'ctx:answer', 'next:sig:number']);
    assert.deepEqual(names[2], ['ctx:debate', 'ctx:role:main', 'ctx:turn:middle', 'ctx:turn-len:2-3']);
    assert.deepEqual(names[3], ['ctx:debate', 'ctx:role:main', 'ctx:turn:last', 'ctx:turn-len:2-3', 'prev:sig:number']);
    // Ben follows Ada, who asked nothing: no answer, and Ada's signals do not cross into his turn.
    assert.deepEqual(names[4], ['ctx:debate', 'ctx:role:main', 'ctx:turn:only', 'ctx:turn-len:1', 'ctx:after:main']);
  });

  it('does not let a stage direction split a turn, and gives an unknown speaker a turn of its own', () => {
    const names = contextFeatures([item('ADA', { signals: ['sig:past'] }), item('SYS', { role: 'stage' }), item('ADA'), item(null), item(null)], 'speech');
    assert.deepEqual(names[1], ['ctx:speech', 'ctx:role:stage']);
    assert.ok(names[2]!.includes('ctx:turn:last') && names[2]!.includes('prev:sig:past'), names[2]!.join(' '));
    assert.ok(names[3]!.includes('ctx:turn:only') && names[4]!.includes('ctx:turn:only'));
  });

  it('reads roles and the genre from the transcript itself', () => {
    const line = (speaker: string, text: string) => ({ speaker, text, signals: [] });
    const debate = [
      line('HOST', 'Welcome to the forum tonight.'),
      line('HOST', 'Senator, what did your bill change?'),
      line('ADA', 'It cut the waiting list by half.'),
      line('ADA', 'We funded forty new clinics.'),
      line('NOISE', '(APPLAUSE)'),
      line('BEN', 'Those clinics never opened.'),
      line('BEN', 'Ask the nurses.'),
      line('HOST', 'Is that true?'),
      line('ADA', 'Every one of them opened in March.'),
      line('ADA', 'I visited six of them.'),
    ];
    const names = transcriptContext(debate);
    assert.ok(names[0]!.includes('ctx:role:moderator') && names[0]!.includes('ctx:debate'), names[0]!.join(' '));
    assert.ok(names[2]!.includes('ctx:role:main') && names[2]!.includes('ctx:answer'), names[2]!.join(' '));
    assert.deepEqual(names[4], ['ctx:debate', 'ctx:role:stage']);
    const speech = transcriptContext([...Array.from({ length: 8 }, (_, i) => line('ADA', `We built bridge number ${i}.`)), line('CROWD', 'Hooray!')]);
    assert.ok(speech[0]!.includes('ctx:speech') && speech[8]!.includes('ctx:role:minor'), speech[8]!.join(' '));
  });

  it('in an article, reads the voice and the quoted speaker from the spine', () => {
    const text = 'The ministry published its figures on Monday. "We hired 4,000 new teachers last year," said Education Minister Lara Voss. The union disputes that number.';
    const doc = documentOf(text);
    const units = featureUnits(doc, []);
    assert.equal(units.length, 3);
    const names = articleContext(doc, units);
    assert.ok(!names[0]!.some((n) => n.startsWith('ctx:role:')), `the author has no role: ${names[0]!.join(' ')}`);
    assert.ok(names[1]!.includes('ctx:role:main'), `a named quoted speaker is a main speaker: ${names[1]!.join(' ')}`);
    assert.ok(names[1]!.includes('ctx:turn:only') && names[1]!.includes('ctx:after:other'), names[1]!.join(' '));
    assert.ok(names[2]!.includes('ctx:turn:only'), 'back to the author: a new turn');
  });
});
