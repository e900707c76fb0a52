import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createHateDetector } from '../../../src/detectors/hate/index.js';
import { hateVerdict } from '../../../src/detectors/hate/verdict.js';
import { analyze } from '../../../src/pipeline/analyze.js';
import { assertSpansConsistent } from '../../helpers.js';

const hateOf = (text: string) => {
  const a = analyze(text, { detectors: [createHateDetector()] });
  assertSpansConsistent(a);
  const findings = a.findings.filter((f) => f.kind === 'hate');
  return { findings, verdict: hateVerdict(a.findings), text };
};

test('a short post with hate in the author\'s words and in a quotation gives each voice its own finding', () => {
  const { findings, verdict, text } = hateOf('Migrants are vermin and should be removed. "Jews run the banks," he said.');
  const author = findings.filter((f) => f.voice === 'author');
  const quoted = findings.filter((f) => f.voice === 'quoted');
  assert.equal(author.length, 1);
  assert.deepEqual(author[0]!.targets ?? [], ['Refugee']);
  assert.equal(text.slice(author[0]!.start, author[0]!.end), 'Migrants are vermin and should be removed.');
  assert.equal(quoted.length, 1);
  assert.deepEqual(quoted[0]!.targets ?? [], ['Jewish']);
  // The verdict is the author's: the quoted group is not among its targets.
  assert.equal(verdict.label, 'hatespeech');
  assert.deepEqual(verdict.targets, ['Refugee']);
});

test('quoted hate next to the author\'s own is still quoted, and hate the author quotes and then endorses is the author\'s too', () => {
  const first = hateOf('"Muslims are a cancer," the critic shouted. Jews are parasites too.');
  assert.deepEqual(first.findings.filter((f) => f.voice === 'author').flatMap((f) => f.targets ?? []), ['Jewish']);
  assert.deepEqual(first.findings.filter((f) => f.voice === 'quoted').flatMap((f) => f.targets ?? []), ['Islam']);
  assert.deepEqual(first.verdict.targets, ['Jewish']);

  const endorsed = hateOf('Jews control the media. "Muslims are animals," he said, and I agree.');
  assert.deepEqual([...endorsed.verdict.targets].sort(), ['Islam', 'Jewish']);
  assert.ok(endorsed.findings.some((f) => f.voice === 'quoted' && (f.targets ?? []).includes('Islam')));
});

test('a post whose only hate is quoted and rejected keeps a clean verdict', () => {
  const { findings, verdict } = hateOf('"Refugees are vermin," a protester yelled. What a disgusting thing to say; refugees are welcome here.');
  assert.equal(verdict.label, 'normal');
  assert.ok(findings.every((f) => f.voice !== 'author'));
});

test('hate someone keeps saying is reported, so the author who rejects it gets no verdict', () => {
  const { findings, verdict } = hateOf('My uncle keeps saying Mexicans are rapists. Mexicans are hard-working people, and he is wrong.');
  assert.equal(verdict.label, 'normal');
  assert.ok(findings.some((f) => f.voice === 'reported'));
});

test('an objection the writer anticipates ("People will say this is hateful, but …") does not make the writer\'s answer reported', () => {
  for (const text of ['People will say this is hateful, but Muslims are vermin.', 'People might say I am a bigot, but gays are disgusting.']) {
    assert.equal(hateOf(text).verdict.label, 'hatespeech', text);
  }
  // A forecast of what someone will say about something else keeps its whole content.
  const { findings } = hateOf('The minister will say that taxes must rise, but wages will fall too.');
  assert.deepEqual(findings, []);
});
