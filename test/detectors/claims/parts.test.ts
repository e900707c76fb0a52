import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AnalyzedDocument } from '../../../src/core/document.js';
import type { ClaimPart, Meta, Speaker, Outlet } from '../../../src/core/types.js';
import { createPartExtractor } from '../../../src/detectors/claims/parts/index.js';
import { defaultPartLexicons } from '../../../src/detectors/claims/parts/lexicons.js';
import { compileNameMatcher, precededByTitle } from '../../../src/detectors/claims/parts/names.js';
import { buildTextModel } from '../../../src/text/model.js';

const extract = createPartExtractor();

function doc(text: string, extra: { publishedAt?: string | null; speakers?: Speaker[]; outlets?: Outlet[] } = {}): AnalyzedDocument {
  const meta: Meta = { source: null, title: null, byline: null, publishedAt: extra.publishedAt ?? null, url: null, language: 'en', format: 'text' };
  return { text, meta, ...buildTextModel(text), voices: [], quotes: [], speakers: extra.speakers ?? [], outlets: extra.outlets ?? [] };
}

function partsOf(text: string, extra?: Parameters<typeof doc>[1]): ClaimPart[] {
  const d = doc(text, extra);
  const parts = extract(d, { start: 0, end: text.length });
  for (const p of parts) assert.equal(text.slice(p.start, p.end), p.text, `span of ${p.type} "${p.text}"`);
  return parts;
}

const pick = (parts: ClaimPart[], type: ClaimPart['type']) => parts.filter((p) => p.type === type).map((p) => ({ text: p.text, value: p.value ?? null, ...(p.type === 'number' ? { unit: p.unit ?? null } : {}) }));

describe('claim parts: dates', () => {
  it('normalises absolute dates to ISO 8601 and reports only the date words', () => {
    const text = 'In 2019 the army left; on 3 March 2021 it came back, and by March 2022, or July 4, 2023, it had gone.';
    assert.deepEqual(pick(partsOf(text), 'date'), [
      { text: '2019', value: '2019' },
      { text: '3 March 2021', value: '2021-03-03' },
      { text: 'March 2022', value: '2022-03' },
      { text: 'July 4, 2023', value: '2023-07-04' },
    ]);
  });

  it('resolves relative dates against publishedAt (a Wednesday)', () => {
    const text = 'Police said last Sunday, yesterday and two days ago that arrests rose last week and last year.';
    assert.deepEqual(pick(partsOf(text, { publishedAt: '2021-03-10T08:00:00Z' }), 'date'), [
      { text: 'last Sunday', value: '2021-03-07' },
      { text: 'yesterday', value: '2021-03-09' },
      { text: 'two days ago', value: '2021-03-08' },
      { text: 'last week', value: '2021-W09' },
      { text: 'last year', value: '2020' },
    ]);
  });

  it('leaves relative dates null without a publication date, and rejects impossible dates', () => {
    const parts = pick(partsOf('Officials met last Sunday and again on 2021-02-30.'), 'date');
    assert.deepEqual(parts, [
      { text: 'last Sunday', value: null },
      { text: '2021-02-30', value: null },
    ]);
  });

  it('takes a bare year the text model tags as a date ("a 2015 letter")', () => {
    assert.deepEqual(pick(partsOf('Lawyers cited a 2015 letter from the agency.'), 'date'), [{ text: '2015', value: '2015' }]);
  });

  it('does not read the modal verb "may" as a month', () => {
    assert.deepEqual(pick(partsOf('Prices may 5 times higher be.'), 'date'), []);
  });
});

describe('claim parts: numbers', () => {
  it('applies multipliers and normalises currencies and units', () => {
    const text = 'They lost $3bn, 4.5 million people left, 12% of voters and seventy percent of 2,500 km were hit, costing €2.5m.';
    assert.deepEqual(pick(partsOf(text), 'number'), [
      { text: '$3bn', value: 3e9, unit: 'USD' },
      { text: '4.5 million people', value: 4.5e6, unit: 'people' },
      { text: '12%', value: 12, unit: 'percent' },
      { text: 'seventy percent', value: 70, unit: 'percent' },
      { text: '2,500 km', value: 2500, unit: 'km' },
      { text: '€2.5m', value: 2.5e6, unit: 'EUR' },
    ]);
  });

  it('skips bare word numbers, ordinals and numbers inside names', () => {
    assert.deepEqual(pick(partsOf('One of them came 3rd after COVID-19 and the G20 met.'), 'number'), []);
  });

  it('does not count the digits of a date as numbers', () => {
    const parts = partsOf('On 3 March 2021 they paid 40 dollars.');
    assert.deepEqual(pick(parts, 'number'), [{ text: '40 dollars', value: 40, unit: 'USD' }]);
  });
});

