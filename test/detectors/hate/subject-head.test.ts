import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withoutSubjectModifier } from '../../../src/detectors/hate/subject-head.js';
import { canonWord } from '../../../src/detectors/hate/rules.js';
import { loadDefaultHateRules } from '../../../src/detectors/hate/shipped-rules.js';
import { analyzeHate, clean, verdict } from './verdict-checks.js';

/** The subject-head view of a space-separated text in which GRP is a group mention, as words joined again (null: no view). */
function headView(text: string): string | null {
  const group = { target: 'Refugee', match: {} as never, antecedent: undefined };
  const words = text.split(' ').map((t, i) => {
    const w = canonWord(t, i * 10, i * 10 + t.length);
    if (t === 'GRP') w.group = group;
    return w;
  });
  return withoutSubjectModifier(words, loadDefaultHateRules().subjectModifier)?.map((w) => w.text).join(' ') ?? null;
}

// A group that heads its clause's subject keeps its predicate across a post-modifier (read off a
// fresh blog post of the 2026-12-07 review: "The migrants pouring over our border are parasites"
// was normal while "Migrants are parasites" was hate speech).

test('a post-modifier between a subject group and its copula does not hide the predicate', () => {
  for (const text of [
    'The migrants pouring over our border are parasites who live off our taxes.',
    'Muslims living among us are a cancer.',
    'The migrants who arrived last year are parasites.',
    'The Roma camping by the river are filthy thieves.',
    'Jews in Hollywood are greedy.',
  ]) assert.equal(verdict(text), 'hatespeech', text);
});

test('the same frames stay clean with a kind or negated predicate, and a clause of its own is not a modifier', () => {
  clean([
    'Refugees arriving in Dover are exhausted and need help.',
    'Muslims in our street are wonderful neighbours.',
    'Migrants crossing the Channel are not vermin.',
    'Migrants who say politicians are vermin should be heard.',
  ]);
});

test('the view drops only the modifier, and only after a group that opens its sentence', () => {
  assert.equal(headView('the GRP pouring over our border are parasites'), 'the GRP are parasites');
  assert.equal(headView('GRP who say politicians are vermin'), null);
  assert.equal(headView('politicians who defend GRP in court are vermin'), null);
  assert.equal(headView('GRP are parasites'), null);
});

test('a group inside a relative clause is not the subject of the copula after it', () => {
  clean(['Politicians who defend migrants are vermin.', 'The men who attacked the Jews were vermin.', 'People who say migrants are vermin are ignorant.']);
  // The group as the subject, or a second sentence about it, stays hateful.
  assert.equal(verdict('Migrants who cross the border are vermin.'), 'hatespeech');
  assert.equal(verdict('Anyone who employs Muslims is a fool, Muslims are vermin.'), 'hatespeech');
  // After a verb of saying or thinking the group is its clause's subject.
  assert.equal(verdict('Am I the only one who thinks Muslims are subhuman?'), 'hatespeech');
});

// A plural noun right before the copula ended the view ("… our towns are"), so only the
// network caught "The refugees in our towns are parasites" (2026-12-07, second session,
// read off a fresh blog post of my own). After a preposition or a listed participle that
// noun is the phrase's object; after "who" or another -ing verb it may be a clause's subject.
test('after a prepositional or participial modifier, a plural noun before the copula is its object, not the subject', () => {
  for (const text of [
    'The refugees in our towns are parasites.',
    'Migrants from poor countries are criminals.',
    'Muslims living on benefits are a plague on this country.',
    'The Roma camping near our houses are thieves.',
  ]) assert.equal(verdict(text), 'hatespeech', text);
  clean([
    'Women at clubs where bouncers are rude should complain.',
    'Refugees from countries whose leaders are corrupt deserve protection.',
    'Migrants from poor countries are hard workers.',
    'Muslims living near factories are exposed to pollution.',
  ]);
  assert.equal(headView('the GRP in our towns are parasites'), 'the GRP are parasites');
  assert.equal(headView('GRP claiming politicians are vermin'), null);
  assert.equal(headView('GRP who politicians are afraid of are vermin'), null);
});

// The subject-head reading used to be tried only when no rule fired on the unit, so a finding
// for "The refugees flooding our towns are parasites" cited "flooding our" (replacement) and not
// the words that carry most of it (2026-12-07, from a blog post of my own).
test('when another rule fires too, the finding also names the predicate read through the subject head', () => {
  const text = 'The refugees flooding our towns are parasites.';
  const hate = analyzeHate(text).findings.filter((f) => f.kind === 'hate');
  assert.equal(hate.length, 1, JSON.stringify(hate));
  const evidence = (hate[0]!.evidence ?? []).map((e) => text.slice(e.start, e.end));
  assert.ok(evidence.includes('are parasites') && evidence.includes('flooding our'), evidence.join(' | '));
  assert.match(hate[0]!.explanation, /dehumanisation-vermin/);
});

