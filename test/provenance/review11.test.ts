import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertSpansConsistent } from '../helpers.js';
import { fakeOutlets, provenanceOf, quoteWith, speakerOf } from './helpers.js';

test('a title-case headline run is no antecedent for the body\'s "he"', () => {
  const text = 'What the Governor Truly Promised Yesterday\n\nThe governor spoke for an hour. He added: "Nobody will lose their pension."';
  const a = provenanceOf(text);
  const name = speakerOf(a, quoteWith(a, 'Nobody will lose'))?.name ?? '';
  assert.ok(!/Promised|Truly/.test(name), `speaker is not the headline words: ${name}`);
  assertSpansConsistent(a);
  // Contrast: a person the body names is still found through the pronoun.
  const named = provenanceOf('What the Governor Truly Promised Yesterday\n\nGovernor Maria Lund spoke for an hour. She added: "Nobody will lose their pension."');
  assert.equal(speakerOf(named, quoteWith(named, 'Nobody will lose'))?.name, 'Maria Lund');
});

test('"the minister said that …" makes a person whom a later "she" stands for; plural roles stay groups', () => {
  const a = provenanceOf('The spokeswoman said that the border would stay open. She added that the fence would come down.');
  assert.equal(speakerOf(a, quoteWith(a, 'the fence would'))?.name, 'The spokeswoman');
  assert.equal(speakerOf(a, quoteWith(a, 'the fence would'))?.role, 'spokeswoman', 'the capital of "The" is no name');
  const plural = provenanceOf('The officials said that the border would stay open. She added that the fence would come down.');
  assert.notEqual(speakerOf(plural, quoteWith(plural, 'the fence would'))?.name, 'The officials', '"she" is never a plural');
  const male = provenanceOf('The spokesman said that the border would stay open. She added that the fence would come down.');
  assert.notEqual(speakerOf(male, quoteWith(male, 'the fence would'))?.name, 'The spokesman', 'a gendered title disagrees with "she"');
});

test('"An EU official said" is the official, not the EU; the EU itself and a seat of government still speak as bodies', () => {
  const a = provenanceOf('A senior EU official, who spoke on condition of anonymity, said both sides had misjudged the cost.');
  assert.equal(speakerOf(a, quoteWith(a, 'both sides'))?.name, 'A senior EU official');
  const body = provenanceOf('The EU said both sides had misjudged the cost.');
  assert.equal(speakerOf(body, quoteWith(body, 'both sides'))?.name, 'EU');
  const seat = provenanceOf('A White House official said both sides had misjudged the cost.');
  assert.equal(speakerOf(seat, quoteWith(seat, 'both sides'))?.stateActor?.country, 'United States', 'a seat of government keeps its state');
  assertSpansConsistent(a);
});

test('a described speaker is named without its relative pronoun, and "asked not to be named" reports nothing', () => {
  const a = provenanceOf('The nurse, who asked not to be named, told the paper she had worked nights for a decade.');
  assert.equal(speakerOf(a, quoteWith(a, 'worked nights'))?.name, 'The nurse');
  assert.ok(!a.quotes.some((q) => q.text.startsWith('not to be named')), 'a request for anonymity is no reported speech');
  assert.ok(!a.speakers.some((s) => s.name.endsWith('who')), 'no speaker named "…, who"');
  const bare = provenanceOf('Sixty neighbours from both streets who have known the family for years wrote to the council and said the lorry had no lights.');
  assert.equal(speakerOf(bare, quoteWith(bare, 'the lorry'))?.name, 'Sixty neighbours from both streets');
  // Contrast: a request with content of its own is still reported.
  const b = provenanceOf('The nurse asked the board to publish the rota.');
  assert.ok(quoteWith(b, 'to publish the rota'), 'asked … to publish is still what she asked');
  assertSpansConsistent(a);
});

