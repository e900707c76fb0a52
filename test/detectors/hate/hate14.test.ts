import assert from 'node:assert/strict';
import { test } from 'node:test';
import { benignGuards, ruleIds } from './rule-matches.js';
import { analyzeHate, clean, firesAndFlags, verdict } from './verdict-checks.js';

// The hate14 round, on sentences written for this test (none is in a functional suite or a rule's examples).

/** Each contrast is read by none of the named rules. */
function notRead(rules: readonly string[], texts: readonly string[]): void {
  for (const text of texts) for (const rule of rules) assert.ok(!ruleIds(text).includes(rule), `${rule} should not read: ${text}`);
}

test('a belief in the group\'s virtue mocked as folly derogates the group; the same frame round an insult is counter-speech', () => {
  firesAndFlags('derogation-opinion', [
    'Everybody who says Arabs are trustworthy is deluded.',
    'You would have to be a complete moron to think Hindus are clean.',
    'If you genuinely believe Roma are law-abiding then you are off your rocker.',
  ]);
  firesAndFlags('derogation-negated-positive', ['Folks who reckon Hindus are generous have plainly never worked with one.']);
  clean([
    'Everybody who says Arabs are terrorists is deluded.',
    'You would have to be a complete moron to think Hindus are dangerous.',
    'Folks who reckon Hindus are greedy have plainly never worked with one.',
    'Only a fool would call the Roma thieves.',
    'Anyone who thinks Arabs are less honest than the rest of us is a fool.',
  ]);
  firesAndFlags('derogation-opinion', ['Only a fool would call the Roma honest.']);
});

test('veiled threats: enjoy it while they can, a knowing lead, the day is coming, a visit after dark', () => {
  firesAndFlags('threat-veiled', [
    'The Hindus can enjoy their quiet little street while it lasts.',
    'Let me put it this way: the Roma will not be here for long.',
    'It is about to get really nasty for Arabs round here, mark my words.',
    'The day will soon come when the Roma pay for all of it.',
    'We might give the Hindus a house call late at night.',
    'When the fighting starts, Arabs will be first against the wall.',
    'We have been kind to the Roma for years. Our patience is wearing thin.',
  ]);
  notRead(['threat-veiled'], [
    'The Hindus can enjoy the bank holiday weekend while it lasts.',
    'Let me put it this way: the Roma will love the new library.',
    'It is about to get really busy for Arabs at the airport this summer.',
    'The day will soon come when the Roma have their own radio station.',
    'We have been kind to the Roma for years and they have been kind to us.',
  ]);
});

test('normative threats: high time they were rounded up, a punishment brought back for the group, a wall as policy', () => {
  firesAndFlags('threat-normative', [
    'It is past time the Arabs were driven out.',
    'Reintroduce the birch, beginning with the Roma.',
    'Rounding the Hindus up would be the quickest fix.',
    'No one will lift a finger to help the Roma once the riots start.',
  ]);
  notRead(['threat-normative'], [
    'It is past time the Arabs were given a proper community centre.',
    'Reintroduce the night bus, beginning with the Roma estates.',
    'Rounding the Hindus up for the team photo took an hour.',
  ]);
});

test('profanity at a group without a verb, and damn at the start of a sentence', () => {
  for (const text of ['Arabs? Dickheads, every last one.', 'Damn the Roma and their moaning.']) {
    assert.ok(ruleIds(text).includes('profanity-group'), text);
    assert.equal(verdict(text), 'offensive', text);
  }
  clean(['Arabs? Heroes, every last one.', 'Damn, the Roma band was good last night.']);
});

test('emotion: hatred grown out of dislike, feeling dirty after meeting the group', () => {
  firesAndFlags('derogation-emotion', [
    'Sharing a flat with Arabs turned my mistrust into real hatred.',
    'Sat beside some Roma on the train and felt filthy for hours.',
  ]);
  notRead(['derogation-emotion'], ['Sat beside some Roma on the train and felt filthy after the muddy walk.', 'Sharing a flat with Arabs turned my mistrust into friendship.']);
});

test('a redeeming quality denied is a negated positive, not a denied belief', () => {
  firesAndFlags('derogation-negated-positive', ["I don't believe Arabs have any redeeming qualities.", 'The Roma have zero redeeming features.']);
  clean(['Roma have many redeeming qualities, whatever the papers say.']);
});

test('a takeover of every town or country, with a group word in the gap', () => {
  firesAndFlags('replacement', ['Arabs are steadily taking over every Hindu village.']);
  notRead(['replacement'], ['Arabs are taking over the running of the cafe.']);
});

test('a group word with stretched letters is read as the group', () => {
  assert.equal(verdict('Hinduuuus are vermin'), 'hatespeech');
  assert.equal(verdict('Hinduuuus are lovely'), 'normal');
});

test('a passing state of the body is not an insult, to the rules and to the network', () => {
  clean(['The Roma came back soaked and filthy from the flood clean-up.', 'Arabs at the border were exhausted and dirty after days on foot.']);
  assert.ok(benignGuards('Arabs at the border were exhausted and dirty after days on foot.').includes('benign-bodily-state'));
  assert.equal(verdict('Arabs are sneaky and dirty.'), 'hatespeech');
});

test('an endorsement of the sanction is not an endorsement of the quoted hate', () => {
  const text = 'Posting "Roma are rats" got her the sack, and rightly so.';
  const findings = analyzeHate(text).findings.filter((f) => f.kind === 'hate');
  assert.ok(!findings.some((f) => f.voice === 'author'), JSON.stringify(findings.map((f) => f.voice)));
  // Endorsing the quote itself still makes an author-voice finding.
  assert.equal(verdict('My uncle always said "Roma are rats", and he was spot on.'), 'hatespeech');
});

test('the network: speaking up for the group, hatred of the group as a subject, the group asked in a survey', () => {
  for (const text of ['We will keep speaking out for Hindus while the abuse goes on.', 'Prejudice against Roma festers when nobody says anything.', 'The census asked Arabs how many rooms their homes had.']) {
    assert.ok(benignGuards(text).length > 0, text);
    assert.equal(verdict(text), 'normal', text);
  }
});
