import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { foldString } from '../../src/provenance/outlet-fold.js';
import { nameVariants } from '../../src/provenance/outlet-matcher.js';
import { createOutletFinder, findOutlets, type OutletSpec } from '../../src/provenance/outlets.js';

const TINY: OutletSpec[] = [
  { id: 'rt', name: 'RT', aliases: ['RT', 'Russia Today'], country: 'RU', stateAffiliated: true, typology: 'SC', owner: 'ANO TV-Novosti' },
  { id: 'rt-france', name: 'RT France', aliases: ['RT France'] },
  { id: 'ap', name: 'Associated Press', aliases: ['AP', 'The Associated Press'], exclusions: ['AP Physics'], stateAffiliated: false },
  { id: 'channel-one', name: 'Channel One Russia', aliases: ['Channel One', 'Первый канал'] },
  { id: 'xinhua', name: 'Xinhua', aliases: ['Xinhua', '新华社'] },
  { id: 'peoples-daily', name: "People's Daily", aliases: ["People's Daily"] },
  { id: 'al-jazeera', name: 'Al Jazeera', aliases: ['Al Jazeera'] },
  { id: 'nyt', name: 'The New York Times', aliases: ['The New York Times'] },
  { id: 'abc-au', name: 'Australian Broadcasting Corporation', aliases: ['Australian Broadcasting Corporation'], ambiguousAliases: ['ABC'], contextCues: ['Australia', 'Canberra'] },
  { id: 'abc-us', name: 'ABC News (US)', aliases: ['American Broadcasting Company'], ambiguousAliases: ['ABC'], contextCues: ['Washington', 'New York'] },
  { id: 'aj-plus', name: 'AJ+', aliases: ['AJ+'] },
  { id: 'cbs', name: 'CBS News', aliases: ['CBS', 'CBS News'] },
  { id: 'rossiya-1', name: 'Rossiya 1', aliases: ['Rossiya 1'] },
  { id: '60-us', name: '60 Minutes (CBS)', aliases: [], ambiguousAliases: ['60 Minutes'], contextCues: ['Scott Pelley'], parent: 'cbs' },
  { id: '60-ru', name: '60 Minut', aliases: ['60 Minut'], ambiguousAliases: ['60 Minutes'], contextCues: ['Skabeyeva'], parent: 'rossiya-1' },
];

const find = createOutletFinder(TINY);
/** id -> mention texts, in text order; derived from the spans so every assertion also checks the offsets. */
function mentions(text: string, finder = find): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const o of finder(text)) out[o.id] = o.mentions.map((m) => text.slice(m.start, m.end));
  return out;
}

test('finds every mention with exact spans, including possessives', () => {
  const text = "RT's chief editor said Russia Today would appeal, and RT confirmed it.";
  const [rt, ...rest] = find(text);
  assert.equal(rest.length, 0);
  assert.equal(rt!.id, 'rt');
  assert.deepEqual(rt!.mentions, [
    { start: 0, end: 2 },
    { start: 23, end: 35 },
    { start: 54, end: 56 },
  ]);
  assert.equal(rt!.stateAffiliated, true);
  assert.equal(rt!.typology, 'SC');
  assert.equal(rt!.owner, 'ANO TV-Novosti');
  assert.equal(rt!.country, 'RU');
});

test('does not match inside other words or on the wrong case', () => {
  assert.deepEqual(mentions('ART and SPARTA, the startup, a rapport, an apple, my app, Rt, rt.'), {});
  assert.deepEqual(mentions('CAPTAIN and PAPA'), {});
  assert.deepEqual(mentions('The AP reported'), { ap: ['AP'] });
});

test('the longest name wins and exclusions suppress a name', () => {
  assert.deepEqual(mentions('RT France and RT disagreed.'), { 'rt-france': ['RT France'], rt: ['RT'] });
  assert.deepEqual(mentions('She passed AP Physics, AP said.'), { ap: ['AP'] });
});

test('matches non-Latin names without spaces around them', () => {
  const text = '据新华社报道，Первый канал сообщил, что «Первый канал» прав.';
  assert.deepEqual(mentions(text), { xinhua: ['新华社'], 'channel-one': ['Первый канал', 'Первый канал'] });
  assert.deepEqual(mentions('Первый канальный'), {});
});

test('curly apostrophes, hyphens and newsroom case variants match', () => {
  assert.deepEqual(mentions('People’s Daily and Al-Jazeera, AL JAZEERA, told the New York Times.'), {
    'peoples-daily': ['People’s Daily'],
    'al-jazeera': ['Al-Jazeera', 'AL JAZEERA'],
    nyt: ['the New York Times'],
  });
});

test('a name ending in punctuation needs no word boundary after it', () => {
  assert.deepEqual(mentions('A video by AJ+went viral; AJ+ said so.'), { 'aj-plus': ['AJ+', 'AJ+'] });
});

