import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HATE_CLASSES } from '../../../src/detectors/hate/model.js';
import { decidePost, postClassifier, postContext } from '../../../src/detectors/hate/post.js';
import { decodePostRules, encodePostRules, loadDefaultPostRules, nestedRuleMargin, ruledClass, RULES_ALWAYS_DECIDE, selectRuleMargin, type RuledPost } from '../../../src/detectors/hate/post-rules.js';

const hate = { label: 2, category: 'violence' };
const trope = { label: 2, category: 'trope' };
const offensive = { label: 1, category: 'profanity' };

test('a rule raises the label only within the margin of the model, unless its category always decides', () => {
  const logp = [Math.log(0.6), Math.log(0.3), Math.log(0.1)]; // normal; hatespeech 1.79 below it
  assert.equal(ruledClass(logp, [], 0), 0);
  assert.equal(ruledClass(logp, [hate], Infinity), 2, 'the old behaviour: every rule decides');
  assert.equal(ruledClass(logp, [hate], 1.5), 0, 'the model disagrees strongly: it decides');
  assert.equal(ruledClass(logp, [hate], 2), 2);
  assert.equal(ruledClass(logp, [offensive, hate], 1), 1, 'the offensive rule is within 0.69 of the model');
  assert.equal(ruledClass(logp, [trope], 0, ['trope']), 2, 'an exempt category decides whatever the margin');
  // A rule never lowers the model's label.
  assert.equal(ruledClass([Math.log(0.1), Math.log(0.2), Math.log(0.7)], [offensive], Infinity), 2);
});

/** Posts where hate rules fire on model-normal posts: right when the model is unsure, wrong when it is sure. */
function posts(): RuledPost[] {
  const out: RuledPost[] = [];
  for (let i = 0; i < 60; i++) {
    const fold = i % 3;
    const unsure = i % 2 === 0;
    const pNormal = unsure ? 0.45 : 0.9;
    const logp = [Math.log(pNormal), Math.log((1 - pNormal) / 2), Math.log((1 - pNormal) / 2)];
    // Unsure posts the annotators marked hateful; sure ones normal. Some posts without rules too.
    out.push({ y: unsure ? 2 : 0, logp, rules: [hate], fold });
    out.push({ y: i % 5 === 0 ? 1 : 0, logp: [Math.log(0.8), Math.log(0.15), Math.log(0.05)], rules: [], fold });
    out.push({ y: 1, logp: [Math.log(0.2), Math.log(0.7), Math.log(0.1)], rules: [], fold });
  }
  return out;
}

test('the margin is chosen on out-of-fold posts (deterministic, with a nested estimate)', () => {
  const data = posts();
  const a = selectRuleMargin(data, HATE_CLASSES);
  // Unsure posts sit 1.50 below normal, sure ones 2.89: the grid's first margin between them wins.
  assert.ok(a.margin >= 1.5 && a.margin < 2.89, `margin ${a.margin}`);
  assert.deepEqual(selectRuleMargin(data, HATE_CLASSES), a, 'same posts, same choice');
  const always = selectRuleMargin(data, HATE_CLASSES, [], [Infinity]);
  assert.ok(a.f1 > always.f1, `${a.f1} > ${always.f1}`);
  const nested = nestedRuleMargin(data, HATE_CLASSES, 3);
  assert.equal(nested.margins.length, 3);
  assert.ok(Math.abs(nested.f1 - a.f1) < 1e-9, 'every fold chooses the same margin here');
  // Exempt the category: the rule decides everywhere, and the margin no longer matters.
  assert.equal(selectRuleMargin(data, HATE_CLASSES, ['violence']).f1, always.f1);
});

test('post-rule files round-trip (Infinity as null) and a malformed one is MODEL_INVALID', () => {
  const settings = { ruleMargin: 0.6, alwaysDecide: ['trope'], figures: { nested: 0.67 } };
  assert.deepEqual(decodePostRules(JSON.parse(JSON.stringify(encodePostRules(settings))), 'x'), settings);
  const old = encodePostRules(RULES_ALWAYS_DECIDE);
  assert.equal(old.ruleMargin, null);
  assert.equal(decodePostRules(JSON.parse(JSON.stringify(old)), 'x').ruleMargin, Infinity);
  for (const bad of [null, { format: 'unspin-hate-post-rules/1', ruleMargin: -1, alwaysDecide: [] }, { format: 'unspin-hate-post-rules/1', ruleMargin: 1 }, { format: 'other', ruleMargin: 1, alwaysDecide: [] }]) {
    assert.throws(() => decodePostRules(bad, 'bad.json'), (e: Error & { code?: string }) => e.code === 'UNSPIN_E_MODEL_INVALID' && e.message.includes('bad.json'));
  }
});

test('the post path reads the shipped margin, and the margin decides where a rule and the model disagree', () => {
  const shipped = loadDefaultPostRules();
  assert.ok(Number.isFinite(shipped.ruleMargin) && shipped.ruleMargin > 0, `margin ${shipped.ruleMargin}`);
  assert.ok(shipped.alwaysDecide.includes('trope'));
  assert.equal(postContext().ruleMargin, shipped.ruleMargin);
  assert.deepEqual(postContext().marginExempt, shipped.alwaysDecide);
  assert.equal(postContext({ postRules: RULES_ALWAYS_DECIDE }).ruleMargin, undefined, 'the old behaviour sets no margin');

  // The trope rule fires; the linear model reads the corpus-style post as offensive.
  const text = 'user the jews control the media and the banks';
  const d = decidePost(postContext({ postRules: RULES_ALWAYS_DECIDE }), text, false);
  assert.equal(d.modelLabel, 'offensive');
  assert.ok(d.ruleHits.some((h) => h.rule.id === 'trope-control'));
  assert.equal(postClassifier({ postRules: RULES_ALWAYS_DECIDE })(text).label, 'hatespeech');
  assert.equal(postClassifier({ postRules: { ruleMargin: 0, alwaysDecide: [] } })(text).label, 'offensive', 'held back: the model decides');
  const gap = Math.log(d.probabilities.offensive) - Math.log(d.probabilities.hatespeech);
  assert.equal(postClassifier({ postRules: { ruleMargin: gap + 0.01, alwaysDecide: [] } })(text).label, 'hatespeech', 'within the margin: the rule decides');
  assert.equal(postClassifier({ postRules: { ruleMargin: 0, alwaysDecide: ['trope'] } })(text).label, 'hatespeech', 'tropes always decide');
  const held = decidePost(postContext({ postRules: { ruleMargin: 0, alwaysDecide: [] } }), text, false);
  assert.ok(!held.ruleHits.some((h) => h.rule.id === 'trope-control'), 'a rule held back is not among the hits');
  assert.equal(postClassifier()(text).label, 'hatespeech', 'shipped: tropes decide');
});
