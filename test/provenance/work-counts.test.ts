import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ProvenanceContext } from '../../src/provenance/context.js';
import { attributeDirectQuotes } from '../../src/provenance/direct.js';
import { IndexedList } from '../../src/core/indexed-list.js';
import { EntityRegistry, type Mention } from '../../src/provenance/entities.js';
import type { FoundQuote } from '../../src/provenance/found.js';
import { defaultLexicon } from '../../src/provenance/lexicon.js';
import { findQuotedSegments } from '../../src/provenance/marks.js';
import { CueHosts, findReportedSpeech } from '../../src/provenance/reported.js';
import { buildTextModel } from '../../src/text/model.js';

/**
 * The work reported speech does over the direct quotes, as the number of their properties it
 * reads (each quote wrapped in a counting proxy): a count, not a time.
 */
function directReads(text: string): { reads: number; cues: string[] } {
  const ctx = new ProvenanceContext(text, buildTextModel(text), defaultLexicon(), []);
  const registry = new EntityRegistry(ctx);
  const direct = attributeDirectQuotes(ctx, registry, findQuotedSegments(text), () => false).filter((q) => q.kind === 'direct');
  let reads = 0;
  const handler: ProxyHandler<FoundQuote> = {
    get(target, key, receiver) {
      reads++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  };
  const reported = findReportedSpeech(ctx, registry, direct.map((q) => new Proxy(q, handler)), () => false);
  return { reads, cues: reported.map((q) => (q.cue ? text.slice(q.cue.start, q.cue.end) : '')) };
}

test('"“…,” Lee said, adding that …" over and over: the direct quotes are read a bounded number of times each', () => {
  const shape = (n: number) => '"We won," Lee said, adding that the vote was fair, '.repeat(n);
  const small = directReads(shape(150));
  const large = directReads(shape(600));
  // Every "adding" is a cue whose subject is looked for among the cue clauses before it.
  assert.ok(small.cues.filter((cue) => cue === 'adding').length >= 100);
  // Linear work gives a ratio near 4 for 4 times the input; a walk over every earlier quote per participle, near 16.
  const ratio = large.reads / small.reads;
  assert.ok(ratio < 6, `4x the input read ${ratio.toFixed(1)}x as many direct-quote properties (${small.reads} -> ${large.reads})`);
});

/** What the walk over the direct quotes listed before `at` found: the one whose cue ends last by `at` (the first of equals). */
function walk(direct: readonly FoundQuote[], at: number): FoundQuote | null {
  let host: FoundQuote | null = null;
  for (const d of direct) {
    if (d.start >= at) break;
    if (d.cue && (!host || d.cue.end > host.cue!.end)) host = d.cue.end <= at ? d : host;
  }
  return host;
}

test('CueHosts finds what the walk over the quotes finds, on random quotes and cues asked in text order', () => {
  let seed = 7;
  const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  for (let round = 0; round < 200; round++) {
    const direct: FoundQuote[] = [];
    let start = 0;
    for (let k = 0; k < 12; k++) {
      // Mostly in start order, now and then one out of it; cues before, after or missing, ends often equal.
      start += Math.floor(random() * 20) - (random() < 0.1 ? 25 : 0);
      const end = start + 1 + Math.floor(random() * 10);
      const cueStart = random() < 0.5 ? end + Math.floor(random() * 5) : start - 5;
      const cue = random() < 0.2 ? null : { start: cueStart, end: cueStart + 1 + Math.floor(random() * 3) * 2, text: '' };
      direct.push({ start, end, text: '', kind: 'direct', entity: null, cue, outletId: null, marked: true, explanation: '' });
    }
    const hosts = new CueHosts(direct);
    for (let at = -30; at < 300; at += 1 + Math.floor(random() * 12)) assert.equal(hosts.latestBefore(at), walk(direct, at), `round ${round}, at ${at}`);
    // Asked out of order, it starts over.
    assert.equal(hosts.latestBefore(50), walk(direct, 50));
  }
});

test('EntityRegistry: subjects resolved out of text order go in at their place without moving the mentions after them', () => {
  const work = (n: number) => {
    const text = 'Anna Lee met Boris Petrov. '.repeat(n);
    const registry = new EntityRegistry(new ProvenanceContext(text, buildTextModel(text), defaultLexicon(), []));
    const list = (registry as unknown as { list: IndexedList<Mention> }).list;
    const entity = registry.mentions[0]!.entity;
    const before = list.visited;
    // Pronoun subjects resolved back to front, each in the middle of every name mention: what a
    // second pass over the text does to the mentions the first pass left.
    for (let k = n - 1; k >= 0; k--) registry.addMention(entity, { start: k * 27 + 9, end: k * 27 + 12 });
    const mentions = registry.mentions;
    assert.equal(mentions.length, 3 * n);
    for (let k = 1; k < mentions.length; k++) assert.ok(mentions[k - 1]!.start <= mentions[k]!.start);
    return list.visited - before;
  };
  const small = work(500);
  const large = work(2000);
  assert.ok(large / small < 6, `4x the subjects visited ${(large / small).toFixed(1)}x as many list nodes (${small} -> ${large})`);
});
