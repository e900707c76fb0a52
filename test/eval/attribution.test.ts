import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { parseBrat } from '../../src/eval/attribution/brat.js';
import { evaluateAttribution } from '../../src/eval/attribution/index.js';
import { AttributionTally, inSubset, scoreArticle } from '../../src/eval/attribution/score.js';
import type { Quote, Speaker } from '../../src/core/types.js';
import { writeMiniPolnear } from './polnear-mini.js';

const MINI = writeMiniPolnear();

test('brat: code-point offsets become UTF-16, fragments split, notes and continuation lines skipped', () => {
  const text = '😀 Ann said “yes,” then “no.”';
  // Code points: the emoji is one, so "Ann" starts at 2 (UTF-16: 3).
  const ann = ['# a note', 'T1\tSource 2 5\tAnn', 'T2\tCue 6 10\tsaid', 'T3\tContent 11 17;23 28\t“yes,” “no.”', 'that continues here', 'T4\tAttribution 6 10\tsaid', 'E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3'].join('\n');
  const [g] = parseBrat(ann, text, 'x.ann');
  assert.ok(g);
  assert.equal(text.slice(g.source![0]!.start, g.source![0]!.end), 'Ann');
  assert.equal(g.cueText, 'said');
  assert.deepEqual(g.content.map((s) => text.slice(s.start, s.end)), ['“yes,”', '“no.”']);
});

test('brat: a malformed span line names the file and line', () => {
  assert.throws(() => parseBrat('T1\tSource x y\tAnn', 'Ann', 'bad.ann'), /bad\.ann:1: malformed span line/);
});

test('the scored subset: speech-verb cues, "according to", or quoted content', () => {
  const text = 'Ann said yes. Bob believes so. “Go,” wrote Cy. Dee thinks “maybe.”';
  const speech = (w: string) => w === 'said' || w === 'wrote';
  const gold = (cue: string, content: string) => ({ id: 'E', source: null, cue: null, cueText: cue, content: [{ start: text.indexOf(content), end: text.indexOf(content) + content.length }] });
  assert.equal(inSubset(gold('said', 'yes'), text, speech), true);
  assert.equal(inSubset(gold('believes', 'so'), text, speech), false);
  assert.equal(inSubset(gold('thinks', '“maybe.”'), text, speech), true);
  assert.equal(inSubset(gold('according to', 'yes'), text, speech), true);
});

test('scoring: split parts count together, a prediction matching only out-of-subset gold is neutral', () => {
  const text = '“A is so,” she said. “B is so.” Bob believes it is fine. Cy said the sky fell.';
  const span = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
  const gold = [
    { id: 'E1', source: [span('she')], cue: [span('said')], cueText: 'said', content: [span('“A is so,”'), span('“B is so.”')] },
    { id: 'E2', source: [span('Bob')], cue: [span('believes')], cueText: 'believes', content: [span('it is fine')] },
  ];
  const quote = (id: string, s: string, kind: Quote['kind'], speakerId: string | null, cue: string | null): Quote => ({ id, ...span(s), text: s, kind, speakerId, outletId: null, cue: cue ? { ...span(cue), text: cue } : null, explanation: '' });
  const quotes = [quote('q1', 'A is so,', 'direct', 's1', 'said'), quote('q2', 'B is so.', 'direct', 's1', 'said'), quote('q3', 'it is fine', 'indirect', 's2', 'believes'), quote('q4', 'the sky fell', 'indirect', null, 'said')];
  const speakers: Speaker[] = [
    { id: 's1', name: 'Ann', mentions: [span('she')] },
    { id: 's2', name: 'Bob', mentions: [span('Bob')] },
  ];
  const tally = new AttributionTally();
  scoreArticle(tally, text, gold, quotes, speakers, (w) => w === 'said');
  const s = tally.scores();
  assert.equal(s.gold, 1);
  assert.equal(s.quoteRecall, 1, 'the two parts together cover the split gold content');
  assert.equal(s.truePositives, 2);
  assert.equal(s.neutral, 1, 'q3 matches only the belief, outside the subset');
  assert.equal(s.falsePositives, 1, 'q4 matches nothing');
  assert.equal(s.sourceAccuracy, 1);
  assert.equal(s.recallAll, 1);
});

test('scoring: quotation marks are not content, so a prediction without the doubled \'\' marks covers a short gold quote', () => {
  const text = "Asked if he would resign, Mr. Ode said: ''No.'' He said he wouldn't quit the board soon.";
  const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
  const gold = [
    { id: 'E1', source: [at('Mr. Ode')], cue: [at('said')], cueText: 'said', content: [at("''No.''")] },
    { id: 'E2', source: [at('He said')], cue: [at('said he')], cueText: 'said', content: [at("he wouldn't quit the board soon")] },
  ];
  const quote = (id: string, s: string, kind: Quote['kind'], speakerId: string): Quote => ({ id, ...at(s), text: s, kind, speakerId, outletId: null, cue: null, explanation: '' });
  const speakers: Speaker[] = [{ id: 's1', name: 'Mr. Ode', mentions: [at('Mr. Ode')] }];
  const tally = new AttributionTally();
  // "No." is 3 of the gold's 7 characters; the 4 marks are not words. An apostrophe inside a word is kept:
  // "he wouldn't" is 11 of the second gold's 31 characters, under half either way.
  scoreArticle(tally, text, gold, [quote('q1', 'No.', 'direct', 's1'), quote('q2', "he wouldn't", 'indirect', 's1')], speakers, (w) => w === 'said');
  const s = tally.scores();
  assert.equal(s.gold, 2);
  assert.equal(s.quoteRecall, 0.5, 'the bare No. is found, the short indirect part is not');
  assert.equal(s.truePositives, 2, 'both lie inside a gold content');
  assert.equal(s.falsePositives, 0);
  assert.equal(s.sourceAccuracy, 1);
});

