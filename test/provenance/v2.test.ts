import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertSpansConsistent, assertVoicesPartition } from '../helpers.js';
import { fakeOutlets, provenanceOf, quoteWith, speakerOf } from './helpers.js';
import { loadCases, ratio, scoreCases } from './v2-cases.js';

const wire = fakeOutlets({ anadolu: 'Anadolu', 'state-tv': 'State TV' });

test('an agency and a named spokesman in one sentence: the person speaks, the agency relays', () => {
  const a = provenanceOf('The border will reopen next month, interior ministry spokesman Kerem Aydin told a news conference on Friday, according to the Anadolu agency.', { findOutlets: wire });
  const q = quoteWith(a, 'border will reopen');
  assert.equal(speakerOf(a, q)?.name, 'Kerem Aydin');
  assert.equal(q?.outletId, 'anadolu');
  assert.equal(a.quotes.filter((x) => x.kind === 'indirect').length, 1, 'the "according to" clause is not a second report');
  assertSpansConsistent(a);
});

test('a speaker\'s cue before the clause and the agency after it: the speaker speaks, the agency relays, the clause stops before "according to"', () => {
  const text = 'Deputy minister Selin Arslan said on Tuesday that "the harvest will be late" this year, according to the Anadolu agency.';
  const a = provenanceOf(text, { findOutlets: wire });
  const indirect = a.quotes.filter((x) => x.kind === 'indirect');
  assert.deepEqual(indirect.map((q) => [q.text, speakerOf(a, q)?.name, q.outletId]), [['that "the harvest will be late" this year', 'Selin Arslan', 'anadolu']]);
  const direct = a.quotes.find((q) => q.kind === 'direct');
  assert.equal(direct?.text, 'the harvest will be late');
  assert.equal(direct?.outletId, 'anadolu', 'the direct words inside came through the agency too');
  assertSpansConsistent(a);
  assertVoicesPartition(a);
});

test('"According to AGENCY, …, X said": X speaks, the agency relays, and the content leaves out the opening phrase', () => {
  const text = 'According to Anadolu, the border will reopen next month, interior minister Kerem Aydin said on Friday. According to a source close to the talks, the deal is off, officials said.';
  const a = provenanceOf(text, { findOutlets: wire });
  const indirect = a.quotes.filter((x) => x.kind === 'indirect');
  assert.deepEqual(indirect.map((q) => [q.text, speakerOf(a, q)?.name, q.outletId]), [
    ['the border will reopen next month', 'Kerem Aydin', 'anadolu'],
    ['the deal is off', 'officials', null],
  ]);
  // Without a speaker's cue at the end, the phrase's source is the source.
  const alone = provenanceOf('According to Anadolu, the border will reopen next month.', { findOutlets: wire });
  assert.deepEqual(alone.quotes.map((q) => [q.text, speakerOf(alone, q)?.name]), [['the border will reopen next month', 'Anadolu']]);
  assertSpansConsistent(a);
  assertVoicesPartition(a);
});

test('wire sentences: a statement carried by an agency, a direct quote with its own cue, and a report nested in an agency\'s report', () => {
  const outlets = fakeOutlets({ irna: 'IRNA', reuters: 'Reuters', ria: 'RIA Novosti' });
  const carried = provenanceOf('The ministry said in a statement carried by the state news agency IRNA that the sanctions were illegal.', { findOutlets: outlets });
  assert.deepEqual(carried.quotes.map((q) => [q.text, speakerOf(carried, q)?.name, q.outletId]), [['that the sanctions were illegal', 'The ministry', 'irna']]);
  // "in a video address" is where Zelensky spoke; no second report starts at "address".
  const cued = provenanceOf('"We will not give up a single metre," Zelensky said in a video address, Reuters reported.', { findOutlets: outlets });
  assert.deepEqual(cued.quotes.map((q) => [q.kind, q.text, speakerOf(cued, q)?.name, q.outletId]), [['direct', 'We will not give up a single metre,', 'Zelensky', 'reuters']]);
  const opening = provenanceOf('According to IRNA, the minister also said that the talks would resume.', { findOutlets: outlets });
  assert.deepEqual(opening.quotes.map((q) => [q.text, speakerOf(opening, q)?.name, q.outletId]), [
    ['the minister also said that the talks would resume', 'IRNA', 'irna'],
    ['that the talks would resume', 'the minister', 'irna'],
  ]);
  const nested = provenanceOf('Peskov told reporters that the Kremlin had "no plans" for talks, RIA Novosti reported.', { findOutlets: outlets });
  assert.deepEqual(nested.quotes.map((q) => [q.kind, q.text, speakerOf(nested, q)?.name, q.outletId]), [
    ['indirect', 'Peskov told reporters that the Kremlin had "no plans" for talks', 'RIA Novosti', 'ria'],
    ['indirect', 'that the Kremlin had "no plans" for talks', 'Peskov', 'ria'],
    ['direct', 'no plans', 'Peskov', 'ria'],
  ]);
  for (const a of [carried, cued, opening, nested]) assertSpansConsistent(a);
});

