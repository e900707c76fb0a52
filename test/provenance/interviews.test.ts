import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertSpansConsistent } from '../helpers.js';
import { fakeOutlets, provenanceOf, quoteWith, speakerOf } from './helpers.js';

const CHANNEL_ONE = fakeOutlets({ 'channel-one': 'Channel One', rossiya1: 'Rossiya 1', xinhua: 'Xinhua' });

test('quotes from an interview carry the outlet of the interviewer named with it', () => {
  const text = [
    'Speaking to Channel One’s Anna Petrova, Mikhail Orlov said that the border was calm.',
    '“We are no threat,” Orlov told Petrova. “We never were.”',
    'Petrova asked him about the sanctions. “They have failed,” he said.',
  ].join('\n\n');
  const a = provenanceOf(text, { findOutlets: CHANNEL_ONE });
  const border = quoteWith(a, 'border was calm');
  assert.equal(speakerOf(a, border)?.name, 'Mikhail Orlov');
  assert.equal(border?.outletId, 'channel-one', 'the indirect quote of the same sentence');
  for (const words of ['no threat', 'never were', 'have failed']) {
    const q = quoteWith(a, words);
    assert.equal(speakerOf(a, q)?.name, 'Mikhail Orlov', words);
    assert.equal(q?.outletId, 'channel-one', words);
  }
  assert.match(quoteWith(a, 'no threat')!.explanation, /interview with Channel One \(Anna Petrova\)/);
  assertSpansConsistent(a);
});

test('the journalist after an outlet\'s possessive is a listener, not an antecedent', () => {
  const text = 'Maria Lindqvist gave an interview on Friday.\n\nSpeaking to Channel One’s Anna Petrova, she said that the talks had failed.';
  const a = provenanceOf(text, { findOutlets: CHANNEL_ONE });
  const q = quoteWith(a, 'talks had failed');
  assert.equal(speakerOf(a, q)?.name, 'Maria Lindqvist');
  assert.equal(q?.outletId, 'channel-one');
});

test('"told Anna Petrova of Channel One" and "in an interview with Xinhua" start an interview too', () => {
  const a = provenanceOf('Orlov told Anna Petrova of Channel One that the army had withdrawn.\n\n“Nobody wants a war,” Orlov told Petrova.', { findOutlets: CHANNEL_ONE });
  assert.equal(quoteWith(a, 'Nobody wants')?.outletId, 'channel-one');
  const b = provenanceOf('In an interview with Xinhua, Orlov said that trade would grow.\n\n“We are partners,” he said.', { findOutlets: CHANNEL_ONE });
  assert.equal(quoteWith(b, 'trade would grow')?.outletId, 'xinhua');
  assert.equal(quoteWith(b, 'We are partners')?.outletId, 'xinhua');
});

test('an interview ends with another outlet, another listener, another speaker or distance', () => {
  const text = [
    'Speaking to Channel One’s Anna Petrova, Orlov said that the border was calm.',
    'Rossiya 1 showed the parade. “We are strong,” Orlov said.',
  ].join('\n\n');
  const a = provenanceOf(text, { findOutlets: CHANNEL_ONE });
  assert.equal(quoteWith(a, 'border was calm')?.outletId, 'channel-one');
  assert.equal(quoteWith(a, 'We are strong')?.outletId, null, 'another outlet was named in between');

  const b = provenanceOf('Speaking to Channel One’s Anna Petrova, Orlov said that the border was calm.\n\nLater, Orlov told John Smith that the army was ready.\n\n“We will win,” Orlov said.', { findOutlets: CHANNEL_ONE });
  assert.equal(quoteWith(b, 'army was ready')?.outletId, null, 'told someone else');
  assert.equal(quoteWith(b, 'We will win')?.outletId, null);
  const told = provenanceOf('“We are strong,” Orlov told Channel One.\n\nOrlov repeated to Baltic Radio that the army was ready.', { findOutlets: CHANNEL_ONE });
  assert.equal(quoteWith(told, 'army was ready')?.outletId, null, 'a listener the outlet list does not know');

  const c = provenanceOf('Speaking to Channel One, Orlov said that the border was calm.\n\n“Prices will fall,” said Ivan Sidorov, the finance minister.', { findOutlets: CHANNEL_ONE });
  assert.equal(quoteWith(c, 'Prices will fall')?.outletId, null, 'another speaker');

  const story = provenanceOf('“When I told Channel One that the war was over, nobody listened,” Orlov said.\n\n“We are strong,” Orlov said.', { findOutlets: CHANNEL_ONE });
  assert.ok(story.quotes.every((q) => q.outletId === null), 'an interview told of inside a quote is not this one');

  const d = provenanceOf('Speaking to Channel One, Orlov said that the border was calm.\n\nThe weather was bad.\n\nNothing happened.\n\nRain fell.\n\n“We will win,” Orlov said.', { findOutlets: CHANNEL_ONE });
  assert.equal(quoteWith(d, 'We will win')?.outletId, null, 'three paragraphs later');
  const e = provenanceOf('Speaking to Channel One’s Anna Petrova, Orlov said that the border was calm.\n\nThe weather was bad.\n\nNothing happened.\n\nRain fell.\n\n“We will win,” Orlov told Petrova.', { findOutlets: CHANNEL_ONE });
  assert.equal(quoteWith(e, 'We will win')?.outletId, 'channel-one', 'naming the interviewer keeps the interview at any distance');
});

test('narration that moves to another occasion ends the interview; reported words do not', () => {
  const a = provenanceOf('Orlov told Channel One that the border was calm.\n\nOrlov later blamed the press, claiming that he had been misquoted.\n\n“We will win,” he said.', { findOutlets: CHANNEL_ONE });
  assert.equal(quoteWith(a, 'misquoted')?.outletId, null, '"later" is another occasion');
  assert.equal(quoteWith(a, 'We will win')?.outletId, null);
  const b = provenanceOf('Orlov told Channel One that the border was calm.\n\nHe said that he had previously warned the West.', { findOutlets: CHANNEL_ONE });
  assert.equal(quoteWith(b, 'previously warned')?.outletId, 'channel-one', '"previously" inside the reported content');
});
