import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parse } from 'yaml';
import { dataPath, packageRoot } from '../../src/core/paths.js';
import { loadRuleFile } from '../../src/core/rules.js';
import { foldString } from '../../src/provenance/outlet-fold.js';
import { OUTLET_TYPES, SOURCED_FACTS, STATE_AFFILIATED_TYPOLOGY, TYPOLOGIES, validateOutletEntries, type OutletEntry } from '../../src/provenance/outlet-entry.js';
import { findOutlets, loadOutletEntries } from '../../src/provenance/outlets.js';
import { renderOutletDocs } from '../../scripts/outlets/docs.js';
import type { CuratedFile } from '../../scripts/outlets/merge.js';

const file = loadOutletEntries();
const entries = file.entries;
const byId = new Map(entries.map((e) => [e.id, e]));

test('the outlet list loads, and holds several hundred outlets in many countries', () => {
  assert.ok(entries.length >= 500, `${entries.length} entries`);
  assert.ok(new Set(entries.map((e) => e.country)).size >= 150);
});

test('the list is also a valid rule file for the YAML loader (JSON is YAML)', () => {
  const viaYaml = loadRuleFile(dataPath('outlets', 'outlets.json'), ['name', 'sources']);
  assert.equal(viaYaml.entries.length, entries.length);
  assert.deepEqual(viaYaml.entries[0], entries[0]);
});