test('a cue\'s own clause: the subject after ", but", the writer\'s appositive on the claim left out, and "at least" kept', () => {
  const but = provenanceOf('The White House declined to comment, but a senior official, speaking on condition of anonymity, said the talks had stalled.');
  assert.deepEqual(but.quotes.map((q) => [q.text, speakerOf(but, q)?.name]), [['the talks had stalled', 'a senior official']]);
  // One subject for both verbs: "…, but told The Huffington Post" is still his.
  const shared = provenanceOf('Andrew Rice endorsed Clinton, but told reporters on Monday that he thought Sanders would win.');
  assert.deepEqual(shared.quotes.map((q) => speakerOf(shared, q)?.name), ['Andrew Rice']);
  const claim = provenanceOf("Russia's defence ministry claimed its forces had captured the village, a claim that could not be independently verified.");
  assert.deepEqual(claim.quotes.map((q) => q.text), ['its forces had captured the village']);
  const least = provenanceOf('Officials in Kyiv say at least 12 people were killed.');
  assert.deepEqual(least.quotes.map((q) => q.text), ['at least 12 people were killed']);
  // After that appositive, a participle belongs to whoever denied the claim, not to who made it.
  const denied = provenanceOf('The front-runner complained that the contest had been rigged, a charge that party leaders strongly denied, noting that they had used the same rules since 2004.');
  assert.notEqual(speakerOf(denied, quoteWith(denied, 'used the same rules')!)?.name, 'The front-runner');
  for (const a of [but, shared, claim, least, denied]) assertSpansConsistent(a);
});

test('"quoted X as saying": X speaks and the outlet relays; "with Kyiv saying … and Moscow insisting …": two reports', () => {
  const outlets = fakeOutlets({ times: 'The Times' });
  const quoted = provenanceOf('The Times quoted a senior diplomat as saying that the talks were over.', { findOutlets: outlets });
  assert.deepEqual(quoted.quotes.map((q) => [q.text, speakerOf(quoted, q)?.name, q.outletId]), [['that the talks were over', 'a senior diplomat', 'times']]);
  const both = provenanceOf('Both sides claim victory, with Kyiv saying its troops had pushed back the attack and Moscow insisting the town had fallen.');
  assert.deepEqual(both.quotes.map((q) => [q.text, speakerOf(both, q)?.name]), [['its troops had pushed back the attack', 'Kyiv'], ['the town had fallen', 'Moscow']]);
  for (const a of [quoted, both]) assertSpansConsistent(a);
});

test('a passive cue: who heard it is not who said it; "you have been warned" signs off a threat; "according to" names the source', () => {
  const heard = provenanceOf('The vote was rigged, we were told. We were told that the count was fixed.');
  assert.deepEqual(heard.quotes.map((q) => [q.text, speakerOf(heard, q)?.name ?? null]), [['The vote was rigged', null], ['that the count was fixed', null]]);
  const threat = provenanceOf('Gonna burn that hostel down, you have been warned.');
  assert.deepEqual(threat.quotes, [], 'the writer\'s own words');
  const email = provenanceOf('The ministry was told that the troops were ready, according to a leaked email.');
  assert.deepEqual(email.quotes.map((q) => [q.text, speakerOf(email, q)?.name]), [['that the troops were ready', 'a leaked email']]);
  // An agent still speaks, and "is reported to have said" is still the subject's.
  const agent = provenanceOf('He was warned by police that the march was banned.');
  assert.deepEqual(agent.quotes.map((q) => speakerOf(agent, q)?.name), ['police']);
  for (const a of [heard, threat, email, agent]) assertSpansConsistent(a);
});