test('eval over the mini corpus: one annotator per article, hand-checked figures', () => {
  const r = evaluateAttribution(MINI);
  // Article 1 (annotator a1; b2 is ignored): said-that, split quote (both speech), believe (outside).
  // Article 2: "according to" (the emoji shifts code points against UTF-16), and one unannotated report.
  assert.equal(r.n, 2);
  assert.equal(r.gold, 3);
  assert.equal(r.goldAll, 4);
  assert.equal(r.quoteRecall, 1);
  assert.equal(r.truePositives, 4);
  assert.equal(r.falsePositives, 1);
  assert.equal(r.quotePrecision, 0.8);
  assert.equal(r.sourceAccuracy, 1);
  assert.equal(r.recallAll, 0.75);
});

test('unspin eval attribution --json prints the scores as one JSON object on the last line', () => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/interfaces/cli/main.ts', 'eval', 'attribution', '--data', MINI, '--json'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const last = run.stdout.trim().split('\n').pop()!;
  const r = JSON.parse(last) as Record<string, number>;
  for (const key of ['quotePrecision', 'quoteRecall', 'quoteF1', 'sourceAccuracy', 'n']) assert.equal(typeof r[key], 'number', key);
  assert.equal(r.n, 2);
  assert.ok(Math.abs(r.quoteF1! - (2 * 0.8) / 1.8) < 1e-9);
});

test('unspin eval attribution prints a readable table, and a missing folder is a one-line data error', () => {
  const ok = spawnSync(process.execPath, ['--import', 'tsx', 'src/interfaces/cli/main.ts', 'eval', 'attribution', '--data', MINI], { encoding: 'utf8' });
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /quote precision\s+80\.0%/);
  assert.match(ok.stdout, /source accuracy\s+100\.0%/);
  const bad = spawnSync(process.execPath, ['--import', 'tsx', 'src/interfaces/cli/main.ts', 'eval', 'attribution', '--data', 'test/fixtures/no-such-dir'], { encoding: 'utf8' });
  assert.equal(bad.status, 3);
  assert.match(bad.stderr, /UNSPIN_E_EVAL_DATA/);
  assert.equal(bad.stderr.trim().split('\n').length, 1, 'one line, no stack');
});

test('the tune/check carve is fixed by the article id, about two thirds to one third', async () => {
  const { articlePart } = await import('../../src/eval/attribution/index.js');
  assert.equal(articlePart('mini-tax-plan_2016-01-01'), articlePart('mini-tax-plan_2016-01-01'));
  const ids = Array.from({ length: 300 }, (_, i) => `article-${i}`);
  const check = ids.filter((id) => articlePart(id) === 'check').length;
  assert.ok(check > 70 && check < 130, String(check));
});

test('unspin eval attribution --failures prints each error with its class and context; bad options are usage errors', () => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/interfaces/cli/main.ts', 'eval', 'attribution', '--data', MINI, '--failures', 'all'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^\[spurious\] /m, 'the one wrong prediction of the mini corpus is listed');
  assert.match(run.stdout, /context: .*⟦/);
  assert.match(run.stdout, /errors by class: missed 0, boundary 0, spurious 1, source 0/);
  const bad = spawnSync(process.execPath, ['--import', 'tsx', 'src/interfaces/cli/main.ts', 'eval', 'attribution', '--data', MINI, '--part', 'half'], { encoding: 'utf8' });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--part must be all, tune or check/);
});

test('unspin eval attribution --fixtures DIR prints speaker, role, state-actor and segment accuracy', () => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/interfaces/cli/main.ts', 'eval', 'attribution', '--fixtures', 'test/fixtures/provenance-v2', '--json'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const r = JSON.parse(run.stdout.trim().split('\n').pop()!) as Record<string, number>;
  for (const key of ['speaker', 'role', 'stateActor', 'segmentChars']) assert.ok(r[key]! >= 0 && r[key]! <= 1, key);
  assert.ok(r.speaker! >= 0.9);
  const missing = spawnSync(process.execPath, ['--import', 'tsx', 'src/interfaces/cli/main.ts', 'eval', 'attribution', '--fixtures', 'test/fixtures/no-such-dir'], { encoding: 'utf8' });
  assert.equal(missing.status, 3);
  assert.match(missing.stderr, /UNSPIN_E_EVAL_DATA/);
});
