import assert from 'node:assert/strict';
import { test } from 'node:test';
import { benignGuards } from './rule-matches.js';
import { verdict } from './verdict-checks.js';

// The hate10net round, on sentences written for this test (none is in a functional suite).

test('the hate10net guards: a virtue denied by double negation, hatred unlearned, help given to an institution, the group as victims, belonging as much as anyone', () => {
  const cases: [string, string][] = [
    ["I've yet to come across a Hindu who wasn't kind to strangers.", 'benign-double-negated-virtue'],
    ['Never once met a refugee who was not hardworking.', 'benign-double-negated-virtue'],
    ['My dad raised me to distrust Muslims, but then I worked with a few and changed my mind.', 'benign-unlearned-hatred'],
    ['We were told to fear immigrants, but then we got to know our neighbours.', 'benign-unlearned-hatred'],
    ['Jewish volunteers have helped the local hospitals through the winter.', 'benign-help-institution'],
    ['Arabs support our schools with donations every year.', 'benign-help-institution'],
    ['Roma remain the most persecuted minority on the continent.', 'benign-victim-group'],
    ['Are Hindus particularly at risk from the new law?', 'benign-victim-group'],
    ['Jews belong in this town as much as the rest of us.', 'benign-equal-belonging'],
    ['Asylum seekers have as much right to be here as anybody.', 'benign-equal-belonging'],
  ];
  for (const [text, guard] of cases) {
    assert.ok(benignGuards(text).includes(guard), `${guard} should read: ${text} (got ${benignGuards(text).join(', ') || 'nothing'})`);
    assert.equal(verdict(text), 'normal', text);
  }
});

const NEW = new Set(['benign-double-negated-virtue', 'benign-unlearned-hatred', 'benign-help-institution', 'benign-victim-group', 'benign-equal-belonging']);

test('the hateful twins of the hate10net guards stay hateful', () => {
  for (const text of [
    "I've yet to come across a Hindu who wasn't a cheat.",
    'My dad raised me to distrust Muslims and he was right, they are all liars.',
    'Jews helped the banks rob ordinary people.',
    'Are Hindus the most useless people on earth?',
    'Jews belong in the sewer with the rest of the rats.',
  ]) {
    assert.deepEqual(benignGuards(text).filter((id) => NEW.has(id)), [], text);
    assert.equal(verdict(text), 'hatespeech', text);
  }
});
