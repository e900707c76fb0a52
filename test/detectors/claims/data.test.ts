import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { dataPath } from '../../../src/core/paths.js';
import { loadRuleFile } from '../../../src/core/rules.js';
import { defaultCues, firedCues, normaliseForCues, patternBody } from '../../../src/detectors/claims/cues.js';
import { defaultPartLexicons } from '../../../src/detectors/claims/parts/lexicons.js';

describe('data/claims word lists', () => {
  it('every file is a valid rule file with ids, descriptions and sources', () => {
    const files = readdirSync(dataPath('claims')).filter((f) => f.endsWith('.yml'));
    assert.ok(files.length >= 5);
    for (const f of files) assert.ok(loadRuleFile(dataPath('claims', f)).entries.length > 0, f);
  });

  it('loads the cue lists and part lexicons with their own fields', () => {
    const cues = defaultCues();
    assert.ok(cues.some((c) => c.id === 'first-person-opinion' && c.polarity === 'against'));
    const { units, places, titles } = defaultPartLexicons();
    assert.ok(units.every((u) => ['currency', 'multiplier', 'unit'].includes(u.kind)));
    assert.ok(units.filter((u) => u.kind === 'multiplier').every((u) => typeof u.factor === 'number' && u.factor > 1));
    assert.ok(places.some((p) => p.names.includes('Ukraine')));
    assert.ok(titles.some((t) => t.names.includes('President')));
  });

  it('matches cue phrases on whole words, curly apostrophes included', () => {
    const cues = defaultCues();
    assert.ok(firedCues('I’m sure it happened', cues).includes('first-person-opinion'));
    assert.ok(!firedCues('a think tank', cues).includes('first-person-opinion'));
    assert.ok(firedCues("They'll win", cues).includes('prediction'), "'ll attaches to the word before it");
  });

  it('fires the same lists as running every list regex on the text', () => {
    const cues = defaultCues();
    const everyRegex = (text: string) => cues.filter((c) => c.regex.test(normaliseForCues(text))).map((c) => c.id);
    // Each pattern on its own, in capitals, glued to a word on either side, after an apostrophe, and two patterns of different lists in one text.
    const patterns = cues.flatMap((c) => c.patterns ?? []);
    // Multi-word patterns also with their words reversed, apart, and with one word missing (all runs must be there, in order).
    const texts = patterns.flatMap((p, i) => {
      const words = p.split(' ');
      const apart = words.length > 1 ? [words.slice().reverse().join(' '), words.join(' and then '), words.slice(1).join(' '), words.slice(0, -1).join(' '), `${words.join('\n  ')}.`] : [];
      return [`So ${p}, then.`, p.toUpperCase(), `x${p}`, `${p}x`, `o'${p}`, `so '${p}'`, `${p} and ${patterns[(i * 7 + 3) % patterns.length]}`, p.replace(/'/g, '\u2019'), ...apart];
    });
    let firing = 0;
    for (const text of texts) {
      const expected = everyRegex(text);
      if (expected.length > 0) firing++;
      assert.deepEqual(firedCues(text, cues), expected, text);
    }
    assert.ok(firing > patterns.length, 'most texts fire some list');
  });

  it('tests the boundaries around a pattern body as its whole regex does, beside letters outside the BMP, marks that fold to letters and any white space', () => {
    const cues = defaultCues();
    const everyRegex = (text: string) => cues.filter((c) => c.regex.test(normaliseForCues(text))).map((c) => c.id);
    const patterns = cues.flatMap((c) => c.patterns ?? []).filter((p) => patternBody(p) !== null && p.includes(' '));
    assert.ok(patterns.length > 20);
    // 𝐀 and 𝟏 are a letter and a digit outside the BMP. (Not U+0345, a mark that folds to a letter
    // under the flags 'iu': one-word patterns, which need no regex, take it for a boundary where
    // their regex does not, so a list with one can fire where its regex does not.)
    const sides = ['𝐀', '𝟏', '\u00a0', "'", '\u2019', '-', 'é', '\u0130', '\u017f'];
    const spaces = ['\t', '\u00a0', '\u2003', '\n \n', '\ufeff'];
    const texts = patterns.flatMap((p, i) => [
      ...sides.flatMap((side) => [`${side}${p} now`, `so ${p}${side}`, `${side}${p}${side}`]),
      `so ${p.split(' ').join(spaces[i % spaces.length])} now`,
      `${p.toUpperCase().replace(/S/g, 'ſ')} now`,
    ]);
    for (const text of texts) assert.deepEqual(firedCues(text, cues), everyRegex(text), JSON.stringify(text));
  });

  it('runs a pattern body alone only where it can match in one way', () => {
    assert.equal(patternBody('according to'), 'according\\s+to');
    assert.equal(patternBody('u.s. officials'), 'u\\.s\\.\\s+officials');
    assert.equal(patternBody('two  spaces'), null);
    assert.equal(patternBody('trailing '), null);
    assert.equal(patternBody('tab\there'), null);
  });
});
