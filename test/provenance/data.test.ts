import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validateRuleFile } from '../../src/core/rules.js';
import { buildLexicon, loadDefaultRuleFiles } from '../../src/provenance/lexicon.js';
import { provenanceOf, quoteWith, speakerOf } from './helpers.js';

test('every provenance rule file loads, with unique ids and the fields each kind needs', () => {
  const files = loadDefaultRuleFiles();
  const lexicon = buildLexicon(files);
  assert.ok(lexicon.cueVerbs.get('said')?.cls === 'speech');
  assert.ok(lexicon.cueVerbs.get('told')?.takesListener);
  assert.equal(lexicon.pronouns.get('she')?.gender, 'f');
  assert.ok(lexicon.titles.get('president')?.some((t) => t.kind === 'title'));
  assert.equal(lexicon.givenNames.get('anna'), 'f');
  assert.ok(lexicon.outletWords.has('agency'));
  assert.ok(lexicon.phrases.some((p) => p.words.join(' ') === 'according to' && p.role === 'source'));
  for (const [name, file] of Object.entries(files)) assert.ok(file.entries.length > 0, `${name} has entries`);
});

test('a malformed rule file is refused with the file and entry named', () => {
  const doc = { title: 'Cue verbs', description: 'test', entries: [{ id: 'speech-x', description: 'x', source: 'x', class: 'speech' }] };
  assert.throws(() => validateRuleFile(doc, 'cue-verbs.yml', ['class', 'forms']), /cue-verbs\.yml: entry speech-x: missing forms/);
});

test('cue verbs are data: a lexicon handed in is the one used', () => {
  const files = loadDefaultRuleFiles();
  const text = 'Senator Ada Novak squawked that the vote was rigged.';
  assert.equal(quoteWith(provenanceOf(text), 'rigged'), undefined, '"squawked" is not a shipped cue verb');
  const custom = buildLexicon({
    ...files,
    cueVerbs: { ...files.cueVerbs, entries: [...files.cueVerbs.entries, { id: 'speech-squawk', description: 'test', source: 'test', class: 'speech', forms: ['squawk', 'squawked'] }] },
  });
  const a = provenanceOf(text, { lexicon: custom });
  const q = quoteWith(a, 'rigged');
  assert.equal(q?.kind, 'indirect');
  assert.equal(speakerOf(a, q)?.name, 'Ada Novak');
  assert.match(q!.explanation, /speech-squawk/);
});
