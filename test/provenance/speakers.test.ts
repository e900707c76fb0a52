import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertSpansConsistent, assertVoicesPartition } from '../helpers.js';
import { fakeOutlets, provenanceOf, quoteWith, speakerOf } from './helpers.js';

test('a pronoun resolves to the most recent person of agreeing gender', () => {
  const text = 'Anna Petrova met Ivan Sidorov in Minsk.\n\n“The talks went well,” she said.\n\n“We agreed on nothing,” he said.';
  const a = provenanceOf(text);
  const hers = quoteWith(a, 'talks went well');
  const his = quoteWith(a, 'agreed on nothing');
  assert.equal(speakerOf(a, hers)?.name, 'Anna Petrova');
  assert.equal(speakerOf(a, his)?.name, 'Ivan Sidorov', '"he" skips the more recent woman');
  assert.match(hers!.explanation, /pronoun "she" resolved to Anna Petrova/);
  const she = text.indexOf('she said');
  assert.ok(speakerOf(a, hers)!.mentions.some((m) => m.start === she && m.end === she + 3), 'the pronoun is one of her mentions');
});

test('a title and a surname after the full name resolve to the same person', () => {
  const text = 'Kazakh President Kassym-Jomart Tokayev arrived in Moscow on Monday. The Kazakh president said that the trade deal was ready. Tokayev added that more talks would follow.';
  const a = provenanceOf(text);
  const byTitle = quoteWith(a, 'trade deal');
  const bySurname = quoteWith(a, 'more talks');
  const tokayev = speakerOf(a, byTitle);
  assert.equal(tokayev?.name, 'Kassym-Jomart Tokayev');
  assert.equal(bySurname?.speakerId, byTitle?.speakerId);
  assert.match(byTitle!.explanation, /title "The Kazakh president" resolved to Kassym-Jomart Tokayev/);
  const title = text.indexOf('The Kazakh president');
  assert.ok(tokayev!.mentions.some((m) => m.start === title), 'the title is one of his mentions');
  assert.equal(a.speakers.length, 1);
});

test('people who share a surname stay apart; a later surname goes to the one named last', () => {
  const a = provenanceOf('Bill Clinton spoke first. Then Hillary Clinton took the stage. Clinton said the campaign was strong.');
  assert.equal(speakerOf(a, quoteWith(a, 'campaign was strong'))?.name, 'Hillary Clinton');
});

test('an interviewer named in the cue is not the speaker', () => {
  const text = 'Kassym-Jomart Tokayev gave an interview on Friday.\n\n“We are no threat to anyone,” Tokayev told Anna Petrova of Channel One.\n\n“We want only peace,” he said.';
  const a = provenanceOf(text, { findOutlets: fakeOutlets({ 'channel-one': 'Channel One' }) });
  const first = quoteWith(a, 'no threat');
  assert.equal(speakerOf(a, first)?.name, 'Kassym-Jomart Tokayev');
  assert.equal(first?.outletId, 'channel-one', 'the outlet named in the cue is linked');
  assert.equal(speakerOf(a, quoteWith(a, 'only peace'))?.name, 'Kassym-Jomart Tokayev', '"he" does not resolve to the interviewer');
  assert.ok(!a.speakers.some((s) => s.name.includes('Petrova')));
  assertSpansConsistent(a);
});

test('reported speech told to an interviewer keeps the teller as speaker', () => {
  const a = provenanceOf('Tokayev told Anna Petrova of Channel One that the border would stay open.', { findOutlets: fakeOutlets({ 'channel-one': 'Channel One' }) });
  const q = quoteWith(a, 'border');
  assert.equal(q?.kind, 'indirect');
  assert.equal(speakerOf(a, q)?.name, 'Tokayev');
  assert.equal(q?.outletId, 'channel-one');
});

test('outlets as sources: "according to", "reported that", "in an interview with", "the agency said"', () => {
  const text = [
    'The talks collapsed on Monday, according to RIA Novosti.',
    'Rossiya 1 reported that the army had withdrawn from the border.',
    '“Nobody wants a war,” the minister said in an interview with Xinhua.',
    'RIA Novosti published new figures. The agency said that prices had doubled.',
  ].join('\n\n');
  const outlets = fakeOutlets({ ria: 'RIA Novosti', rossiya1: 'Rossiya 1', xinhua: 'Xinhua' });
  const a = provenanceOf(text, { findOutlets: outlets });
  assert.deepEqual(a.outlets.map((o) => o.id).sort(), ['ria', 'rossiya1', 'xinhua']);

  const talks = quoteWith(a, 'talks collapsed');
  assert.equal(talks?.kind, 'indirect');
  assert.equal(talks?.outletId, 'ria');
  assert.equal(speakerOf(a, talks)?.name, 'RIA Novosti');

  const army = quoteWith(a, 'army had withdrawn');
  assert.equal(army?.outletId, 'rossiya1');
  assert.equal(speakerOf(a, army)?.name, 'Rossiya 1');

  const war = quoteWith(a, 'Nobody wants');
  assert.equal(war?.outletId, 'xinhua', 'the outlet of the interview');
  assert.notEqual(speakerOf(a, war)?.name, 'Xinhua', 'the outlet is not the speaker');

  const prices = quoteWith(a, 'prices had doubled');
  assert.equal(prices?.outletId, 'ria', '"the agency" refers back to the outlet');
  assert.equal(speakerOf(a, prices)?.name, 'RIA Novosti');
  assertSpansConsistent(a);
  assertVoicesPartition(a);
});

test('non-ASCII names, emoji and accents keep exact spans', () => {
  const text = 'José Müller-Ødegaard 😀 visited Zürich.\n\n“Ça marche très bien, wirklich gut,” Müller-Ødegaard said. Ágnes Kovács said that the café was naïve 👩‍👩‍👧.';
  const a = provenanceOf(text);
  const q = quoteWith(a, 'Ça marche');
  assert.equal(q?.kind, 'direct');
  assert.equal(speakerOf(a, q)?.name, 'José Müller-Ødegaard');
  const r = quoteWith(a, 'café');
  assert.equal(r?.kind, 'indirect');
  assert.equal(speakerOf(a, r)?.name, 'Ágnes Kovács');
  assertSpansConsistent(a);
  assertVoicesPartition(a);
  for (const s of a.speakers) for (const m of s.mentions) assert.ok(m.end <= text.length && m.start >= 0);
});

test('"it" resolves to an organisation, "they" to a group, never to a person', () => {
  const a = provenanceOf('Anna Kovac met the Ministry of Defence. It said that the drills were routine. Officials met on Monday. They said that the talks had failed.');
  assert.equal(speakerOf(a, quoteWith(a, 'drills'))?.name, 'Ministry of Defence');
  const they = quoteWith(a, 'talks had failed');
  assert.equal(speakerOf(a, they)?.name.toLowerCase(), 'officials');
  assert.match(they!.explanation, /group/);
});

test('an indefinite pronoun before a preposition heads the described speaker ("Someone at work said")', () => {
  const cases: [string, string, string][] = [
    ['Someone at work said "the canteen is closing", and I believed it.', 'the canteen is closing', 'Someone at work'],
    ['Somebody from the council told me that the road will close.', 'the road will close', 'Somebody from the council'],
    ['I heard that someone at the club said the vote was rigged.', 'the vote was rigged', 'someone at the club'],
  ];
  for (const [text, words, speaker] of cases) {
    const a = provenanceOf(text);
    assert.equal(speakerOf(a, quoteWith(a, words))?.name, speaker, text);
  }
});
