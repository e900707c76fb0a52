import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { analyze } from '../../src/index.js';
import { humanDate, paragraphOf, positionOf } from '../../src/outputs/display.js';
import { renderTextSummary } from '../../src/outputs/text.js';
import { verdictOf } from '../../src/outputs/verdict.js';
import type { Analysis } from '../../src/core/types.js';
import { dataPath } from '../../src/core/paths.js';
import { loadRuleFile } from '../../src/core/rules.js';
import { TARGET_NAMES, targetNames } from '../../src/outputs/target-names.js';

const blog = analyze(readFileSync(new URL('../../examples/state-media-blog.txt', import.meta.url), 'utf8'));

test('the verdict names hate in the author\'s own words and its targets, not the quoted hate', () => {
  const v = verdictOf(blog);
  const own = blog.findings.filter((f) => f.kind === 'hate' && f.voice === 'author');
  assert.ok(own.length > 0 && blog.findings.some((f) => f.kind === 'hate' && f.voice !== 'author'), 'the example has both');
  assert.equal(v.hate.label, 'hatespeech');
  assert.deepEqual(v.hate.findingIds, own.map((f) => f.id));
  assert.deepEqual(v.hate.targets, [...new Set(own.flatMap((f) => f.targets ?? []))]);
});

test('the verdict uses the hate and state-voice summaries when the pipeline filled them', () => {
  const filled: Analysis = {
    ...blog,
    hate: { label: 'offensive', targets: ['Women'], findingIds: ['f1'] },
    stateVoice: { authorShare: 0.5, stateActorShare: 0.3, stateOutletShare: 0.1, headline: '40% of this article is the voice of a state' },
  };
  const v = verdictOf(filled);
  assert.deepEqual(v.hate, filled.hate);
  assert.equal(v.stateHeadline, '40% of this article is the voice of a state');
});

test('the verdict gives voice shares, sources by share, state outlets and the top three claims', () => {
  const v = verdictOf(blog);
  assert.ok(Math.abs(v.voices.author + v.voices.quoted + v.voices.reported - 1) < 0.01);
  assert.equal(v.sources[0]?.name, 'Vladimir Putin');
  assert.ok(v.sources.every((s, i) => i === 0 || v.sources[i - 1]!.share >= s.share));
  assert.deepEqual(v.stateOutlets.map((o) => o.name).sort(), blog.outlets.filter((o) => o.stateAffiliated).map((o) => o.name).sort());
  const claims = blog.findings.filter((f) => f.kind === 'claim').map((f) => f.score).sort((a, b) => b - a);
  assert.deepEqual(v.topClaims.map((f) => f.score), claims.slice(0, 3));
});

test('the text summary opens with the verdict and never says "TASS via TASS"', () => {
  const out = renderTextSummary(analyze('TASS reported that the army was ready, a TASS spokesman said.'), { color: false });
  const lines = out.split('\n');
  assert.equal(lines[2], 'Verdict');
  assert.match(out, /State media: TASS \(RU\)/);
  assert.doesNotMatch(out, /TASS via TASS/);
  const blogOut = renderTextSummary(blog, { color: false });
  assert.match(blogOut, /Hate in the author's own words: hate speech against \w+/);
  assert.match(blogOut, /Claims to check:\n {4}1\. /);
});

test('dates read as dates, and HTML positions are paragraphs', () => {
  assert.equal(humanDate('2024-03-16'), '16 March 2024');
  assert.equal(humanDate('2024-03-16T09:30:00Z'), '16 March 2024, 09:30 UTC');
  assert.equal(humanDate('2024-03-16T09:30:00+02:00'), '16 March 2024, 09:30 UTC+02:00');
  assert.equal(humanDate('yesterday'), 'yesterday');
  const text = 'One.\n\nTwo, still two.\nThree.';
  assert.equal(paragraphOf(text, 0), 1);
  assert.equal(paragraphOf(text, text.indexOf('still')), 2);
  assert.equal(paragraphOf(text, text.indexOf('Three')), 3);
  const meta = { ...blog.meta, format: 'html' as const };
  assert.equal(positionOf({ text, meta }, text.indexOf('Three')), '¶3');
  assert.equal(positionOf({ text, meta: { ...meta, format: 'text' } }, text.indexOf('Three')), '4:1');
});

test('targets read as a reader names them, and every hate group has such a name', () => {
  const groups = loadRuleFile(dataPath('hate', 'groups.yml'));
  const targets = new Set(groups.entries.map((e) => String(e.target)));
  for (const t of targets) assert.ok(TARGET_NAMES[t], `data/hate/groups.yml target ${t} has a reader-facing name in src/outputs/target-names.ts`);
  const summary = renderTextSummary(blog, { color: false });
  assert.match(summary, /Hate in the author's own words: hate speech against refugees and migrants/);
  assert.doesNotMatch(summary, /against Refugee/);
  assert.equal(targetNames(['Islam', 'Unlisted']), 'Muslims, Unlisted');
});

test('the example\'s state-voice headline names the Russian president, not the pronoun "us" as the United States', () => {
  const putin = blog.speakers.find((s) => s.name === 'Vladimir Putin');
  assert.deepEqual(putin?.stateActor, { country: 'Russia' });
  assert.ok(blog.speakers.every((s) => s.stateActor?.country !== 'United States'), 'no speaker is read as a US state actor');
  assert.match(verdictOf(blog).stateHeadline ?? '', /voice of a state: Russia's president, via TASS/);
});

test('what the writer reports of their own words is the writer\'s voice in the verdict, not a source', () => {
  const a = analyze('I have always said that the council wastes our money on consultants. The mayor said the budget was balanced.');
  assert.ok(a.quotes.some((q) => a.speakers.find((s) => s.id === q.speakerId)?.name === 'the author'), 'provenance keeps the report and its speaker');
  const v = verdictOf(a);
  assert.deepEqual(v.sources.map((s) => s.name), ['The mayor']);
  assert.ok(v.voices.author > 0.5, `author share ${v.voices.author}`);
});
