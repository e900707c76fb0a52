import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLexicon, defaultPropagandaLexicon, loadLexiconEntries } from '../../../src/detectors/propaganda/lexicons.js';
import { TECHNIQUE_LABELS } from '../../../src/detectors/propaganda/techniques.js';
import { buildTextModel } from '../../../src/text/model.js';

test('shipped lexicons load through the rule loader, with ids unique across files', () => {
  const entries = loadLexiconEntries();
  assert.ok(entries.length >= 10);
  const ids = entries.map((e) => e.id);
  assert.equal(new Set(ids).size, ids.length, 'entry ids are unique across lexicon files');
  for (const e of entries) {
    assert.ok((TECHNIQUE_LABELS as readonly string[]).includes(e.technique), `${e.id}: ${e.technique}`);
    assert.ok(e.terms.length > 0 && e.terms.every((t) => typeof t === 'string' && t.trim() !== ''), e.id);
  }
  // The brief's required cue families each have at least one entry.
  for (const t of ['Loaded_Language', 'Flag-Waving', 'Thought-terminating_Cliches', 'Slogans', 'Doubt', 'Bandwagon,Reductio_ad_hitlerum']) {
    assert.ok(entries.some((e) => e.technique === t), t);
  }
});

test('shipped lexicon finds cues of several techniques in running text', () => {
  const lexicon = defaultPropagandaLexicon();
  const text = 'The so-called experts compared him to Hitler. Our nation deserves better; it is what it is.';
  const hits = lexicon.match(buildTextModel(text).tokens);
  const techniques = new Set(hits.map((h) => h.technique));
  for (const t of ['Doubt', 'Bandwagon,Reductio_ad_hitlerum', 'Flag-Waving', 'Thought-terminating_Cliches']) assert.ok(techniques.has(t as never), t);
});

test('multi-word terms match across typographic apostrophes and by lemma', () => {
  const lexicon = createLexicon([
    { id: 'a', description: 'd', source: 's', technique: 'Thought-terminating_Cliches', terms: ["that's life"] },
    { id: 'b', description: 'd', source: 's', technique: 'Loaded_Language', terms: ['destroy'] },
  ]);
  const tokens = buildTextModel('Well, that’s life. They destroyed everything.').tokens;
  const hits = lexicon.match(tokens);
  assert.deepEqual(hits.map((h) => h.entryId).sort(), ['a', 'b']);
  const cliche = hits.find((h) => h.entryId === 'a')!;
  assert.equal(tokens[cliche.first]!.text, 'that');
  assert.equal(tokens[cliche.last - 1]!.text, 'life');
  // A term does not match a longer word that merely starts with it.
  assert.deepEqual(lexicon.match(buildTextModel('He was destroyer-class.').tokens).filter((h) => h.entryId === 'b'), []);
});

test('the longest term wins across techniques: a term inside a longer one of another technique is dropped', () => {
  const lexicon = createLexicon([
    { id: 'every', description: 'd', source: 's', technique: 'Exaggeration,Minimisation', terms: ['every', 'person can', 'ever', 'ever since'] },
    { id: 'honest', description: 'd', source: 's', technique: 'Bandwagon,Reductio_ad_hitlerum', terms: ['every honest person'] },
    { id: 'also-every', description: 'd', source: 's', technique: 'Loaded_Language', terms: ['every'] },
  ]);
  const tokens = buildTextModel('Every honest person can see it, and every voter has ever since.').tokens;
  const hits = lexicon.match(tokens).map((h) => `${h.entryId}:${tokens.slice(h.first, h.last).map((t) => t.text.toLowerCase()).join(' ')}`);
  // "every" inside "every honest person" goes (both entries that list it); "person can" only
  // overlaps it and stays; the lone "every" before "voter" is a hit of both entries; "ever"
  // inside "ever since" is the same technique and stays.
  assert.deepEqual(hits.sort(), ['also-every:every', 'every:ever', 'every:ever since', 'every:every', 'every:person can', 'honest:every honest person']);
});

test('the shipped lexicon reads "every honest person" as Bandwagon, not as Exaggeration', () => {
  const tokens = buildTextModel('Every honest person can see the truth.').tokens;
  const hits = defaultPropagandaLexicon().match(tokens);
  assert.ok(hits.some((h) => h.technique === 'Bandwagon,Reductio_ad_hitlerum' && h.first === 0 && h.last === 3));
  assert.ok(!hits.some((h) => h.technique === 'Exaggeration,Minimisation' && h.first < 3), hits.map((h) => `${h.term}/${h.technique}`).join(', '));
});

test('a lexicon entry with an unknown technique is rejected', () => {
  assert.throws(
    () => createLexicon([{ id: 'x', description: 'd', source: 's', technique: 'Propaganda' as never, terms: ['a'] }], 'test.yml'),
    { code: 'UNSPIN_E_MODEL_INVALID', message: /test\.yml: entry x: unknown technique Propaganda/ },
  );
});

test('an entry whose report flag is not a boolean is rejected; hits carry the flag', () => {
  assert.throws(() => createLexicon([{ id: 'x', description: 'd', source: 's', technique: 'Slogans', terms: ['a'], report: 'yes' as never }], 'test.yml'), {
    code: 'UNSPIN_E_MODEL_INVALID',
    message: /test\.yml: entry x: report must be true or false/,
  });
  const lexicon = createLexicon([
    { id: 'loud', description: 'd', source: 's', technique: 'Slogans', terms: ['build the wall'], report: true },
    { id: 'quiet', description: 'd', source: 's', technique: 'Slogans', terms: ['lock'] },
  ]);
  const hits = lexicon.match(buildTextModel('Build the wall and lock the gate.').tokens);
  assert.deepEqual(hits.map((h) => [h.entryId, h.report]), [['loud', true], ['quiet', false]]);
});