test('one or two quoted words after so-called, self-styled or alleged are scare quotes, whatever cue is near', () => {
  const a = provenanceOf('Officials dismissed the so-called “peace plan” and mocked a self-styled “expert”, adding that the alleged “leak” was invented.');
  for (const words of ['peace plan', 'expert', 'leak']) assert.equal(a.quotes.find((q) => q.text === words)?.kind, 'scare', words);
  // Three words after "so-called" with a cue right after them stay speech.
  const b = provenanceOf('“The so-called reform failed,” the minister said.');
  assert.equal(quoteWith(b, 'reform failed')?.kind, 'direct');
});

test('nested speech: the inner quote is the subject of "telling", the outer clause the reporting speaker, no overlapping reports', () => {
  const a = provenanceOf('A coach in Bradford was banned after telling players that “losing is for cowards,” the league said on Sunday.');
  const inner = a.quotes.filter((q) => q.text.includes('losing is for cowards')).sort((x, y) => x.text.length - y.text.length)[0];
  assert.equal(speakerOf(a, inner)?.name, 'A coach in Bradford');
  const outer = quoteWith(a, 'was banned after telling');
  assert.equal(speakerOf(a, outer)?.name, 'the league');
  assert.ok(!a.speakers.some((s) => s.name === 'Bradford'), 'a place after "in" is not the speaker');
  const indirect = a.quotes.filter((q) => q.kind === 'indirect');
  for (const x of indirect) for (const y of indirect) {
    if (x === y) continue;
    const overlap = x.start < y.end && y.start < x.end;
    const nested = (x.start <= y.start && y.end <= x.end) || (y.start <= x.start && x.end <= y.end);
    assert.ok(!overlap || nested, `"${x.text}" and "${y.text}" overlap without nesting`);
  }
  assertVoicesPartition(a);
});

test('a speaker named only by a description keeps the description as its name', () => {
  const a = provenanceOf('The vote was rigged from the start, a far-left campaigner told the rally.');
  assert.equal(speakerOf(a, quoteWith(a, 'vote was rigged'))?.name, 'a far-left campaigner');
});

test('the pronoun "us" names no country; "US" in capitals does', () => {
  const a = provenanceOf('Austria will not bow to pressure, President Karl Eder said. Later, Eder said the sanctions had "forced us to grow up".');
  const eder = speakerOf(a, quoteWith(a, 'forced us'));
  assert.equal(eder?.name, 'Karl Eder');
  assert.equal(eder?.stateActor?.country, 'Austria', 'the sentences around him name Austria, and "us" does not add the United States');
  const b = provenanceOf('US Trade Representative Ann Cole said the tariffs would stay.');
  assert.equal(speakerOf(b, quoteWith(b, 'tariffs would stay'))?.affiliation, 'United States');
  const c = provenanceOf('Trade representative Ann Cole, speaking to us, said the tariffs would stay.');
  assert.notEqual(speakerOf(c, quoteWith(c, 'tariffs would stay'))?.affiliation, 'United States');
});

test('title-case headline words never make a speaker on their own', () => {
  const a = provenanceOf('Lanterns of the Harbour Say Farewell\n\nLanterns of the Harbour: “We played our last show”');
  assert.ok(!a.speakers.some((s) => s.name.includes('Lanterns')), a.speakers.map((s) => s.name).join(', '));
  // A real name in a headline still speaks when it has a title or a known given name.
  const b = provenanceOf('President Maria Silva: “Talks Will Resume in May”');
  assert.equal(speakerOf(b, quoteWith(b, 'Talks Will Resume'))?.name, 'Maria Silva');
});

