import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RunFlags, runsOf } from '../../../src/detectors/claims/runs.js';
import { compileNameMatcher, findNames } from '../../../src/detectors/claims/parts/names.js';
import { analyze } from '../../../src/pipeline/analyze.js';
import type { AnalyzedDocument } from '../../../src/core/document.js';

describe('runs of letters and digits', () => {
  it('ORs the flags of the runs a text holds, whole runs only, case and script as written', () => {
    const runs = new RunFlags();
    runs.add('St', 1);
    runs.add('Zürich', 2);
    runs.add('𝐀b', 4);
    runs.add('St', 8);
    assert.equal(runs.flagsIn('St. Petersburg'), 9);
    assert.equal(runs.flagsIn('Stadt, st, Zürichsee'), 0, 'a run is taken whole and as written');
    assert.equal(runs.flagsIn('to Zürich and 𝐀b'), 6);
    assert.equal(runs.flagsIn(''), 0);
    assert.deepEqual(runsOf('St. Petersburg'), ['St', 'Petersburg']);
  });

  it('grows past its first table', () => {
    const runs = new RunFlags();
    for (let i = 0; i < 100; i++) runs.add(`w${i}`, 1 << (i % 30));
    for (let i = 0; i < 100; i++) assert.equal(runs.flagsIn(`x w${i} y`), 1 << (i % 30));
  });
});

describe('gazetteer names', () => {
  it('finds a name wherever its first word is a run, and skips the regex on a sentence with none', () => {
    const matcher = compileNameMatcher({
      places: [{ id: 'p', description: '', source: '', names: ['St. Petersburg', 'New York'] }],
      organisations: [{ id: 'o', description: '', source: '', names: ['Bank of England', '.gov office'] }],
      titles: [],
    });
    const text = 'The Bank of England met in St. Petersburg and New  York; the .gov office said nothing. Nothing here.';
    let doc: AnalyzedDocument | undefined;
    analyze(text, { detectors: [{ name: 'keep', kind: 'claim', labels: [], detect: (d) => ((doc = d), []) }] });
    const names = findNames(doc!, { start: 0, end: text.length }, matcher, []).map((p) => `${p.type}:${p.text}`);
    assert.deepEqual(names.filter((n) => !n.startsWith('person')), ['organisation:Bank of England', 'organisation:.gov office', 'place:St. Petersburg', 'place:New  York']);
  });
});
