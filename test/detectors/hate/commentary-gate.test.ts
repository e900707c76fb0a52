import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createHateDetector } from '../../../src/detectors/hate/index.js';
import { hateVerdict } from '../../../src/detectors/hate/verdict.js';
import { analyze } from '../../../src/pipeline/analyze.js';

const withGate = [createHateDetector()];
const withoutGate = [createHateDetector({ networkCommentary: null })];

/** A short local news report of my own (hate18), with `paragraph` as its second paragraph. */
function report(paragraph: string): string {
  return [
    'Residents packed the parish hall on Wednesday night for the first public consultation on the future of Millbrook Park.',
    paragraph,
    'Councillor Anne Price said the consultation would stay open until the end of March and that every response would be read.',
  ].join('\n\n');
}

const verdict = (paragraph: string, detectors = withGate) => hateVerdict(analyze(report(paragraph), { detectors }).findings);

test('in an article, hateful commentary in the author\'s own voice is decided by the network whatever the post model reads', () => {
  for (const p of [
    'Gay men seem to think the park is theirs now. They\'ll learn.',
    'Ever noticed how immigrants never seem to work but always have new phones?',
    'Ever wondered why Roma never stay anywhere long? Nobody wants them.',
  ]) {
    assert.equal(verdict(p).label, 'hatespeech', p);
    assert.equal(verdict(p, withoutGate).label, 'normal', `the commentary gate, not another, decides: ${p}`);
    const text = report(p);
    const finding = analyze(text, { detectors: withGate }).findings.find((f) => f.kind === 'hate' && f.voice === 'author');
    assert.ok(finding && text.slice(finding.start, finding.end) === finding.text && text.indexOf(p) <= finding.start && finding.end <= text.indexOf(p) + p.length, p);
    assert.match(finding.explanation ?? '', /commentary gate/, p);
  }
});

test('the same words quoted or reported, and commentary that is not hateful, stay clean in the author\'s voice', () => {
  for (const p of [
    '"Ever noticed how immigrants never seem to work but always have new phones?" one caller asked the radio station.',
    'One caller told the station that gay men seem to think the park is theirs now.',
    'A caller claimed that immigrants never seem to work but always have new phones.',
    'Ever noticed how many immigrants volunteer at the food bank?',
    'Ask yourself why women were left off the shortlist again.',
    'Gay men took over the running of the park cafe this spring.',
    'I met three Hindu families at the harvest supper and they brought the best curry in the hall.',
    'Did you know that refugees from the town\'s first resettlement scheme now run four shops on the high street?',
  ]) {
    assert.equal(verdict(p).label, 'normal', p);
  }
});

test('the gate reads no unit with a proper noun or a number, as news prose has, nor one sentence of a long paragraph told of one person', () => {
  for (const p of [
    'Gay men seem to think Millbrook Park is theirs now. They\'ll learn.',
    'Ever noticed how 40 immigrants never seem to work but always have new phones?',
  ]) {
    assert.equal(verdict(p).label, 'normal', p);
  }
});