test('speaker profiles: role, affiliation and state actor from titles, appositives and "for X"', () => {
  const a = provenanceOf('Ukrainian Foreign Minister Olena Bondar said the talks had stalled.\n\nPiotr Nowak, a spokesman for the Polish defence ministry, said the jets were on patrol.\n\nSara Lind, an economist at Nordbank, said growth would slow.');
  const bondar = speakerOf(a, quoteWith(a, 'talks had stalled'));
  assert.equal(bondar?.role, 'foreign minister');
  assert.equal(bondar?.stateActor?.country, 'Ukraine');
  const nowak = speakerOf(a, quoteWith(a, 'jets were on patrol'));
  assert.equal(nowak?.role, 'spokesman');
  assert.equal(nowak?.affiliation, 'Polish defence ministry');
  assert.equal(nowak?.stateActor?.country, 'Poland');
  const lind = speakerOf(a, quoteWith(a, 'growth would slow'));
  assert.equal(lind?.stateActor, null, 'an economist at a bank is no state office');
});

test('segments: the writer\'s first-person and evaluative paragraphs are commentary; credited wire copy is a report via its outlet', () => {
  const text = 'I will say it plainly: this is a shameful cover-up.\n\nANKARA (Anadolu) - The interior minister said on Monday that the inquiry was closed.\n\nYou should ask yourself why nobody else reports this.';
  const a = provenanceOf(text, { findOutlets: wire });
  assert.deepEqual(a.segments?.map((s) => [s.kind, s.outletId]), [['commentary', null], ['report', 'anadolu'], ['commentary', null]]);
  for (const s of a.segments!) assert.ok(text.slice(s.start, s.end).trim() === text.slice(s.start, s.end));
});

test('quotes through one outlet make only the paragraphs that carry them its copy, not the writer\'s other report-style lines', () => {
  const outlets = (t: string) => fakeOutlets({ tass: 'TASS' })(t).map((o) => ({ ...o, stateAffiliated: true, typology: 'SC', country: 'RU' }));
  const text = 'The bridge was closed by the city council last year after a long dispute.\n\nThe minister said on Monday that the talks had failed, according to TASS.';
  const a = provenanceOf(text, { findOutlets: outlets });
  assert.deepEqual(a.segments?.map((s) => [s.kind, s.outletId, text.slice(s.start, s.start + 10)]), [['report', null, 'The bridge'], ['report', 'tass', 'The minist']]);
  assert.ok(a.stateVoice!.stateOutletShare < 0.6, String(a.stateVoice!.stateOutletShare));
  // A credit line still names the copy for every report paragraph.
  const credited = provenanceOf(`MOSCOW (TASS) - ${text}`, { findOutlets: outlets });
  assert.deepEqual(credited.segments?.map((s) => [s.kind, s.outletId]), [['report', 'tass']]);
});

