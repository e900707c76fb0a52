import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as unspin from '../src/index.js';
import type { AnalyzedDocument, Detector } from '../src/index.js';
import { runCli } from './cli/run-cli.js';

test('the package exports exactly the public API', () => {
  assert.deepEqual(Object.keys(unspin).sort(), ['ERRORS', 'OffsetMap', 'SCHEMA_VERSION', 'UnspinError', 'analyze', 'analyzeText', 'createClaimsDetector', 'createHateDetector', 'createOutletFinder', 'createPropagandaDetector', 'defaultDetectors', 'findOutlets', 'isUnspinError']);
});

test('analyze() returns the same object the CLI prints', () => {
  const text = 'The minister said the plan would work.\n\n“It will,” she said.';
  const fromLibrary = unspin.analyze(text, { meta: { source: '-' } });
  const cli = runCli(['analyze', '-', '--format', 'json'], { input: text });
  assert.equal(cli.code, 0, cli.stderr);
  assert.deepEqual(JSON.parse(cli.stdout), JSON.parse(JSON.stringify(fromLibrary)));
});

test('a custom detector plugs in: the pipeline numbers findings in text order and takes the voice from the spine', () => {
  const seen: AnalyzedDocument[] = [];
  const detector: Detector = {
    name: 'shouting',
    kind: 'propaganda',
    labels: [{ label: 'Loaded_Language', definition: 'Words in capitals.' }],
    detect(doc) {
      seen.push(doc);
      return [...doc.text.matchAll(/\b[A-Z]{4,}\b/g)].map((m) => ({ kind: 'propaganda' as const, label: 'Loaded_Language', start: m.index, end: m.index + m[0].length, text: m[0], score: 1, explanation: 'all capitals' }));
    },
  };
  const analysis = unspin.analyze('First SHOUT here. Then AGAIN.', { detectors: [detector] });
  assert.equal(seen.length, 1);
  assert.ok(seen[0]!.tokens.length > 0 && seen[0]!.sentences.length === 2);
  assert.deepEqual(analysis.findings.map((f) => [f.id, f.text, f.voice]), [['f1', 'SHOUT', 'author'], ['f2', 'AGAIN', 'author']]);
});

test('analyze() throws a typed error on empty input', () => {
  assert.throws(() => unspin.analyze('   \n '), (e: unknown) => unspin.isUnspinError(e) && e.code === unspin.ERRORS.INPUT_EMPTY.code);
});

test('detector factories build a custom pipeline: only the chosen detector runs', () => {
  const text = 'Muslims are a disease on our continent. In 2019 the government built 300 schools.';
  const kinds = (detectors: unspin.Detector[]) => [...new Set(unspin.analyze(text, { detectors }).findings.map((f) => f.kind))].sort();
  assert.deepEqual(kinds([unspin.createHateDetector()]), ['hate']);
  assert.deepEqual(kinds([unspin.createClaimsDetector()]), ['claim']);
  assert.deepEqual(kinds([]), []);
});
