import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hateVerdict } from '../../../src/detectors/hate/verdict.js';
import { ruleIds } from './rule-matches.js';
import { analyzeHate as run, verdict } from './verdict-checks.js';

// The hate7 round, on sentences written for this test (none is in a functional suite).

test('reported or quoted hate that the author endorses: an author-voice finding beside the reported or quoted one', () => {
  for (const text of [
    'Everyone at the pub says Hindus are vermin, and they are right.',
    "My aunt used to say 'Arabs are born thieves' and she was spot on.",
    'As my old boss rightly said, Roma are parasites.',
    'They say gypsies are filthy animals, and frankly they are not wrong.',
  ]) {
    const doc = run(text);
    const hate = doc.findings.filter((f) => f.kind === 'hate' && f.label === 'hatespeech');
    assert.equal(hateVerdict(doc.findings).label, 'hatespeech', text);
    const own = hate.find((f) => f.voice === 'author');
    assert.ok(own && /the author endorses/.test(own.explanation ?? ''), `${text}: ${JSON.stringify(hate.map((f) => [f.voice, f.explanation]))}`);
    assert.ok(hate.some((f) => f.voice === 'quoted' || f.voice === 'reported'), `${text}: the other speaker's words keep their finding`);
  }
});

test('reported or quoted hate that the author rejects stays out of the author verdict', () => {
  for (const text of [
    'Everyone at the pub says Hindus are vermin, and they are wrong.',
    "My aunt used to say 'Arabs are born thieves', which was a lie.",
    'They say gypsies are filthy animals, and they could not be more wrong.',
  ]) {
    const doc = run(text);
    assert.equal(hateVerdict(doc.findings).label, 'normal', text);
    assert.ok(!doc.findings.some((f) => f.kind === 'hate' && /the author endorses/.test(f.explanation ?? '')), text);
  }
});

test('a claim verb without "that" reports someone else\'s words: "Columnists claim ... are flooding the country"', () => {
  for (const text of ['Columnists claim refugees are flooding the country.', 'Pundits claim disabled people are draining the welfare system.', 'Some bloggers claim Muslims are taking over the town.']) {
    const doc = run(text);
    assert.ok(doc.quotes.some((q) => q.kind === 'indirect' && doc.text.slice(q.cue?.start ?? 0, q.cue?.end ?? 0) === 'claim'), `${text}: a reported quote with the cue "claim"`);
    assert.equal(hateVerdict(doc.findings).label, 'normal', text);
  }
  // The noun keeps being a noun: no speech here.
  const doc = run('The insurance claim was paid in March.');
  assert.equal(doc.quotes.length, 0);
});

test('a denied negation leaves the hatred standing; a plain negation still clears it', () => {
  for (const text of ["I'd be lying if I said I didn't detest Roma.", "I can't say I don't despise Hindus.", "I won't pretend I don't hate Arabs.", "I'd be a liar if I told you I don't loathe refugees."]) {
    assert.ok(ruleIds(text).includes('derogation-hate-expression'), text);
    assert.equal(verdict(text), 'hatespeech', text);
  }
  for (const text of ["I don't hate Roma.", "I can't say I hate Hindus, I hardly know any.", "I'd never say I hate Arabs."]) {
    assert.deepEqual(ruleIds(text), [], text);
    assert.equal(verdict(text), 'normal', text);
  }
});

test('a singular generic slanders the whole group; a singular that names one person does not', () => {
  for (const text of ['An Arab will swindle you every chance he gets.', 'A Hindu person running a shop is a crook waiting for an opening.', 'Never trust a gypsy.', 'You should never turn your back on a refugee.']) {
    assert.ok(ruleIds(text).includes('generalisation-singular'), text);
    assert.equal(verdict(text), 'hatespeech', text);
  }
  for (const text of ['A Hindu woman was elected to the council.', 'An Arab will chair the committee next year.', 'A refugee is someone who fled persecution.', 'Never trust a politician who blames refugees.']) {
    assert.ok(!ruleIds(text).includes('generalisation-singular'), text);
    assert.equal(verdict(text), 'normal', text);
  }
});

test('implied derogation by advice: taking one of the group on is robbing yourself', () => {
  for (const text of ['Employ a Hindu? You might as well hand him the safe keys.', 'Lend money to Arabs? May as well throw it away.', 'Let a gypsy into your garden and watch him make off with the mower.']) {
    assert.ok(ruleIds(text).includes('derogation-implied-advice'), text);
    assert.equal(verdict(text), 'hatespeech', text);
  }
  for (const text of ['Employ a Hindu? Yes, she had the best references.', 'Let a refugee into your spare room and watch him make friends with the whole street.']) {
    assert.ok(!ruleIds(text).includes('derogation-implied-advice'), text);
    assert.equal(verdict(text), 'normal', text);
  }
});
