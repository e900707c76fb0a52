import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Outlet } from '../../src/core/types.js';
import { seededRandom } from '../../src/core/random.js';
import { ProvenanceContext } from '../../src/provenance/context.js';
import { defaultLexicon } from '../../src/provenance/lexicon.js';
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
