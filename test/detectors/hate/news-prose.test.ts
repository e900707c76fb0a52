import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { asArticleParagraph } from '../../../src/eval/hate/functional.js';
import { analyzeHate, clean, verdict } from './verdict-checks.js';

// Sentences of mainstream news that the detector read as hate in the author's voice.

test('a slur that is a family name too is a surname after a given name or a title, and a slur elsewhere', () => {
  clean(['Democrats Tom Carper and Chris Coons voted against the bill.', 'Sen. Coons said the vote would be close.', 'The amendment was drafted by Mr Coon and two aides.']);
  for (const text of ['Coons should all be shot.', 'Those filthy Coons should go back where they came from.']) assert.equal(verdict(text), 'hatespeech', text);
});

test('"based on" is no endorsement of the quoted words around it', () => {
  const reported = analyzeHate('He posted that "Muslims are vermin", at least based on how he portrayed himself on Twitter.');
  assert.deepEqual(reported.findings.filter((f) => f.voice === 'author').map((f) => f.text), []);
  // "based" alone still endorses.
  const endorsed = analyzeHate('He posted that "Muslims are vermin". Based.');
  assert.ok(endorsed.findings.some((f) => f.voice === 'author'), JSON.stringify(endorsed.findings.map((f) => [f.voice, f.text])));
});

test('a possessor\'s statement that … is reported speech, so the hate inside it is not the author\'s', () => {
  const a = analyzeHate('Lawmakers are still uneasy about Trump’s inflammatory statements, including his proposal to ban Muslims from entering the U.S., his statement that many Mexican immigrants are rapists, and his refusal to disavow white supremacists.');
  const q = a.quotes.find((x) => x.text.includes('rapists'));
  assert.equal(q?.text, 'that many Mexican immigrants are rapists', 'the next item of the list ends it');
  assert.equal(verdict(a.text), 'normal');
  assert.ok(a.findings.some((f) => f.kind === 'hate' && f.voice === 'reported'));
  // "his" is no country named just before it.
  assert.notEqual(a.speakers.find((s) => s.id === q?.speakerId)?.name, 'U.S.');
  // Without a possessor the noun reports nothing: "a statement that …" is the author's.
  assert.equal(verdict('It is a plain statement that many Mexican immigrants are rapists.'), 'hatespeech');
});

test('eval hate --functional --in-article sets each case inside a news article, decided sentence by sentence', async () => {
  const text = asArticleParagraph('Muslims are vermin.');
  const doc = analyzeHate(text);
  // Three paragraphs: the detector decides sentence by sentence, and the finding is the case's sentence alone.
  assert.equal(doc.sentences.length, 3);
  assert.equal(text.slice(doc.findings[0]!.start, doc.findings[0]!.end), 'Muslims are vermin.');

  const { runCommand } = await import('citty');
  const { evalHateCommand } = await import('../../../src/eval/hate/command.js');
  const dir = mkdtempSync(join(tmpdir(), 'unspin-hate-'));
  const suite = join(dir, 'suite.yml');
  writeFileSync(suite, ['title: t', 'description: d', 'entries:', '  - id: derogation-dehumanisation', '    description: d', '    source: own', '    label: hateful', '    accept: [hatespeech]', '    templates: ["{G} are vermin."]', '  - id: neutral-mention', '    description: d', '    source: own', '    label: not-hateful', '    accept: [normal]', '    templates: ["{G} opened a bakery on the high street."]', ''].join('\n'));
  const written: string[] = [];
  const original = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string) => (written.push(String(chunk)), true)) as typeof process.stdout.write;
  try {
    await runCommand(evalHateCommand, { rawArgs: ['--functional', suite, '--groups', 'data/hate/functional/groups.yml', '--in-article', '--json'] });
  } finally {
    process.stdout.write = original;
  }
  const out = written.join('').trim().split('\n');
  assert.match(out[0]!, /each case a paragraph of a news article/);
  const figures = JSON.parse(out[out.length - 1]!) as { n: number; accuracy: number };
  assert.ok(figures.n >= 20);
  assert.equal(figures.accuracy, 1);
});