test('"X quoted his spokesman, Name, as saying" gives the words to the one quoted, with the outlet, direct quotes too', () => {
  const a = provenanceOf('Interfax later quoted his deputy, Pavel Lenski, as saying that the convoy "was never in danger."');
  assert.equal(speakerOf(a, quoteWith(a, 'that the convoy'))?.name, 'Pavel Lenski');
  const direct = a.quotes.find((q) => q.kind === 'direct' && q.text.startsWith('was never'));
  assert.equal(speakerOf(a, direct)?.name, 'Pavel Lenski');
  assert.equal(direct?.outletId, quoteWith(a, 'that the convoy')?.outletId);
  // Contrast: without "as saying" the outlet itself speaks.
  const b = provenanceOf('Interfax later said that the convoy "was never in danger."');
  assert.equal(speakerOf(b, quoteWith(b, 'that the convoy'))?.name, 'Interfax');
  assertSpansConsistent(a);
});

test('"has been charged with an offence" is no reported speech; "charged that …" is', () => {
  const a = provenanceOf('A 41-year-old woman has been charged with criminal damage after a window was smashed at the clinic.');
  assert.equal(a.quotes.length, 0);
  const b = provenanceOf('The union charged that the managers had ignored the safety rules.');
  assert.equal(speakerOf(b, quoteWith(b, 'the managers had ignored'))?.name, 'The union');
});

test('informal "gonna" is no speaker', () => {
  const a = provenanceOf('my brother is gonna say the bins were collected on time.');
  assert.ok(!a.speakers.some((s) => /gonna/i.test(s.name)), a.speakers.map((s) => s.name).join(', '));
  const b = provenanceOf('My brother will say the bins were collected on time.');
  assert.equal(speakerOf(b, quoteWith(b, 'the bins were'))?.name, 'My brother');
});

test('"Interview: “…”" over a Q/A transcript is a genre label: the answers are the interviewee\'s', () => {
  const text = 'Interview: "We plant before the frost"\n\nThis conversation with orchard keeper Ruth Amsel was shortened.\n\nQ: When did you start?\nA: In the spring of 1990, with six trees.\n\nQ: And now?\nA: Four hundred trees and two tractors.';
  const a = provenanceOf(text);
  const answer = quoteWith(a, 'six trees');
  assert.equal(speakerOf(a, answer)?.name, 'Ruth Amsel');
  assert.ok(!a.speakers.some((s) => s.name === 'Interview'), 'no speaker called "Interview"');
  // Contrast: a person's name before the colon still speaks.
  const b = provenanceOf('Ruth Amsel: "We plant before the frost"\n\nThe orchard had six trees in 1990.');
  assert.equal(speakerOf(b, quoteWith(b, 'plant before'))?.name, 'Ruth Amsel');
  assertSpansConsistent(a);
});

test('the state-voice headline says "via" an outlet only when that outlet carried the actor\'s words', () => {
  const outlets = (t: string) => fakeOutlets({ 'state-tv': 'State TV' })(t).map((o) => ({ ...o, stateAffiliated: true, typology: 'SC', country: 'TR' }));
  const apart = provenanceOf('State TV reported that the dam had been repaired ahead of schedule.\n\nTurkish President Ahmet Kaya said that the repairs had cost nothing and the villages were safe again.', { findOutlets: outlets });
  assert.match(apart.stateVoice!.headline, /Turkey's president, and reports carried by State TV/);
  const carried = provenanceOf('Turkish President Ahmet Kaya told State TV that the repairs had cost nothing and the villages were safe again.', { findOutlets: outlets });
  assert.match(carried.stateVoice!.headline, /Turkey's president, via State TV/);
});

test('a cue joined by "and" to an earlier verb shares that verb\'s subject, not the reporting witnesses\'', () => {
  const a = provenanceOf('Neighbours said the driver climbed out of the van and yelled "Nobody move."');
  assert.equal(speakerOf(a, a.quotes.find((q) => q.kind === 'direct'))?.name, 'the driver');
  // Contrast: the reporter's own cue keeps its subject.
  const b = provenanceOf('Neighbours heard the crash and said "Nobody moved for a minute."');
  assert.equal(speakerOf(b, b.quotes.find((q) => q.kind === 'direct'))?.name, 'Neighbours');
});
