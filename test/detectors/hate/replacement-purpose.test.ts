import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleIds } from './rule-matches.js';
import { analyzeHate, clean, firesAndFlags } from './verdict-checks.js';

// Replacement talk with the group as the one brought in (read off the spent holdout21 after its
// one measurement, 2026-12-07: in an article, passive conspiracy was 50.6%, and these frames
// reached only the network, which articles read with a stricter threshold). Fresh sentences.

test('the group brought in, swapped in, or aimed at the in-group as part of a replacement is hate speech', () => {
  firesAndFlags('replacement', [
    'Asylum seekers are being flown in by the planeload to outnumber the locals.',
    'They keep bussing Muslims into our towns to replace the natives.',
    'The elites are trading us out for cheap migrants.',
    'Refugees are just pawns, and the globalists are using them against us.',
  ]);
});

test('the same frames hold inside a news article, in the author\'s voice', () => {
  const text = 'The council met on Tuesday to discuss the bypass.\n\nJews are being shipped in on purpose to replace us, and nobody will say it.\n\nThe meeting ended at nine.';
  const hate = analyzeHate(text).findings.filter((f) => f.kind === 'hate' && f.voice === 'author');
  assert.ok(hate.some((f) => f.label === 'hatespeech' && text.slice(f.start, f.end).startsWith('Jews are being shipped')), JSON.stringify(hate));
});

test('workers hired, kits replaced, and tools of an argument are not replacement talk', () => {
  for (const text of ['Refugees were flown in to replace the striking dock workers, the union said.', 'The club replaced its old kit with one designed by Muslim artists.', 'Immigrants are tools of big business used against our wages, the union argues.'])
    assert.ok(!ruleIds(text).includes('replacement'), text);
  clean(['The hospital recruited nurses from Kerala to replace staff who had retired.', 'Refugees are pawns in a political game, used by both parties.']);
});
