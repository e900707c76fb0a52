import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCsv } from '../../scripts/outlets/csv.js';
import { buildOutlets, cleanAsset, csvRowUrl, inferType, type CuratedFile } from '../../scripts/outlets/merge.js';
import { validateOutletEntries } from '../../src/provenance/outlet-entry.js';

// A made-up matrix in the shape of State_Media_Matrix.csv (not rows from it).
const CSV = [
  'Region,Country,Media company,Main assets,URL,Typology,Status,Notes,Instagram Link',
  'Eurasia,Ruritania,Ruritanian State Broadcasting*,Television: Channel Alpha,https://alpha.example/,SC,,,',
  'Eurasia,Ruritania,Ruritanian State Broadcasting*,Channel Alpha,alpha2.example,SC,,Merged from Project,',
  'Eurasia,Ruritania,Ruritanian State Broadcasting*,Channel Alpha (Arabic),https://ar.alpha.example/,SC,,,',
  'Eurasia,Ruritania,Ruritania Press Agency (RPA),News agency: Ruritania Press Agency (RPA),https://rpa.example/,ISFM?,,,',
  '"Eurasia","Ruritania","Daily ""Star"" Publishing",Star,,CaPr,Currently Not Functional,,',
  'Europe,Germany,Public Radio Group,Radio Beta,https://beta.example/,IP,,,',
  'Europe,Turkey,Beta Holding,BTV,https://btv.example/,CaPr,,,',
  'Asia,Bangladesh,Bangladesh Television (BTV),BTV,https://btv.bd.example/,SC,,,',
  'Asia,Bangladesh,Notes,Australian Radio channels,,SC,,,',
].join('\n');

const CURATED: CuratedFile = {
  title: 't',
  description: 'd',
  countries: { Ruritania: 'RR', Turkey: 'TR' },
  countryCues: { TR: ['Turkish'] },
  generic: ['Star'],
  exclude: ['Bangladesh|Australian Radio channels'],
  entries: [
    {
      id: 'alpha',
      name: 'Alpha TV',
      description: 'Ruritanian state channel.',
      source: 'https://en.wikipedia.org/wiki/Alpha',
      csv: ['Ruritania|Channel Alpha'],
      aliases: ['Alpha'],
      owner: 'Government of Ruritania',
    },
    { id: 'wire', name: 'World Wire', description: 'A private wire.', source: 'https://en.wikipedia.org/wiki/Wire', country: 'GB', type: 'agency', owner: 'Wire plc', stateAffiliated: false },
  ],
};

test('parses quoted CSV cells with commas, doubled quotes and their line numbers', () => {
  const rows = parseCsv('a,b\n"x, y","say ""hi"""\r\n\n"multi\nline",z\n');
  assert.deepEqual(rows, [
    { line: 1, cells: ['a', 'b'] },
    { line: 2, cells: ['x, y', 'say "hi"'] },
    { line: 4, cells: ['multi\nline', 'z'] },
  ]);
});

test('cleans asset cells: type prefixes, acronyms, language editions, split cells', () => {
  assert.deepEqual(cleanAsset('News agency: Ruritania Press Agency (RPA)'), { name: 'Ruritania Press Agency', aliases: ['RPA'], edition: null, prefixType: 'agency' });
  assert.deepEqual(cleanAsset("People's Daily (French)"), { name: "People's Daily", aliases: ["People's Daily (French)"], edition: "People's Daily (French)", prefixType: null });
  assert.equal(cleanAsset('Xinhua Spanish').name, 'Xinhua');
  assert.equal(cleanAsset('Yicai Media Group (Television: Yicai TV').name, 'Yicai TV');
  assert.deepEqual(cleanAsset('SABA (Control of the Houthi Supreme Political Council)').aliases, []);
  assert.equal(inferType('Radio Beta', ''), 'radio');
  assert.equal(inferType('Lenta.ru', ''), 'website');
  assert.equal(inferType('Kuensel', 'Kuensel Corporation'), null);
});

test('builds entries that cite their CSV rows, fold duplicates and apply the curated file', () => {
  const { entries, stats } = buildOutlets(parseCsv(CSV), CURATED);
  validateOutletEntries({ title: 't', description: 'd', entries }, 'built');
  const byId = new Map(entries.map((e) => [e.id, e]));

  const alpha = byId.get('alpha')!;
  assert.deepEqual(alpha.csvLines, [2, 3, 4]);
  assert.equal(alpha.country, 'RR');
  assert.equal(alpha.typology, 'SC');
  assert.equal(alpha.stateAffiliated, true);
  assert.equal(alpha.type, 'tv');
  assert.equal(alpha.owner, 'Government of Ruritania');
  assert.equal(alpha.sources.owner, 'https://en.wikipedia.org/wiki/Alpha');
  assert.equal(alpha.sources.typology, csvRowUrl(2));
  assert.deepEqual(alpha.urls, ['https://alpha.example/', 'https://alpha2.example', 'https://ar.alpha.example/']);
  assert.ok(alpha.aliases.includes('Channel Alpha') && alpha.aliases.includes('Alpha'));

  const rpa = byId.get('ruritania-press-agency')!;
  assert.equal(rpa.typology, 'ISFM');
  assert.equal(rpa.stateAffiliated, false, 'independent types are not state-affiliated');
  assert.match(rpa.typologyNote!, /ISFM\?/);
  assert.equal(rpa.type, 'agency');

  const star = byId.get('star')!;
  assert.deepEqual(star.aliases, [], 'a generic name is never linked alone');
  assert.equal(star.owner, 'Daily "Star" Publishing');
  assert.match(star.status!, /Currently Not Functional/);

  assert.equal(byId.get('radio-beta')!.stateAffiliated, false);
  assert.equal(byId.get('wire')!.sources.stateAffiliated, 'https://en.wikipedia.org/wiki/Wire');

  // Two outlets named BTV: the name becomes ambiguous on both, with cues from the curated countries.
  const btvTr = entries.find((e) => e.country === 'TR')!;
  const btvBd = entries.find((e) => e.country === 'BD')!;
  assert.notEqual(btvTr.id, btvBd.id);
  assert.deepEqual(btvTr.ambiguousAliases, ['BTV']);
  assert.deepEqual(btvBd.ambiguousAliases, ['BTV']);
  assert.ok(btvTr.contextCues!.includes('Turkish'));
  assert.ok(btvBd.contextCues!.includes('Bangladesh'));

  assert.equal(entries.some((e) => e.name === 'Australian Radio channels'), false);
  assert.equal(stats.curatedOnly, 1);
});

test('fails loudly on a curated entry that names a missing CSV group or a country without a code', () => {
  const rows = parseCsv(CSV);
  assert.throws(() => buildOutlets(rows, { ...CURATED, entries: [{ ...CURATED.entries[0]!, csv: ['Ruritania|Channel Gamma'] }] }), /no CSV group "Ruritania\|Channel Gamma"/);
  assert.throws(() => buildOutlets(rows, { ...CURATED, countries: {} }), /country "Ruritania" has no ISO code/);
  assert.throws(() => buildOutlets(parseCsv('a,b\n1,2'), CURATED), /not the State Media Matrix CSV/);
});
