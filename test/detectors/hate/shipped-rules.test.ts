import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { dataPath } from '../../../src/core/paths.js';
import { loadRuleFile } from '../../../src/core/rules.js';
import { compileRuleSet, matchGuards, matchRules, canonWord, type GuardEntry, type HateRuleEntry, type HateRuleSet, type VocabularyEntry } from '../../../src/detectors/hate/rules.js';
import type { WordPattern } from '../../../src/detectors/hate/word-pattern.js';
import { compileShippedRuleSet, decodeRuleSet, encodeRuleSet, readShippedRuleSet, RULE_SET_FORMAT, shippedRuleSetPath, type RuleSetFile } from '../../../src/detectors/hate/shipped-rules.js';

/** Without what is made on first use (regexes, list alternations), and without the stamps of the YAML files. */
function comparable(set: HateRuleSet): unknown {
  const strip = <T extends { regexes: unknown[]; sticky: unknown[]; source: unknown; words: (WordPattern | null)[] }>(c: T) => {
    // Tries built now, as an automaton's first run builds them.
    for (const wp of c.words) wp?.pending?.(wp);
    return { ...c, regexes: c.regexes.map(() => undefined), sticky: c.sticky.map(() => undefined), source: null };
  };
  return { ...set, rules: set.rules.map(strip), guards: set.guards.map(strip) };
}

function withoutStamps(file: RuleSetFile): RuleSetFile {
  return { ...file, sources: file.sources.map(({ file, digest }) => ({ file, digest })), compiler: file.compiler.map(({ file, digest }) => ({ file, digest })) };
}

test('the compiled hate rule set, when built, is what build:data writes today from the shipped YAML and the compiler', { skip: existsSync(shippedRuleSetPath()) ? false : 'not built (npm run build:data)' }, () => {
  const built = JSON.parse(readFileSync(shippedRuleSetPath(), 'utf8')) as RuleSetFile;
  const today = compileShippedRuleSet();
  assert.equal(built.format, RULE_SET_FORMAT, `${shippedRuleSetPath()} has another format: run npm run build:data`);
  assert.deepEqual(withoutStamps(built).sources, withoutStamps(today).sources, `${shippedRuleSetPath()} was compiled from other YAML: run npm run build:data`);
  assert.deepEqual(withoutStamps(built).compiler, withoutStamps(today).compiler, `${shippedRuleSetPath()} was compiled by other code: run npm run build:data`);
  assert.deepEqual(withoutStamps(built), withoutStamps(today), `${shippedRuleSetPath()} is stale (the compiler changed): run npm run build:data`);
});

test('the shipped rule set read back from its compiled form equals the one compiled from the YAML', () => {
  const vocabulary = loadRuleFile<VocabularyEntry>(dataPath('hate', 'vocabulary.yml'), ['words']).entries;
  const rules = loadRuleFile<HateRuleEntry>(dataPath('hate', 'rules.yml'), ['label', 'category', 'patterns']).entries;
  const guards = loadRuleFile<GuardEntry>(dataPath('hate', 'guards.yml'), ['kind', 'patterns']).entries;
  const fresh = compileRuleSet(vocabulary, rules, guards);
  const file = JSON.parse(JSON.stringify(encodeRuleSet(fresh, [], vocabulary, rules, guards))) as RuleSetFile;
  const decoded = decodeRuleSet(file);
  assert.ok(decoded.rules.some((r) => r.words.some((wp) => wp?.pending)), 'tries are built on first use');
  assert.deepEqual(comparable(decoded), comparable(fresh));
  // The regexes made on first use are the ones compiled eagerly.
  const unit = 'GRP are vermin and should be deported'.split(' ').map((w, i) => canonWord(w, i * 20, i * 20 + w.length));
  assert.deepEqual(matchRules(decoded, unit, []), matchRules(fresh, unit, []));
  assert.deepEqual(matchGuards(decoded, unit, ['counter', 'denial', 'reclaimed', 'quoted']), matchGuards(fresh, unit, ['counter', 'denial', 'reclaimed', 'quoted']));
  assert.ok(fresh.rules.some((r) => r.regexes.every((re) => re !== undefined)));
  assert.ok(decoded.rules.some((r) => r.regexes.some((re) => re !== undefined)), 'a regex was made on first use');
});

test('a compiled rule set is used while its YAML files keep their stamps or digests, and not after an edit', () => {
  const dir = mkdtempSync(join(tmpdir(), 'unspin-hate-rules-'));
  const header = 'title: T\ndescription: D\nentries:\n';
  writeFileSync(join(dir, 'vocabulary.yml'), `${header}  - id: vermin\n    description: x\n    source: x\n    words: [vermin, rats]\n`);
  writeFileSync(join(dir, 'rules.yml'), `${header}  - id: r1\n    description: x\n    source: x\n    label: hatespeech\n    category: x\n    patterns: ['GRP (?:are|is) {vermin}']\n`);
  writeFileSync(join(dir, 'guards.yml'), `${header}  - id: g1\n    description: x\n    source: x\n    kind: counter\n    patterns: ['not {vermin}']\n`);
  const past = new Date(Date.now() - 60_000);
  for (const f of ['vocabulary.yml', 'rules.yml', 'guards.yml']) utimesSync(join(dir, f), past, past);
  const path = join(dir, 'hate-rules.json');
  const file = compileShippedRuleSet(dir);
  assert.ok(file.sources.every((s) => s.stamp !== undefined), 'settled files are stamped');
  writeFileSync(path, JSON.stringify(file));
  assert.equal(readShippedRuleSet(path, dir)?.rules[0]?.entry.id, 'r1');
  // Rewritten with the same bytes: a new stamp, the same digest.
  writeFileSync(join(dir, 'guards.yml'), readFileSync(join(dir, 'guards.yml')));
  assert.equal(readShippedRuleSet(path, dir)?.guards[0]?.entry.id, 'g1');
  // The compiler's code edited since (under tsx, before npm run build:data): compiled afresh; absent (an installed package): used.
  writeFileSync(path, JSON.stringify({ ...file, compiler: [{ file: file.compiler[0]!.file, digest: 'other code' }] }));
  assert.equal(readShippedRuleSet(path, dir), null, 'compiler changed');
  writeFileSync(path, JSON.stringify({ ...file, compiler: [{ file: 'src/not-shipped.ts', digest: 'x' }] }));
  assert.equal(readShippedRuleSet(path, dir)?.rules[0]?.entry.id, 'r1', 'compiler sources absent');
  writeFileSync(path, JSON.stringify(file));
  // Edited: compiled afresh by the caller.
  writeFileSync(join(dir, 'rules.yml'), readFileSync(join(dir, 'rules.yml'), 'utf8').replace('id: r1', 'id: r2'));
  assert.equal(readShippedRuleSet(path, dir), null);
  writeFileSync(path, JSON.stringify({ ...compileShippedRuleSet(dir), format: RULE_SET_FORMAT + 1 }));
  assert.equal(readShippedRuleSet(path, dir), null, 'another format');
  writeFileSync(path, '{ not json');
  assert.equal(readShippedRuleSet(path, dir), null);
  assert.equal(readShippedRuleSet(join(dir, 'missing.json'), dir), null);
});