test('ids are unique slugs and every fact has a public source', () => {
  const ids = new Set<string>();
  for (const e of entries) {
    assert.match(e.id, /^[a-z0-9][a-z0-9._-]*$/);
    assert.ok(!ids.has(e.id), `duplicate id ${e.id}`);
    ids.add(e.id);
    assert.match(e.source, /^https:\/\//, `${e.id}: source`);
    for (const fact of SOURCED_FACTS) {
      if (e[fact] === null) continue;
      assert.match(e.sources[fact] ?? '', /^https:\/\/\S+$/, `${e.id}: source for ${fact}`);
    }
  }
});

test('fields are well-formed and the affiliation follows the typology', () => {
  for (const e of entries) {
    assert.ok(e.name.trim() === e.name && e.name.length > 0, `${e.id}: name`);
    assert.ok(e.country === null || /^[A-Z]{2}$/.test(e.country), `${e.id}: country ${e.country}`);
    assert.ok(e.type === null || OUTLET_TYPES.includes(e.type), `${e.id}: type ${e.type}`);
    assert.ok(e.typology === null || TYPOLOGIES.includes(e.typology), `${e.id}: typology ${e.typology}`);
    if (e.typology) assert.equal(e.stateAffiliated, STATE_AFFILIATED_TYPOLOGY[e.typology], `${e.id}: stateAffiliated vs ${e.typology}`);
    if (e.csvLines) assert.match(e.sources.typology ?? '', /ASD-at-GMF\/state-media-profiles\/blob\/[0-9a-f]{40}\/State_Media_Matrix\.csv\?plain=1#L\d+$/, `${e.id}: typology cites its CSV row`);
    if (e.parent) assert.ok(byId.has(e.parent), `${e.id}: parent ${e.parent}`);
    if (e.ambiguousAliases) assert.ok(e.contextCues && e.contextCues.length > 0, `${e.id}: ambiguous names need context cues`);
  }
});

test('the validator rejects a missing source, a bad country and a contradicting affiliation', () => {
  const good = structuredClone(byId.get('tass')!);
  const check = (change: (e: OutletEntry) => void) => {
    const e = structuredClone(good);
    change(e);
    return () => validateOutletEntries({ title: 't', description: 'd', entries: [e] }, 'test.json');
  };
  assert.doesNotThrow(check(() => {}));
  assert.throws(check((e) => delete e.sources.owner), /missing public source URL for owner/);
  assert.throws(check((e) => (e.country = 'Russia')), /country must be an ISO/);
  assert.throws(check((e) => (e.stateAffiliated = false)), /contradicts typology SC/);
  assert.throws(check((e) => ((e as { type: string }).type = 'blog')), /type must be one of/);
  assert.throws(check((e) => (e.aliases = ['TASS', ' TASS'])), /trimmed/);
});

test('no name links to two outlets unless both declare it ambiguous', () => {
  const owners = new Map<string, { plain: string[]; ambiguous: string[] }>();
  for (const e of entries) {
    for (const a of e.aliases) {
      const k = foldString(a);
      const o = owners.get(k) ?? { plain: [], ambiguous: [] };
      o.plain.push(e.id);
      owners.set(k, o);
    }
    for (const a of e.ambiguousAliases ?? []) {
      const k = foldString(a);
      const o = owners.get(k) ?? { plain: [], ambiguous: [] };
      o.ambiguous.push(e.id);
      owners.set(k, o);
    }
  }
  for (const [name, o] of owners) {
    assert.ok(o.plain.length <= 1, `"${name}" links to ${o.plain.join(', ')}`);
    assert.ok(o.plain.length === 0 || o.ambiguous.length === 0, `"${name}" is plain for ${o.plain} but ambiguous for ${o.ambiguous}`);
    assert.ok(o.ambiguous.length !== 1, `"${name}" is ambiguous for ${o.ambiguous[0]} alone`);
  }
});

test('every plain name, found in a sentence, links back to its own entry', () => {
  const failures: string[] = [];
  for (const e of entries) {
    for (const alias of e.aliases) {
      const text = `Yesterday ${alias} reported it.`;
      const hit = findOutlets(text).find((o) => o.mentions.some((m) => m.start === 10 && m.end === 10 + alias.length));
      if (hit?.id !== e.id) failures.push(`${alias} -> ${hit?.id ?? 'nothing'} (expected ${e.id})`);
    }
  }
  assert.deepEqual(failures, []);
});

test('covers the state media of Russia, Belarus, China, Iran, Türkiye, Qatar, Venezuela and Cuba', () => {
  const required: Record<string, string[]> = {
    RU: ['rt', 'sputnik', 'ria-novosti', 'tass', 'channel-one-russia', 'rossiya-1', 'rossiya-24', 'vesti'],
    BY: ['belta', 'belarus-1'],
    CN: ['xinhua', 'peoples-daily', 'global-times', 'cctv', 'cgtn', 'china-daily'],
    IR: ['press-tv', 'irna', 'irib', 'tasnim', 'fars', 'mehr'],
    TR: ['trt', 'trt-world', 'anadolu'],
    QA: ['al-jazeera', 'qna'],
    VE: ['telesur', 'vtv-venezuela'],
    CU: ['granma', 'prensa-latina', 'cubadebate', 'acn-cuba'],
  };
  for (const [country, ids] of Object.entries(required)) {
    for (const id of ids) {
      const e = byId.get(id);
      assert.ok(e, `missing ${id}`);
      assert.equal(e.stateAffiliated, true, `${id} should be state-affiliated`);
      // teleSUR is headquartered in Caracas; every other one in its own country.
      assert.equal(e.country, country, `${id} country`);
    }
    assert.ok(entries.filter((e) => e.country === country && e.stateAffiliated).length >= ids.length);
  }
});

test('covers public broadcasters of the US, UK, Japan, Australia and EU states, and the big wires', () => {
  const publicBroadcasters: Record<string, string[]> = {
    US: ['voice-of-america', 'npr', 'pbs', 'rferl'],
    GB: ['bbc', 'channel-4'],
    JP: ['nhk'],
    AU: ['abc-australia', 'sbs'],
    DE: ['ard', 'zdf', 'deutsche-welle'],
    FR: ['france-24', 'france-televisions', 'rfi'],
    IT: ['rai'],
    ES: ['rtve'],
    AT: ['orf'],
    FI: ['yle'],
    DK: ['dr-denmark'],
    SE: ['svt'],
    NL: ['npo'],
    IE: ['rte'],
    PL: ['tvp'],
    CZ: ['czech-television'],
    GR: ['ert'],
    PT: ['rtp'],
  };
  for (const [country, ids] of Object.entries(publicBroadcasters)) {
    for (const id of ids) {
      assert.equal(byId.get(id)?.country, country, `${id}`);
      assert.ok(byId.get(id)!.typology, `${id} carries its typology`);
    }
  }
  for (const id of ['reuters', 'ap', 'afp', 'bloomberg', 'dpa', 'efe', 'ansa', 'kyodo', 'interfax', 'yonhap']) {
    assert.equal(byId.get(id)?.type, 'agency', `${id} is a wire`);
  }
  for (const id of ['new-york-times', 'washington-post', 'guardian', 'le-monde', 'der-spiegel', 'financial-times', 'wall-street-journal']) assert.ok(byId.has(id), id);
});

test('the generated list is in step with the curated file', () => {
  const curated = parse(readFileSync(dataPath('outlets', 'curated.yml'), 'utf8')) as CuratedFile;
  for (const c of curated.entries) {
    const e = byId.get(c.id);
    assert.ok(e, `${c.id} is curated but not in outlets.json: run npm run build:outlets`);
    assert.equal(e.name, c.name);
    assert.equal(e.description, c.description);
    // Variants that fold to the same key ("RIA-Novosti", "RIA Novosti") are stored once.
    const names = new Set([...e.aliases, ...(e.ambiguousAliases ?? [])].map(foldString));
    for (const a of c.aliases ?? []) assert.ok(names.has(foldString(a)), `${c.id}: alias ${a}: run npm run build:outlets`);
  }
});

test('docs/outlets.md is generated from the list', () => {
  const docs = readFileSync(`${packageRoot()}/docs/outlets.md`, 'utf8');
  assert.equal(docs, renderOutletDocs(file), 'docs/outlets.md is stale: run npm run docs:outlets');
});
