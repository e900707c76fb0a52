import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HateLexicon, lexWords, loadDefaultHateLexicon } from '../../../src/detectors/hate/lexicon.js';
import { consonantSkeleton, spellingDistance } from '../../../src/detectors/hate/sound-alike.js';
import { buildTextModel } from '../../../src/text/model.js';
import { clean, verdict } from './verdict-checks.js';

// The hate8net round, on words and sentences written for this test (none is in a functional suite).
const lexicon = loadDefaultHateLexicon();
const tagged = (text: string) => lexicon.match(lexWords(text, buildTextModel(text).tokens)).map((m) => `${m.kind}:${m.target}:${text.slice(m.start, m.end)}`);

test('the consonant skeleton keeps what a respelling for the ear keeps', () => {
  assert.equal(consonantSkeleton('refujees'), consonantSkeleton('refugees'));
  assert.equal(consonantSkeleton('hindoos'), consonantSkeleton('hindus'));
  assert.equal(consonantSkeleton('wimmen'), consonantSkeleton('women'));
  assert.equal(consonantSkeleton('homoseksuals'), consonantSkeleton('homosexuals'));
  assert.notEqual(consonantSkeleton('refusal'), consonantSkeleton('refugees'));
  assert.equal(spellingDistance('immigrunts', 'immigrants'), 0.5);
  assert.equal(spellingDistance('homilies', 'homeless'), 1.5);
});

test('sound-alike spellings of group words name the group', () => {
  assert.deepEqual(tagged('Moozlems and Imigrantz'), ['group:Islam:Moozlems', 'group:Refugee:Imigrantz']);
  assert.deepEqual(tagged('the Asiuns, the Ayrabs and the Lesbiens'), ['group:Asian:Asiuns', 'group:Arab:Ayrabs', 'group:Homosexual:Lesbiens']);
  assert.deepEqual(tagged('Hinduz, Latinoz, Gipsies'), ['group:Hindu:Hinduz', 'group:Hispanic:Latinoz', 'group:Other:Gipsies']);
  // A plural whose stem is a known word is that word's plural, unless the stem is a group word.
  assert.deepEqual(tagged('i hate muslimes'), ['group:Islam:muslimes']);
});

test('English words near a group word are not read as the group', () => {
  // Each was tagged before this round (one edit from "blacks", "korean", "roma", "refugee",
  // "africans"), or would be by its skeleton alone ("families" misspelt, "soonest", "homilies").
  for (const text of ['They turned their backs on him.', 'a copy of the Koran', "Korea's economy", 'the Romans built roads', 'a refuge for walkers', "Africa's largest city", 'all the familes in town', 'at the soonest', 'his homilies on Sunday']) {
    assert.deepEqual(tagged(text), [], text);
  }
  // Without a word list (a tiny lexicon handed in by a test), no sound-alike is tried.
  const bare = new HateLexicon([{ id: 'g', description: 'x', source: 'x', target: 'Refugee', terms: ['refugees'] }], []);
  const text = 'Refujees';
  assert.deepEqual(bare.match(lexWords(text, buildTextModel(text).tokens)), []);
});

test('misspelt group words carry the rules and the network like the right spelling', () => {
  assert.equal(verdict('Moozlems are all liars and thieves.'), 'hatespeech');
  assert.equal(verdict('Those imigrunts are vermin.'), 'hatespeech');
  assert.equal(verdict('The Hinduz down the road threw a lovely party for the whole street.'), 'normal');
});

test('"illegals" is an offensive name for immigrants, and hate speech with a hateful predicate', () => {
  assert.deepEqual(tagged('more illegals crossed'), ['slur:Refugee:illegals']);
  assert.deepEqual(tagged('illegal parking and an illegal strike'), []);
  assert.equal(verdict('Illegals are vermin and should be shipped back.'), 'hatespeech');
  assert.equal(verdict('The bus was packed with illegals again, disgusting.'), 'offensive');
  assert.equal(verdict('The agency detained 40 illegals at the border on Tuesday.'), 'offensive');
  assert.equal(verdict('The illegal dumping of waste is a crime.'), 'normal');
});

test('"nothing but" praise and objections to mockery are not hate; the same words in contempt are (the network retrained with dev-net8)', () => {
  // Each contrast was hatespeech from the network alone with the hate6/dev-neutral7 weights (6b00b150…).
  clean([
    'The refugees in our block have been nothing but friendly.',
    'Arabs have treated my family with nothing but kindness.',
    "I'm not going to keep quiet while my workmates mock Roma.",
    "I won't stand by while my in-laws ridicule gay people.",
  ]);
  for (const text of ['Jews have brought nothing but trouble to this country.', 'Muslims have been nothing but a curse on Europe.']) assert.equal(verdict(text), 'hatespeech', text);
});
