import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clean, verdict } from './verdict-checks.js';

// Negated calls and exclusion judged unlawful (lead22): statements against a harm are not calls for it,
// while the calls they resemble stay hateful.

test('a call negated by its subject, a fair-hiring condition and exclusion judged unlawful are not hate speech', () => {
  clean([
    'Nobody should drive Roma out of their homes.',
    'No one should drive the refugees out of the estate.',
    'Never hire Roma without a proper contract.',
    "Don't employ migrants without a written contract and fair pay.",
    'Refusing to serve Muslims is illegal.',
    'Denying refugees housing is against the law.',
  ]);
});

test('the calls they resemble stay hate speech', () => {
  for (const text of [
    'Someone should drive Roma out of this town.',
    'We should drive the Roma out of the estate.',
    'Never hire Roma, not one.',
    'Never hire Roma without a second thought.',
    'Refusing to serve Muslims is the only way.',
  ]) assert.equal(verdict(text), 'hatespeech', text);
});
