import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildFeatureContext, spanFeatures, tokenRange } from '../../../src/detectors/propaganda/features.js';
import { createLexicon } from '../../../src/detectors/propaganda/lexicons.js';
import { articleVoices } from '../../../src/eval/propaganda/predict.js';
import { buildTextModel } from '../../../src/text/model.js';

const lexicon = createLexicon([{ id: 'test-experts', description: 'test', source: 'test', technique: 'Appeal_to_Authority', terms: ['experts agree'] }]);

function featuresOf(text: string, span: string, withVoices = true): string[] {
  const m = buildTextModel(text);
  const ctx = buildFeatureContext(text, m.tokens, m.sentences, lexicon, new Map(), null, false, withVoices ? articleVoices(text, m) : null);
  const start = text.indexOf(span);
  const [first, last] = tokenRange(ctx.tokens, start, start + span.length)!;
  return spanFeatures(ctx, first, last);
}

test('the classifier reads the spine’s voice: a quoted official’s appeal to authority is not the author’s', () => {
  const quoted = featuresOf('“Experts agree the plant is safe,” the minister told reporters on Monday.', 'Experts agree the plant is safe');
  const own = featuresOf('The minister visited on Monday. Experts agree the plant is safe.', 'Experts agree the plant is safe');
  assert.ok(quoted.includes('spine=quoted') && quoted.includes('lex=Appeal_to_Authority|spine=quoted'), quoted.filter((f) => f.startsWith('spine') || f.includes('|spine')).join(' '));
  assert.ok(own.includes('spine=author') && own.includes('lex=Appeal_to_Authority|spine=author'), own.filter((f) => f.startsWith('spine') || f.includes('|spine')).join(' '));
});

test('without a voice map (a bare text model) the spine features are left out', () => {
  const f = featuresOf('Experts agree the plant is safe.', 'Experts agree', false);
  assert.ok(!f.some((x) => x.includes('spine=')));
});
