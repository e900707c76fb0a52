import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Outlet } from '../../src/core/types.js';
import { seededRandom } from '../../src/core/random.js';
import { ProvenanceContext } from '../../src/provenance/context.js';
import type { OutletType } from '../../src/provenance/outlet-entry.js';
import { provenanceOf, quoteWith } from './helpers.js';
import { buildLexicon, defaultLexicon, loadDefaultRuleFiles } from '../../src/provenance/lexicon.js';
import { buildTextModel } from '../../src/text/model.js';

/** The definition: the mention with the latest start that ends by `offset`; the first outlet in the list on a tie. */
function lastOutletByWalk(outlets: readonly Outlet[], offset: number): Outlet | null {
  let best: Outlet | null = null;
  let bestAt = -1;
  for (const o of outlets) for (const m of o.mentions) if (m.end <= offset && m.start > bestAt) {
    best = o;
    bestAt = m.start;
  }
  return best;
}

function outlet(id: string, mentions: { start: number; end: number }[]): Outlet {
  return { id, name: id, country: null, stateAffiliated: null, typology: null, owner: null, mentions };
}

test('"the agency said" refers back to the outlet named last before it, found by index as the walk over every mention finds it', () => {
  const text = 'x'.repeat(400);
  const model = buildTextModel(text);
  const random = seededRandom(11);
  for (let round = 0; round < 40; round++) {
    // Overlapping, nested, repeated and zero-gap mentions, in several outlets.
    const outlets = ['a', 'b', 'c', 'd'].map((id) => {
      const mentions = Array.from({ length: Math.floor(random() * 12) }, () => {
        const start = Math.floor(random() * 380);
        return { start, end: start + 1 + Math.floor(random() * (random() < 0.2 ? 60 : 8)) };
      }).sort((x, y) => x.start - y.start);
      return outlet(id, mentions);
    });
    const ctx = new ProvenanceContext(text, model, defaultLexicon(), outlets);
    for (let offset = 0; offset <= 400; offset += 3) assert.equal(ctx.lastOutletBefore(offset)?.id ?? null, lastOutletByWalk(outlets, offset)?.id ?? null, `round ${round}, offset ${offset}`);
  }
});

test('two outlets named at the same place: the first in the list is the one referred back to', () => {
  const text = 'TASS and RIA reported it. The agency said more.';
  const outlets = [outlet('ria', [{ start: 0, end: 4 }]), outlet('tass', [{ start: 0, end: 4 }])];
  const ctx = new ProvenanceContext(text, buildTextModel(text), defaultLexicon(), outlets);
  assert.equal(ctx.lastOutletBefore(30)?.id, 'ria');
  assert.equal(ctx.lastOutletBefore(3), null);
});

test('"the agency" prefers the last news agency, "the channel" the last broadcaster, within a few mentions', () => {
  const text = 'Xinhua said CGTN had aired it. The agency said more. The channel said more.';
  const outlets = [outlet('xinhua', [{ start: 0, end: 6 }]), outlet('cgtn', [{ start: 12, end: 16 }])];
  const types: Record<string, OutletType> = { xinhua: 'agency', cgtn: 'tv' };
  const ctx = new ProvenanceContext(text, buildTextModel(text), defaultLexicon(), outlets, (id) => types[id] ?? null);
  assert.equal(ctx.lastOutletBefore(32, ['agency'])?.id, 'xinhua');
  assert.equal(ctx.lastOutletBefore(32, ['tv', 'broadcaster'])?.id, 'cgtn');
  // No outlet of the kind: the last outlet of any kind, as before.
  assert.equal(ctx.lastOutletBefore(32, ['magazine'])?.id, 'cgtn');
  assert.equal(ctx.lastOutletBefore(32)?.id, 'cgtn');
  // An outlet of no recorded kind may be the agency.
  const untyped = new ProvenanceContext(text, buildTextModel(text), defaultLexicon(), outlets, () => null);
  assert.equal(untyped.lastOutletBefore(32, ['agency'])?.id, 'cgtn');
});

test('the shipped outlet list gives the kinds: a state news agency and a state broadcaster in one report', () => {
  const text = 'Xinhua reported on Thursday that the president told the state broadcaster CGTN in an interview that the economy grew. According to the agency, the president also claimed that 40 million jobs had been created.';
  const a = provenanceOf(text);
  const jobs = quoteWith(a, '40 million jobs');
  assert.equal(jobs?.outletId, 'xinhua', JSON.stringify(a.quotes.map((q) => [q.text, q.outletId])));
});

test('an outlet noun\'s kinds are checked: an unknown kind or kinds on an organisation noun are refused, naming the entry', () => {
  const files = loadDefaultRuleFiles();
  const withEntry = (entry: Record<string, unknown>) => buildLexicon({ ...files, organisations: { ...files.organisations, entries: [{ id: 'org-x', description: 'x', source: 'x', words: ['wire'], ...entry }] } });
  assert.throws(() => withEntry({ kind: 'outlet', outletTypes: ['blog'] }), /org-x: "outletTypes" needs kind outlet/);
  assert.throws(() => withEntry({ kind: 'organisation', outletTypes: ['agency'] }), /org-x: "outletTypes" needs kind outlet/);
  assert.deepEqual(withEntry({ kind: 'outlet', outletTypes: ['agency'] }).outletWords.get('wire'), ['agency']);
  assert.deepEqual(defaultLexicon().outletWords.get('agency'), ['agency']);
});