test('an ambiguous name is linked by context cues, by an unambiguous mention, or not at all', () => {
  assert.deepEqual(mentions('ABC said the minister in Canberra resigned.'), { 'abc-au': ['ABC'] });
  assert.deepEqual(mentions('The American Broadcasting Company, or ABC, said.'), { 'abc-us': ['American Broadcasting Company', 'ABC'] });
  assert.deepEqual(mentions('ABC said it would appeal.'), {});
  // Both candidates have cues: leave it unlinked rather than guess.
  assert.deepEqual(mentions('ABC said, from Washington to Canberra.'), {});
  // A cue inside an outlet name is not a cue: "New York" in "The New York Times".
  assert.deepEqual(mentions('ABC and The New York Times reported from Canberra.'), { 'abc-au': ['ABC'], nyt: ['The New York Times'] });
});

test('naming the channel settles which programme an ambiguous title means', () => {
  assert.deepEqual(mentions('CBS aired it on 60 Minutes.'), { cbs: ['CBS'], '60-us': ['60 Minutes'] });
  assert.deepEqual(mentions('On 60 Minutes, Skabeyeva said.'), { '60-ru': ['60 Minutes'] });
  assert.deepEqual(mentions('On 60 Minutes, the host said.'), {});
});

test('outlets come in order of first mention, with mentions sorted', () => {
  const text = 'Xinhua, then AP, then Xinhua again.';
  const found = find(text);
  assert.deepEqual(found.map((o) => o.id), ['xinhua', 'ap']);
  assert.deepEqual(found[0]!.mentions.map((m) => m.start), [0, 22]);
});

test('rejects a malformed outlet list once, at creation', () => {
  assert.throws(() => createOutletFinder([{ id: 'a', name: 'A', aliases: ['A'] }, { id: 'a', name: 'B', aliases: ['B'] }]), /duplicate id a/);
  assert.throws(() => createOutletFinder([{ id: 'a', name: 'A' } as unknown as OutletSpec]), /aliases/);
});

test('the shipped list links realistic sentences to their entries', () => {
  const text =
    "Moscow (Reuters) - RT's editor told RIA Novosti and TASS on Monday that Sputnik would sue, " +
    'while Channel One and Rossiya 1 aired the claim. BelTA, CGTN, Xinhua, Press TV, IRNA, Tasnim, ' +
    'TRT World, Anadolu Agency, Al Jazeera, teleSUR, Granma and Prensa Latina carried it; the BBC, ' +
    'NPR, NHK, the Associated Press and AFP did not. The Sputnik V vaccine is unrelated.';
  const found = mentions(text, findOutlets);
  for (const id of ['reuters', 'rt', 'ria-novosti', 'tass', 'sputnik', 'channel-one-russia', 'rossiya-1', 'belta', 'cgtn', 'xinhua', 'press-tv', 'irna', 'tasnim', 'trt-world', 'anadolu', 'al-jazeera', 'telesur', 'granma', 'prensa-latina', 'bbc', 'npr', 'nhk', 'ap', 'afp']) {
    assert.ok(found[id], `expected a mention of ${id}; got ${Object.keys(found).join(', ')}`);
  }
  assert.deepEqual(found.sputnik, ['Sputnik']);
  assert.deepEqual(found.ap, ['the Associated Press']);
  const outlets = findOutlets(text);
  assert.equal(outlets.find((o) => o.id === 'rt')!.stateAffiliated, true);
  assert.equal(outlets.find((o) => o.id === 'bbc')!.stateAffiliated, false);
  assert.equal(outlets.find((o) => o.id === 'bbc')!.typology, 'IP');
});

test('the shipped list leaves generic words alone', () => {
  const text = 'The Star of the show, the Sun and the Times, a Mirror, the Nation, Posta and Hayat in the Index; Iran and Today.';
  assert.deepEqual(mentions(text, findOutlets), {});
});

test('is linear enough: a long text is scanned in one pass', () => {
  const text = 'Reuters and the BBC said RT lied. '.repeat(20000);
  const found = findOutlets(text);
  assert.equal(found.find((o) => o.id === 'rt')!.mentions.length, 20000);
  assert.equal(found.find((o) => o.id === 'reuters')!.mentions.length, 20000);
});

test('on arbitrary text every mention is a whole name of its outlet, and spans never overlap', () => {
  const pieces = ['RT', "RT's", 'RT France', ' ', ', ', 'ART', 'Первый канал', '新华社', '据', 'AP', 'AP Physics', 'People’s Daily', 'Al-Jazeera', 'AL JAZEERA', 'ABC', 'Canberra', '😀', 'e\u0301', 'x', '\n', 'the New York Times', 'AJ+'];
  const names = new Map(TINY.map((o) => [o.id, new Set([...o.aliases, ...(o.ambiguousAliases ?? []), ...o.aliases.flatMap(nameVariants)].map(foldString))]));
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 25 }), (parts) => {
      const text = parts.join('');
      const spans = find(text).flatMap((o) => o.mentions.map((m) => ({ ...m, id: o.id })));
      spans.sort((a, b) => a.start - b.start);
      spans.forEach((s, i) => {
        assert.ok(names.get(s.id)!.has(foldString(text.slice(s.start, s.end))), `${s.id}: "${text.slice(s.start, s.end)}"`);
        if (i > 0) assert.ok(spans[i - 1]!.end <= s.start, 'mentions overlap');
      });
    }),
    { numRuns: 300, seed: 7 },
  );
});