test('the state-voice summary counts commentary, state actors and state outlets by characters and leads with the state', () => {
  const outlets = (t: string) => fakeOutlets({ 'state-tv': 'State TV' })(t).map((o) => ({ ...o, stateAffiliated: true, typology: 'SC', country: 'TR' }));
  const a = provenanceOf('Turkish President Ahmet Kaya told State TV that the operation had succeeded.\n\nFrankly, I do not believe a word of it.', { findOutlets: outlets });
  const v = a.stateVoice!;
  // "that the operation had succeeded" is 28 of the text's 96 non-space characters; the last sentence 31.
  assert.equal(v.stateActorShare, Math.round((28 / 96) * 1000) / 1000);
  assert.equal(v.authorShare, Math.round((31 / 96) * 1000) / 1000);
  assert.ok(v.stateOutletShare > 0, String(v.stateOutletShare));
  assert.match(v.headline, /^\d+% of this article is the voice of a state: Turkey's president, via State TV \(state-controlled\)\.$/);
  const none = provenanceOf('The river rose by two metres overnight, the weather service said.');
  assert.match(none.stateVoice!.headline, /^No part of this article/);
  assert.equal(none.stateVoice!.stateActorShare, 0);
});

test('annotated cases (test/fixtures/provenance-v2): speaker, role, state actor and segment accuracy', () => {
  const r = scoreCases([...loadCases(), ...loadCases('held-out.json')]);
  const line = (name: string, t: { right: number; n: number; misses: string[] }) => `${name} ${t.right}/${t.n}${t.misses.length ? ` (missed: ${t.misses.slice(0, 3).join('; ')})` : ''}`;
  const report = [line('speaker', r.speaker), line('role', r.role), line('stateActor', r.stateActor), line('outlet', r.outlet), line('segment chars', r.segmentChars)].join('\n');
  assert.ok(ratio(r.speaker) >= 0.9, report);
  assert.ok(ratio(r.role) >= 0.8, report);
  assert.ok(ratio(r.stateActor) >= 0.85, report);
  assert.ok(ratio(r.segmentChars) >= 0.9, report);
});

test('a wire paragraph: a quote closed by a full stop keeps its speaker when the next sentence opens with "According to", and the quoted words inside a relayed report are the person\'s', () => {
  const tass = fakeOutlets({ tass: 'TASS', rt: 'RT' });
  const text = '"The West has been preparing this war for years," Vladimir Putin told RT. "Our soldiers are defending our people." According to TASS, he added that Russia would not negotiate "with puppets of Washington".';
  const a = provenanceOf(text, { findOutlets: tass });
  assert.deepEqual(a.quotes.map((q) => [q.kind, q.text, speakerOf(a, q)?.name, q.outletId]), [
    // Told to RT: the words reached us through the outlet he spoke to.
    ['direct', 'The West has been preparing this war for years,', 'Vladimir Putin', 'rt'],
    ['direct', 'Our soldiers are defending our people.', 'Vladimir Putin', 'rt'],
    // PolNeAR's convention: the agency's report and the person's report nested in it.
    ['indirect', 'he added that Russia would not negotiate "with puppets of Washington', 'TASS', 'tass'],
    ['indirect', 'that Russia would not negotiate "with puppets of Washington"', 'Vladimir Putin', 'tass'],
    ['direct', 'with puppets of Washington', 'Vladimir Putin', 'tass'],
  ]);
  // A cue after a quote in the same sentence still attributes it.
  const after = provenanceOf('"Our soldiers are defending our people," according to TASS.', { findOutlets: tass });
  assert.equal(speakerOf(after, after.quotes[0])?.name, 'TASS');
  assertSpansConsistent(a);
  assertVoicesPartition(a);
});

test('"said it before": a pronoun object is no reported clause; a colon after it opens one', () => {
  const own = provenanceOf('I have said it before and I will say it again, the real enemy is not in Moscow.');
  assert.deepEqual(own.quotes.map((q) => q.text), []);
  const colon = provenanceOf('The minister said it again: the sanctions are illegal.');
  assert.deepEqual(colon.quotes.map((q) => [q.text, speakerOf(colon, q)?.name]), [['the sanctions are illegal', 'The minister']]);
  // A pronoun subject with its verb is still a clause.
  const clause = provenanceOf('The minister said it was illegal.');
  assert.deepEqual(clause.quotes.map((q) => q.text), ['it was illegal']);
  const quoted = provenanceOf('The Vatican said it "worked with almost 200 dioceses" last year.');
  assert.equal(speakerOf(quoted, quoteWith(quoted, 'worked with almost'))?.name, 'Vatican');
});

test('a post written in lower case: reported speech ends at the full stop, as in capitalised text', () => {
  const post = provenanceOf('the council raised rents again, now its 40. my neighbour works two jobs and still cant pay. the mayor said it was fair lol. we will see.');
  assert.deepEqual(post.quotes.map((q) => q.text), ['it was fair lol']);
  // In capitalised news a lower-case word after a full stop is no new sentence ("a.m. on Friday").
  const news = provenanceOf('The mayor said the vote would be held at 10 a.m. on Friday in the town hall.');
  assert.deepEqual(news.quotes.map((q) => q.text), ['the vote would be held at 10 a.m. on Friday in the town hall']);
});
