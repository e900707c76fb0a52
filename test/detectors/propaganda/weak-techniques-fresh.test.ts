import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createPropagandaDetector } from '../../../src/detectors/propaganda/detector.js';
import { buildFeatureContext } from '../../../src/detectors/propaganda/features.js';
import { defaultPropagandaLexicon } from '../../../src/detectors/propaganda/lexicons.js';
import { defaultPropagandaModel, usesWordVectors } from '../../../src/detectors/propaganda/model.js';
import { classifySpan } from '../../../src/detectors/propaganda/predict.js';
import type { Technique } from '../../../src/detectors/propaganda/techniques.js';
import { articleVoices } from '../../../src/eval/propaganda/predict.js';
import { analyze } from '../../../src/pipeline/analyze.js';
import { buildTextModel } from '../../../src/text/model.js';
import { assertSpansConsistent } from '../../helpers.js';

/**
 * Fresh sentences for the weakest techniques out of fold (Appeal to Authority,
 * Black-and-White, Thought-terminating clichés, Whataboutism) and for bandwagon phrasing,
 * written for issue 17's prop27 round (not from any corpus; none shares a sentence with
 * technique-fixtures.ts or techniques-fresh.test.ts). They pin what the shipped model does
 * with them; what it misses is listed beside, so that a model that finds more shows here.
 */
interface Fresh {
  technique: Technique;
  text: string;
  /** The phrase a PTC annotator would mark. */
  span: string;
}

const detector = createPropagandaDetector();
const findingsOf = (text: string) => {
  const analysis = analyze(text, { detectors: [detector] });
  assertSpansConsistent(analysis);
  return analysis.findings;
};
const shown = (findings: ReturnType<typeof findingsOf>) => findings.map((f) => `${f.label}: ${f.text}`).join(' | ') || 'no findings';

/** Whether a finding of `technique` covers `cue` in `text`. */
function found(text: string, cue: string, technique: Technique): { ok: boolean; findings: string } {
  const findings = findingsOf(text);
  const at = text.indexOf(cue);
  assert.ok(at >= 0, `${cue} not in ${text}`);
  return { ok: findings.some((f) => f.start <= at && f.end >= at + cue.length && f.label === technique), findings: shown(findings) };
}

// Found by the whole detector (span and technique), in the shipped model: each phrase is a
// stock phrase of a lexicon entry marked `report`, or (only two kinds of people) a cue the
// tagger and the classifier also read.
test('fresh sentences: the detector finds these weak-technique and bandwagon phrases as their technique', () => {
  const cases: Array<[string, string, Technique]> = [
    ['Everybody knows the mayor rigged the tender, and the council pretends not to see it.', 'Everybody knows', 'Bandwagon,Reductio_ad_hitlerum'],
    ['All decent people agree that the strike must end today.', 'All decent people agree', 'Bandwagon,Reductio_ad_hitlerum'],
    // Listed in bandwagon-consensus by prop27 (each missed before: Exaggeration on "Every
    // sensible voter", nothing on "Nobody with a brain").
    ['Every sensible voter can see that the new tax is theft.', 'Every sensible voter', 'Bandwagon,Reductio_ad_hitlerum'],
    ['Nobody with a brain still believes the official figures on crime.', 'Nobody with a brain', 'Bandwagon,Reductio_ad_hitlerum'],
    ['There are only two kinds of people in this debate: patriots and traitors.', 'only two kinds of people', 'Black-and-White_Fallacy'],
    ['You can back the police or you can back the rioters, there is no third way.', 'there is no third way', 'Black-and-White_Fallacy'],
    ['The minister lost the vote. It is what it is, and life goes on.', 'It is what it is', 'Thought-terminating_Cliches'],
    ['The union complains about wages, but what about all the jobs they destroyed last year?', 'but what about all the jobs', 'Whataboutism,Straw_Men,Red_Herring'],
  ];
  for (const [text, cue, technique] of cases) {
    const r = found(text, cue, technique);
    assert.ok(r.ok, `${cue} (${technique}): ${r.findings}`);
  }
});

