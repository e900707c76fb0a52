import assert from 'node:assert/strict';
import type { Store } from '../../src/storage/store.js';
import { sampleAnalysis } from './sample.js';

const doc = (id: string, hash = `h-${id}`) => ({ id, source: id, contentHash: hash, bytes: 100 });

const A = sampleAnalysis('a.txt', 'Ivan Petrov of the ministry said "those vermin must be expelled" on state television RT today.', {
  quote: { text: '"those vermin must be expelled"', speaker: 'Ivan Petrov', outlet: { id: 'rt', name: 'RT', state: true } },
  findings: [
    { kind: 'hate', label: 'hate', text: 'vermin', voice: 'quoted', targets: ['Refugee'] },
    { kind: 'propaganda', label: 'Loaded_Language', text: 'expelled', voice: 'quoted' },
  ],
});
const B = sampleAnalysis('b.txt', 'Our columnist writes that these people are parasites and traitors, a national disgrace.', {
  findings: [
    { kind: 'hate', label: 'hate', text: 'parasites', voice: 'author', targets: ['Refugee', 'Arab'] },
    { kind: 'hate', label: 'offensive', text: 'traitors', voice: 'author' },
    { kind: 'propaganda', label: 'Name_Calling,Labeling', text: 'national disgrace', voice: 'author' },
  ],
});
const C = sampleAnalysis('c.txt', 'Rainfall in the valley was above average this spring, officials reported.');

/** The behaviour both engines must share; each engine's test runs it against a fresh store. */
export async function storeContract(store: Store): Promise<void> {
  await store.migrate();
  await store.migrate(); // idempotent
  await store.saveAnalysis(doc('a.txt'), A, 5);
  await store.saveAnalysis(doc('b.txt'), B, 5);
  await store.saveAnalysis(doc('c.txt'), C, 5);
  await store.saveError(doc('bad.bin', ''), { code: 'UNSPIN_E_INPUT_BINARY', message: 'bad.bin: looks binary' });

  // Saving again replaces, never duplicates.
  await store.saveAnalysis(doc('b.txt', 'h-b2'), B, 6);
  let stats = await store.stats();
  assert.deepEqual({ documents: stats.documents, analyses: stats.analyses, errors: stats.errors, findings: stats.findings }, { documents: 4, analyses: 3, errors: 1, findings: 5 });

  const states = await store.states(['a.txt', 'b.txt', 'bad.bin', 'nope']);
  assert.deepEqual(states.get('b.txt'), { status: 'analysed', contentHash: 'h-b2' });
  assert.equal(states.get('bad.bin')?.status, 'failed');
  assert.equal(states.has('nope'), false);

  const ids = (rows: { docId: string; findingId: string }[]) => rows.map((r) => `${r.docId}#${r.findingId}`);
  assert.deepEqual(ids(await store.queryFindings({ kind: 'hate' })), ['a.txt#f1', 'b.txt#f1', 'b.txt#f2']);
  assert.deepEqual(ids(await store.queryFindings({ kind: 'hate', voice: 'author', label: 'HATE' })), ['b.txt#f1']);
  assert.deepEqual(ids(await store.queryFindings({ target: 'arab' })), ['b.txt#f1']);
  assert.deepEqual(ids(await store.queryFindings({ speaker: 'petrov' })), ['a.txt#f1', 'a.txt#f2']);
  assert.deepEqual(ids(await store.queryFindings({ outlet: 'RT', kind: 'propaganda' })), ['a.txt#f2']);
  assert.deepEqual(ids(await store.queryFindings({ stateAffiliated: true })), ['a.txt#f1', 'a.txt#f2']);
  assert.deepEqual(ids(await store.queryFindings({ stateAffiliated: false })), ['b.txt#f1', 'b.txt#f2', 'b.txt#f3']);
  // Free text over the document text (stemmed: "columnists" finds "columnist") and over findings' labels.
  assert.deepEqual(ids(await store.queryFindings({ text: 'columnists' })), ['b.txt#f1', 'b.txt#f2', 'b.txt#f3']);
  assert.deepEqual(ids(await store.queryFindings({ text: 'loaded language' })), ['a.txt#f1', 'a.txt#f2']);
  // Search syntax in user text is just words.
  assert.deepEqual(ids(await store.queryFindings({ text: '"vermin" (' })), ['a.txt#f1', 'a.txt#f2']);
  assert.deepEqual(await store.queryFindings({ text: '*** ' }), []);
  assert.equal((await store.queryFindings({ limit: 2 })).length, 2);

  const [row] = await store.queryFindings({ target: 'refugee', voice: 'quoted' });
  assert.deepEqual(row, {
    docId: 'a.txt', findingId: 'f1', kind: 'hate', label: 'hate', voice: 'quoted', score: 0.9, start: A.text.indexOf('vermin'), end: A.text.indexOf('vermin') + 6,
    text: 'vermin', targets: ['Refugee'], speaker: 'Ivan Petrov', outletId: 'rt', outletName: 'RT', stateAffiliated: true, ruleId: 'test.hate', model: null, explanation: 'test rule hate',
  });

  stats = await store.stats({ top: 5 });
  assert.deepEqual(stats.techniques, [{ key: 'Loaded_Language', count: 1 }, { key: 'Name_Calling,Labeling', count: 1 }]);
  assert.deepEqual(stats.targets, [{ key: 'Refugee', count: 2 }, { key: 'Arab', count: 1 }]);
  assert.deepEqual(stats.voices, [{ key: 'author', count: 3 }, { key: 'quoted', count: 2 }]);
  assert.deepEqual(stats.topAuthorHate, [{ key: 'b.txt', count: 2 }]);
  assert.deepEqual(stats.outlets, [{ outletId: 'rt', name: 'RT', stateAffiliated: true, documents: 1, findings: 2 }]);
  assert.deepEqual(stats.errorsByCode, [{ key: 'UNSPIN_E_INPUT_BINARY', count: 1 }]);

  // A document that fails after being analysed loses its stale analysis.
  await store.saveError(doc('a.txt', 'h-a2'), { code: 'UNSPIN_E_INPUT_EMPTY', message: 'a.txt: empty' });
  stats = await store.stats();
  assert.deepEqual({ documents: stats.documents, analyses: stats.analyses, errors: stats.errors, findings: stats.findings }, { documents: 4, analyses: 2, errors: 2, findings: 3 });
  assert.deepEqual(await store.queryFindings({ text: 'vermin' }), []);
}
