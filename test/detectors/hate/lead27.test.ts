import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clean, verdict } from './verdict-checks.js';

// A call after an opening address or adverbial (lead27): "Landlords, refuse …" is read as the
// imperative it is, as "Refuse …" alone is, while a comma after a verb, a pronoun or a group word
// opens nothing.

test('a call after a short address or adverbial and a comma is hate speech, as it is without them', () => {
  for (const text of [
    'Bouncers, ban Muslims from the club.',
    'The fair starts Saturday. Stallholders, refuse every Roma customer.',
    'And shopkeepers, stop serving Muslims.',
    'Also, boycott every Jewish bakery on the high street.',
  ]) assert.equal(verdict(text), 'hatespeech', text);
});

test('a comma after a verb, a pronoun or a group word does not open a call', () => {
  clean([
    'He said, ban Muslims from the club, and the judge fined him for it.',
    'Muslims, Jews and Hindus shared the stage at the festival.',
    'Bouncers, please let everyone in, Muslims and Roma included.',
    'Also, the bakery run by Jewish brothers won a prize.',
  ]);
});

test('an opening word before a group subject still belongs to what is said of the group', () => {
  assert.equal(verdict('Sure, Roma are a real asset to the country. Just ask the police.'), 'hatespeech');
});