test('phrases that only share words with the new bandwagon terms are not reported as Bandwagon', () => {
  for (const text of ['The clinic treats anyone with a brain injury free of charge.', 'Every sensible precaution was taken, the fire chief said.', 'No one with a ticket was turned away.']) {
    const findings = findingsOf(text);
    assert.ok(!findings.some((f) => f.label === 'Bandwagon,Reductio_ad_hitlerum'), `${text}: ${shown(findings)}`);
  }
});

// Missed by the whole detector in the shipped model (prop27, 2026-12-08), for the record:
// bandwagon without a listed phrase ("Millions of ordinary families already know …":
// Loaded Language on three words); every Appeal to
// Authority below (Doubt, Causal Oversimplification or Loaded Language, or nothing);
// "Either we close the border tonight or we lose the nation forever" (Flag-Waving);
// "If you are not fighting this law, you are helping the enemy" (nothing); three of the
// four clichés; "but how about …", "but look at …" and "yet they said nothing when …"
// (Doubt, nothing, fear). The tagger finds these sentences rarely or with another label.
//
// Given the gold span, as in PTC's technique task, the classifier does better: the cases
// below come first, and every Whataboutism case is within its top three.
const GIVEN_SPAN: readonly (Fresh & { rank: 1 | 3 })[] = [
  { technique: 'Appeal_to_Authority', text: 'The Nobel laureate himself said the policy would ruin us, so who are we to argue?', span: 'The Nobel laureate himself said the policy would ruin us', rank: 1 },
  { technique: 'Appeal_to_Authority', text: 'As any doctor will tell you, the new diet is the only cure, no further questions needed.', span: 'As any doctor will tell you, the new diet is the only cure', rank: 1 },
  { technique: 'Appeal_to_Authority', text: "According to the world's top economists, the currency will collapse by spring, and they are never wrong.", span: "According to the world's top economists, the currency will collapse by spring", rank: 3 },
  { technique: 'Black-and-White_Fallacy', text: 'Either we close the border tonight or we lose the nation forever.', span: 'Either we close the border tonight or we lose the nation forever', rank: 1 },
  { technique: 'Black-and-White_Fallacy', text: 'If you are not fighting this law, you are helping the enemy.', span: 'If you are not fighting this law, you are helping the enemy', rank: 1 },
  { technique: 'Thought-terminating_Cliches', text: 'That is just the way things are, and nothing will change it.', span: 'That is just the way things are', rank: 1 },
  { technique: 'Whataboutism,Straw_Men,Red_Herring', text: 'Critics attack the general, yet they said nothing when the rebels burned the villages.', span: 'yet they said nothing when the rebels burned the villages', rank: 3 },
  { technique: 'Whataboutism,Straw_Men,Red_Herring', text: "Sure, our senator took the money, but look at the other party's scandals.", span: "but look at the other party's scandals", rank: 3 },
  { technique: 'Whataboutism,Straw_Men,Red_Herring', text: 'They accuse us of lying, but how about the lies they told about the war?', span: 'but how about the lies they told about the war', rank: 3 },
];
// Not within the top three even with the span given: "Experts at Harvard have proven …"
// (Doubt first, Authority fifth), "Some questions are better left unasked" and "facts
// don't care about your feelings" (Loaded Language first, the cliché fourth), and the three
// bandwagon sentences without a listed phrase (Bandwagon 11th to 13th of 14).

test('fresh sentences, span given: the classifier ranks the weak techniques where the shipped model puts them', () => {
  const model = defaultPropagandaModel();
  const lexicon = defaultPropagandaLexicon();
  for (const f of GIVEN_SPAN) {
    const m = buildTextModel(f.text);
    const ctx = buildFeatureContext(f.text, m.tokens, m.sentences, lexicon, model.sentiment, model.clusters, usesWordVectors(model), articleVoices(f.text, m));
    const at = f.text.indexOf(f.span);
    assert.ok(at >= 0, f.span);
    const labels = classifySpan(model, ctx, { start: at, end: at + f.span.length })!.map((r) => r.label);
    assert.ok(labels.slice(0, f.rank).includes(f.technique), `"${f.span}": ${f.technique} not within the top ${f.rank}: ${labels.slice(0, 3).join(', ')}`);
  }
});
