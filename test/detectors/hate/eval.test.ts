import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { PostDecision } from '../../../src/detectors/hate/post.js';
import { postClassifier } from '../../../src/detectors/hate/post.js';
import { evaluateHate, readHatePosts, type HatePost } from '../../../src/eval/hate/evaluate.js';
import { classMetrics } from '../../../src/eval/hate/metrics.js';

/** `unspin eval hate --data FILE ...options` on these posts, in process: its stdout lines. */
async function evalHateOn(posts: readonly object[], options: readonly string[]): Promise<string[]> {
  const { runCommand } = await import('citty');
  const { evalHateCommand } = await import('../../../src/eval/hate/command.js');
  const file = join(mkdtempSync(join(tmpdir(), 'unspin-hate-')), 'posts.jsonl');
  writeFileSync(file, posts.map((p) => JSON.stringify(p)).join('\n') + '\n');
  const written: string[] = [];
  const original = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string) => {
    written.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  try {
    await runCommand(evalHateCommand, { rawArgs: ['--data', file, ...options] });
  } finally {
    process.stdout.write = original;
  }
  return written.join('').trim().split('\n');
}

test('class metrics: accuracy, per-class P/R/F1 and macro-F1', () => {
  const m = classMetrics([0, 0, 1, 1, 2, 2], [0, 1, 1, 1, 2, 0], ['normal', 'offensive', 'hatespeech']);
  assert.equal(m.accuracy, 4 / 6);
  assert.deepEqual(m.perClass.map((c) => [c.precision, c.recall]), [[0.5, 0.5], [2 / 3, 1], [1, 0.5]]);
  const f1 = [0.5, 0.8, 2 / 3];
  assert.ok(Math.abs(m.macroF1 - (f1[0]! + f1[1]! + f1[2]!) / 3) < 1e-12);
});

test('target micro-F1 and rationale token-F1 use only posts that have them', () => {
  const posts: HatePost[] = [
    { id: 'a', text: 'w0 w1 w2 w3', label: 'hatespeech', targets: ['Jewish', 'Islam'], rationale: [0, 1, 1, 0] },
    { id: 'b', text: 'w0 w1', label: 'normal', targets: ['None'], rationale: null },
    { id: 'c', text: 'w0 w1 w2', label: 'offensive', targets: null, rationale: [[1, 0, 0], [1, 1, 0], [0, 0, 0]] },
  ];
  const answers: Record<string, PostDecision> = {
    'w0 w1 w2 w3': { label: 'hatespeech', targets: ['Jewish'], rationale: [1, 2] },
    'w0 w1': { label: 'offensive', targets: ['Women'], rationale: [] },
    'w0 w1 w2': { label: 'offensive', targets: [], rationale: [0, 2] },
  };
  const r = evaluateHate(posts, (text) => answers[text]!);
  // targets: tp Jewish; fn Islam; fp Women -> P = 1/2, R = 1/2.
  assert.equal(r.targetPosts, 2);
  assert.equal(r.targetMicroF1, 0.5);
  // rationale: post a F1 = 1; post c gold mask (mean >= .5) = [1, 0, 0], predicted {0, 2} -> P = 1/2, R = 1, F1 = 2/3.
  assert.equal(r.rationalePosts, 2);
  assert.ok(Math.abs(r.rationaleTokenF1! - (1 + 2 / 3) / 2) < 1e-12);
  assert.equal(r.accuracy, 2 / 3);
});

test('a malformed line is an EVAL_DATA error naming the file and line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'unspin-hate-'));
  const file = join(dir, 'bad.jsonl');
  writeFileSync(file, '{"id": "1", "text": "hello", "label": "normal"}\n{"id": "2", "text": "x", "label": "rude"}\n');
  assert.throws(() => readHatePosts(file), (e: Error & { code?: string }) => e.code === 'UNSPIN_E_EVAL_DATA' && e.message.includes('bad.jsonl:2'));
  assert.throws(() => readHatePosts(join(dir, 'missing.jsonl')), (e: Error & { code?: string }) => e.code === 'UNSPIN_E_INPUT_NOT_FOUND');
});

test('whole-post classification reads normalised posts like the corpus', () => {
  const classify = postClassifier();
  const hateful = classify('user the jews control the media and the banks');
  assert.equal(hateful.label, 'hatespeech');
  assert.deepEqual(hateful.targets, ['Jewish']);
  assert.ok(hateful.rationale.includes(2), `rationale ${hateful.rationale}`);
  assert.equal(classify('had a lovely walk in the park with my sister today').label, 'normal');
});

test('eval hate --json ends with one JSON object of the figures', async () => {
  const lines = [
    { id: '1', text: 'user the jews control the media and the banks', label: 'hatespeech', targets: ['Jewish'], rationale: [0, 0, 1, 1, 1, 0, 0, 0, 0] },
    { id: '2', text: 'had a lovely walk in the park with my sister today', label: 'normal', targets: null, rationale: null },
  ];
  const out = await evalHateOn(lines, ['--json']);
  const figures = JSON.parse(out[out.length - 1]!) as { accuracy: number; macroF1: number; n: number; targetMicroF1: number | null; rationaleTokenF1: number | null };
  assert.equal(figures.n, 2);
  assert.equal(figures.accuracy, 1);
  assert.equal(figures.targetMicroF1, 1);
  assert.ok(figures.rationaleTokenF1! > 0);
  assert.match(out.join('\n'), /macro-F1=/);
});

test('eval hate --verdict scores the author-voice verdict analyze leads with: quoted hate rejected by the writer is normal', async () => {
  const lines = [
    { id: '1', text: 'Muslims are vermin and should all be deported.', label: 'hatespeech', targets: null, rationale: null },
    { id: '2', text: 'My uncle said "Muslims are vermin" at dinner and I told him that is disgusting bigotry.', label: 'normal', targets: null, rationale: null },
    { id: '3', text: 'had a lovely walk in the park with my sister today', label: 'normal', targets: null, rationale: null },
  ];
  const out = await evalHateOn(lines, ['--verdict', '--json']);
  assert.match(out[0]!, /analyze's author-voice verdict/);
  const figures = JSON.parse(out[out.length - 1]!) as { accuracy: number; n: number; perClass: Record<string, { support: number; recall: number }> };
  assert.equal(figures.n, 3);
  assert.equal(figures.accuracy, 1, out.join('\n'));
  assert.equal(figures.perClass.hatespeech!.recall, 1);
});
