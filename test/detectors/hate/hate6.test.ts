import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findQuotedSegments } from '../../../src/provenance/marks.js';
import { ruleIds } from './rule-matches.js';
import { analyzeHate, verdict } from './verdict-checks.js';

// The hate6 round, on sentences written for this test (none is in a functional suite).
const findings = (text: string) => analyzeHate(text).findings.filter((f) => f.kind === 'hate');

test('straight single quotes around words are quotation marks; apostrophes, possessives and elisions are not', () => {
  const inner = (text: string) => findQuotedSegments(text).map((s) => text.slice(s.start, s.end));
  assert.deepEqual(inner("Painting 'Roma out' on a wall is a crime."), ['Roma out']);
  assert.deepEqual(inner("The sign said: 'no dogs', and we left."), ['no dogs']);
  assert.deepEqual(inner("It's the farmers' market, we don't mind."), []);
  assert.deepEqual(inner("They played rock 'n' roll and 'em old songs till the pubs' doors shut."), []);
  // A stretch of a text is read on its own: a mark outside it opens nothing inside.
  const text = "He said 'go home'. Then 'stay' he said.";
  assert.deepEqual(findQuotedSegments(text, 19, text.length).map((s) => text.slice(s.start, s.end)), ['stay']);
});

test('counter-speech that puts the rejected hate in single quotes: no author verdict, the quote keeps a quoted finding', () => {
  for (const text of [
    "Shouting 'Hindus are rats' at a bus stop is not banter, it is vile.",
    "The leaflet read 'drive every gypsy out of town', and the whole street reported it to the police.",
    "Some troll replied 'trans people are a disease'. That is hateful garbage.",
    'Printing ‘Arabs are cockroaches’ on a T-shirt is dehumanising.',
  ]) {
    assert.equal(verdict(text), 'normal', text);
    const quoted = findings(text).filter((f) => f.voice === 'quoted' || f.voice === 'reported');
    assert.ok(quoted.length > 0, `no quoted finding: ${text}`);
    for (const f of quoted) assert.ok(f.end - f.start < text.length, `the quoted finding spans the whole unit: ${text}`);
  }
  // The same words in the author's own voice are hate.
  assert.equal(verdict('Hindus are rats.'), 'hatespeech');
  assert.equal(verdict('Trans people are a disease.'), 'hatespeech');
});

test('a claim reported after "when/if ... claim" and called a lie by the author is not the author\'s hate', () => {
  for (const text of [
    'When politicians say immigrants are flooding the country, they are spreading fear and lies.',
    'If anyone tells you Muslims are all terrorists, they are lying.',
    'Every time my uncle claims Jews run the press, he is repeating a Nazi trope.',
  ]) {
    assert.equal(verdict(text), 'normal', text);
  }
  // The group as the speaker, or an author who agrees, is not counter-speech.
  assert.equal(verdict('Immigrants are flooding the country, and they are proud of it.'), 'hatespeech');
  assert.ok(ruleIds('Muslims are all terrorists, they are lying about it.').length > 0);
});

test('punctuation ends the clause of a negation before a match; a negation in the claim\'s own clause still clears it', () => {
  assert.ok(ruleIds("Not gonna lie, I despise Roma.").includes('derogation-hate-expression'));
  assert.ok(ruleIds("You can't talk sense into Asians, they're lazy and dishonest.").includes('generalisation-insult'));
  assert.deepEqual(ruleIds('I do not despise Roma.'), []);
  assert.deepEqual(ruleIds('Asians are not lazy and dishonest.'), []);
});

test('wider families: feelings of hostility, fronted labels, threats with an idiom, forced expulsion, infiltration', () => {
  const cases: [string, string][] = [
    ["We've always had nothing but loathing for Jews.", 'derogation-emotion'],
    ['The thought of Muslims next door fills us with revulsion.', 'derogation-emotion'],
    ["Rats, that's all Arabs will ever be.", 'dehumanisation-vermin'],
    ['Thieves and liars, that is what Roma are.', 'generalisation-insult'],
    ['I am going to beat the hell out of the Hindus on my road.', 'threat-direct'],
    ['I will break the neck of the next one of those refugees.', 'threat-direct'],
    ['It is time we chased the immigrants out by force.', 'expulsion-call'],
    ['Somebody ought to round up all the Roma.', 'threat-normative'],
    ['No amount of education will ever make Arabs civilised.', 'derogation-negated-positive'],
    ['Tell me why we let gays live among our children?', 'derogation-question'],
    ['Muslims have sneaked into every branch of the police.', 'trope-control'],
    ['The shelter is paid for by Jews to bring in millions more of their kind.', 'trope-plot'],
  ];
  for (const [text, id] of cases) assert.ok(ruleIds(text).includes(id), `${id}: ${text} (got ${ruleIds(text).join(', ')})`);
  // Their innocent look-alikes.
  for (const text of [
    'Firefighters had the blaze under control, and Roma families were safe.',
    'It is time we welcomed the refugees in.',
    'No amount of rain will ever stop Hindus from celebrating Holi.',
    'Refugees sneaked into the country under lorries, the report says.',
    'I understand why we let refugees in.',
    'I have nothing but admiration for Muslims.',
  ]) {
    assert.deepEqual(ruleIds(text), [], text);
  }
});

test('the opinion after "if you ask me," is the author\'s own voice; a question someone asked is not', () => {
  assert.equal(verdict('If you ask me, Roma are filthy thieves.'), 'hatespeech');
  assert.equal(verdict('Honestly, if you ask me, Muslims are the worst thing that ever happened to Europe.'), 'hatespeech');
  assert.equal(verdict('The reporter asked me whether Roma are thieves, and I said no.'), 'normal');
});

test('labour and money statistics that name a group are not hate (the network retrained with dev-neutral7)', () => {
  // A PTC train sentence the hate6 network read as hatespeech at p 1.00, and paraphrases of
  // its family written for this test (none is in dev-neutral7.yml).
  for (const text of [
    'The share of immigrants holding jobs fell by 1.6%; the share of natives holding jobs fell by 0.2%.',
    'The proportion of Muslims holding steady jobs dropped by 2%.',
    'Heating bills paid by refugees went up sharply this winter.',
    'The count of Roma with jobs fell by 1% in May.',
  ]) assert.equal(verdict(text), 'normal', text);
  // The trope the network learned "jobs" from still reads as hate.
  assert.equal(verdict('Migrants are stealing our jobs and laughing at us while they do it.'), 'hatespeech');
});

test('"anyone who claims ... is peddling a myth" rejects the claim it names; the claim said outright is still hate', () => {
  for (const text of [
    'Anybody who says Muslims are plotting a takeover is spreading a dangerous old lie.',
    'People who claim that Jews run the central banks are recycling a vile conspiracy theory.',
    'Someone who insists Roma steal children is repeating a medieval myth.',
  ]) assert.equal(verdict(text), 'normal', text);
  assert.equal(verdict('Jews run the central banks and everyone knows it.'), 'hatespeech');
});
