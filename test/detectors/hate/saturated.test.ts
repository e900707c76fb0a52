import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clean, verdict } from './verdict-checks.js';

test('a network sure beyond doubt whose decision no single word moves is carried by the words that lean hostile', () => {
  // Removing "dead" alone barely moves a saturated network; the hostile word still carries it.
  for (const s of ['Muslims would all be better off dead.', 'Refugees would all be better off dead, frankly.']) assert.equal(verdict(s), 'hatespeech', s);
  // Without a hostile word there is nothing to carry it.
  clean(['Immigrants would all be better off with cheaper train fares.', 'Refugees would all be better off with faster visas, frankly.']);
});
