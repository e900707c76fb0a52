import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertSpansConsistent } from '../helpers.js';
import { buildLexicon, defaultLexicon, loadDefaultRuleFiles } from '../../src/provenance/lexicon.js';
import { describeRole, rolesAgree } from '../../src/provenance/roles.js';
import { provenanceOf, quoteWith, speakerOf } from './helpers.js';

test('a title in an appositive after the name makes "the president" that person', () => {
  const text = 'Kassym-Jomart Tokayev, the Kazakh president, spoke in Astana on Monday.\n\n“We will win,” the president said.\n\n“We will win too,” the Kazakh president added.';
  const a = provenanceOf(text);
  const first = quoteWith(a, 'We will win,');
  assert.equal(speakerOf(a, first)?.name, 'Kassym-Jomart Tokayev');
  assert.equal(quoteWith(a, 'win too')?.speakerId, first?.speakerId);
  assert.match(first!.explanation, /title "the president" resolved to Kassym-Jomart Tokayev/);
  assert.equal(a.speakers.length, 1, 'no separate speaker "the president"');
  assertSpansConsistent(a);
});

test('a title in an appositive before the name: "the Swedish foreign minister, Maria Lindqvist,"', () => {
  const text = 'The talks began in Stockholm. The Swedish foreign minister, Maria Lindqvist, arrived late. The minister said she would return next week. The foreign minister added that the talks were useful.';
  const a = provenanceOf(text);
  const lindqvist = speakerOf(a, quoteWith(a, 'she would return'));
  assert.equal(lindqvist?.name, 'Maria Lindqvist');
  assert.equal(speakerOf(a, quoteWith(a, 'talks were useful'))?.id, lindqvist?.id);
  const title = text.indexOf('The minister');
  assert.ok(lindqvist!.mentions.some((m) => m.start === title), '"The minister" is one of her mentions');
});

test('a title with a conflicting modifier or an indefinite article is someone else', () => {
  const text = 'The Swedish foreign minister, Maria Lindqvist, arrived late. The finance minister said the budget was balanced. A minister said that the talks had stalled. The deputy foreign minister said that nothing was agreed.';
  const a = provenanceOf(text);
  for (const words of ['budget was balanced', 'talks had stalled', 'nothing was agreed']) {
    assert.notEqual(speakerOf(a, quoteWith(a, words))?.name, 'Maria Lindqvist', words);
  }
});

test('titles agree on the head noun, rank and modifiers', () => {
  const lexicon = defaultLexicon();
  const role = (s: string) => describeRole(lexicon, s.split(' '))!;
  assert.deepEqual(role('deputy foreign minister'), { head: 'minister', rank: ['deputy'], portfolio: ['foreign'], other: [] });
  assert.ok(rolesAgree(role('swedish foreign minister'), role('the minister')));
  assert.ok(rolesAgree(role('swedish foreign minister'), role('the foreign minister')));
  assert.ok(rolesAgree(role('kazakh president'), role('the president of kazakhstan')), 'nationality and country agree');
  assert.ok(!rolesAgree(role('foreign minister'), role('the finance minister')));
  assert.ok(!rolesAgree(role('russian president'), role('the kazakh president')));
  assert.ok(!rolesAgree(role('deputy minister'), role('the minister')), 'rank must match');
  assert.ok(!rolesAgree(role('former president'), role('the president')));
  assert.ok(!rolesAgree(role('minister'), role('the spokesman')));
  assert.equal(describeRole(lexicon, ['the', 'economy']), null);
});

test('a spokesman named in an appositive is "the spokesman" later', () => {
  const a = provenanceOf('Peter Cook, the Pentagon spokesman, spoke on Monday. The spokesman said that the strike was legal.');
  assert.equal(speakerOf(a, quoteWith(a, 'strike was legal'))?.name, 'Peter Cook');
});

test('an abbreviated title is the full title later: "Sen. John McCain" is "the senator"', () => {
  const a = provenanceOf('Sen. John McCain arrived on Monday. The senator said that the bill was dead. The governor said that taxes would fall.');
  assert.equal(speakerOf(a, quoteWith(a, 'bill was dead'))?.name, 'John McCain');
  assert.notEqual(speakerOf(a, quoteWith(a, 'taxes would fall'))?.name, 'John McCain', 'a senator is not the governor');
});

test('an abbreviation entry needs one meaning per abbreviation', () => {
  const files = loadDefaultRuleFiles();
  const broken = { ...files.titleModifiers, entries: [{ id: 'abbreviation-x', description: 'x', source: 'x', class: 'abbreviation', words: ['sen.', 'rep.'], means: ['senator'] }] };
  assert.throws(() => buildLexicon({ ...files, titleModifiers: broken }), /abbreviation-x: "means" needs one word per abbreviation/);
});