describe('claim parts: people, organisations, places', () => {
  it('finds titled people without the title, organisations and places', () => {
    const text = 'President Joe Biden told the Ministry of Defence and NATO that troops reached Kharkiv in Ukraine.';
    const parts = partsOf(text);
    assert.deepEqual(pick(parts, 'person'), [{ text: 'Joe Biden', value: null }]);
    assert.deepEqual(pick(parts, 'organisation'), [
      { text: 'Ministry of Defence', value: null },
      { text: 'NATO', value: null },
    ]);
    assert.deepEqual(pick(parts, 'place'), [
      { text: 'Kharkiv', value: null },
      { text: 'Ukraine', value: null },
    ]);
  });

  it('reuses the spine speakers and outlets with their ids, and skips pronoun mentions', () => {
    const text = 'Maria Lopez told Global Wire she saw it.';
    const speakers: Speaker[] = [{ id: 's1', name: 'Maria Lopez', mentions: [{ start: 0, end: 11 }, { start: 29, end: 32 }] }];
    const outlets: Outlet[] = [{ id: 'global-wire', name: 'Global Wire', country: null, stateAffiliated: null, typology: null, owner: null, mentions: [{ start: 17, end: 28 }] }];
    const parts = partsOf(text, { speakers, outlets });
    assert.deepEqual(pick(parts, 'person'), [{ text: 'Maria Lopez', value: 's1' }]);
    assert.deepEqual(pick(parts, 'outlet'), [{ text: 'Global Wire', value: 'global-wire' }]);
  });

  it('cuts every title out of a person, and keeps groups and nationalities out of people', () => {
    const text = 'Chief U.S. District Judge Patti Saris and South Korean President Moon Jae-in met Indonesian Christians and the North Korean envoy.';
    const parts = partsOf(text);
    const people = pick(parts, 'person').map((p) => p.text);
    assert.equal(people[0], 'Patti Saris');
    assert.ok(people.includes('Jae-in'), 'a hyphen inside a name keeps it going');
    assert.ok(people.every((p) => !/Korean|Christians|Judge|President/.test(p)), JSON.stringify(people));
    assert.deepEqual(pick(parts, 'place'), [{ text: 'U.S.', value: null }]);
  });

  it('takes the lower-case government as an organisation', () => {
    assert.deepEqual(pick(partsOf('In 2019 the government called in foreign troops.'), 'organisation'), [{ text: 'government', value: null }]);
  });

  it('does not type events and periods as people ("Cold War")', () => {
    const parts = partsOf('Russia spent thirty years pretending that it won the Cold War, said Vladimir Putin.');
    assert.deepEqual(pick(parts, 'person'), [{ text: 'Vladimir Putin', value: null }]);
    assert.ok(!parts.some((p) => p.text === 'Cold War'));
  });

  it('types mentions of a speaker that is an outlet as that outlet ("The agency")', () => {
    const text = 'TASS said the roads would cost 1.5 trillion roubles. The agency reported 16,000 sanctions.';
    const outlet: Outlet = { id: 'tass', name: 'TASS', country: 'RU', stateAffiliated: true, typology: 'SC', owner: null, mentions: [{ start: 0, end: 4 }] };
    const agency = text.indexOf('The agency');
    const speaker: Speaker = { id: 's1', name: 'TASS', mentions: [{ start: 0, end: 4 }, { start: agency, end: agency + 10 }] };
    const parts = partsOf(text, { speakers: [speaker], outlets: [outlet] });
    assert.deepEqual(pick(parts, 'person'), []);
    assert.deepEqual(pick(parts, 'outlet'), [{ text: 'TASS', value: 'tass' }, { text: 'The agency', value: 'tass' }]);
  });
});

describe('claim parts: the title before a name', () => {
  it('reads the one or two words before a name as the regex does, in ASCII text and out of it', () => {
    const matcher = compileNameMatcher(defaultPartLexicons());
    // The regex the walk replaces, as it was.
    const byRegex = (text: string, span: { start: number; end: number }, start: number) => {
      const before = text.slice(Math.max(span.start, start - 40), start);
      const m = /([\p{L}.-]+(?:\s+[\p{L}.-]+)?)\s+$/u.exec(before);
      return m !== null && m[1]!.split(/\s+/).some((w) => matcher.titleWords.has(w));
    };
    const heads = ['President', 'said President', 'President said', 'Chief  Judge', 'the Judge,', '(President)', 'U.S. President', 'President\t', 'Président', 'Zoë, President', 'President Zoë', 'x-President', 'a', '', 'President,  then'];
    let titled = 0;
    for (const head of heads) {
      for (const gap of [' ', '  ', '\n', '']) {
        const text = `${head}${gap}Okafor spoke.`;
        const start = text.indexOf('Okafor');
        for (const span of [{ start: 0, end: text.length }, { start: Math.max(0, start - 7), end: text.length }]) {
          const expected = byRegex(text, span, start);
          if (expected) titled++;
          assert.equal(precededByTitle(text, span, start, matcher), expected, JSON.stringify([text, span]));
        }
      }
    }
    assert.ok(titled >= 6, `${titled} titled`);
  });
});
