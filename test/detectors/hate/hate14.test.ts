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

test('emotion without the usual frame: every cell of my body, all I feel, the mere presence, no subject', () => {
  firesAndFlags('derogation-emotion', [
    'Every cell in my body detests Arabs.',
    'Contempt is all I feel around Roma.',
    'The very presence of Arabs at the school gates turns my stomach.',
    "Literally can't bear Hindus, never could.",
  ]);
  notRead(['derogation-emotion'], ['The very presence of Arabs at the school gates made the fete feel welcoming.']);
  firesAndFlags('derogation-hate-expression', ['Words cannot describe how much I loathe Hindus.']);
  clean(['Words cannot describe how much I love my Hindu friends.']);
});

test('negated positives: nothing likeable about, you will never convince me, devoid of decency, I could not call them honest', () => {
  firesAndFlags('derogation-negated-positive', [
    "There's not one thing likeable about Arabs.",
    "You'll never convince me the Roma are trustworthy.",
    'Hindus are devoid of any decency.',
    "I couldn't call Arabs honest.",
  ]);
  notRead(['derogation-negated-positive'], ['Hindus in the shelter lack basic hygiene products.', 'There is nothing strange about Arabs fasting.']);
});

test('questions: does anybody else find them vile, what made them so, who would mourn them, a reason not to ban them', () => {
  firesAndFlags('derogation-question', [
    "Doesn't anybody else think Roma are vile?",
    'What made Arabs so useless?',
    'Who would mourn the Hindus if they disappeared?',
    'Is there one good reason not to ban Arabs?',
  ]);
  notRead(['derogation-question'], ['Does anybody else think Roma are brilliant cooks?', 'Is there one good reason not to hire Arabs?', 'Who would mourn the Hindus if they moved to the coast?']);
  firesAndFlags('generalisation-insult', ['Arabs are the whole reason this city has gone to pot.', 'Roma should have no right to vote.']);
  notRead(['generalisation-insult'], ['Roma are the reason this city has a carnival.']);
});

test('counter-speech: whoever says, lost their humanity, a claim called a lie in the next sentence', () => {
  clean([
    'Whoever says Arabs are rats has obviously never met any.',
    'Anyone who wants Hindus dead has lost their humanity.',
    'Some people say the Roma run the banks. It is nonsense.',
  ]);
  assert.equal(verdict('Some people say the Roma run the banks, and they are right.'), 'hatespeech');
});

test('the network: a panel of the group, superlative praise', () => {
  for (const text of ['Our panel of Hindus will choose the winning cake.', 'Roma I have met are among the warmest people I know.']) {
    assert.ok(benignGuards(text).length > 0, text);
  }
  clean(['Our panel of Hindus will choose the winning cake.']);
});

test('implied derogation by sarcasm: an unlikely pair, for once, famous for their honesty, trouble follows them', () => {
  firesAndFlags('derogation-insinuation', [
    'Arabs and table manners: pick one.',
    'The Hindus on the council did something productive for once.',
    'Ah yeah, Arabs, well known for their gratitude.',
    'Wherever Hindus move, filth follows them.',
    'Arabs are enriching the high street with acid attacks.',
    'Imagine expecting Hindus could ever assimilate.',
    'Time was when you could sit in the park without stepping over Arabs.',
    'Hindus looking after the church roof fund. Might as well shred the cheques.',
  ]);
  notRead(['derogation-insinuation'], [
    'Arabs and table manners are the theme of the cookery class.',
    'Wherever Hindus move, a temple follows.',
    'Arabs are enriching the high street with bakeries.',
    'Time was when you could sit in the park and watch the Arabs play chess.',
  ]);
});

test('normative threats: deserve to be chased out, finish what history started, the places where they meet, a final answer', () => {
  firesAndFlags('threat-normative', [
    'Arabs deserve to be mocked and hounded out of the village.',
    'Someone has to finish the job on the Hindus once and for all.',
    'People should burn the shops where the Arabs work.',
    'The answer to the Hindu question must be a final one.',
    'Petitions are useless against the Arabs. Snapped necks will do it.',
  ]);
  notRead(['threat-normative'], [
    'Someone has to finish the job on the Hindu temple roof before winter.',
    'People should visit the shops where the Arabs work.',
    'The answer to the Hindu festival question is a final rota by Friday.',
  ]);
  firesAndFlags('death-wish', ['The Arabs would be much better off dead.']);
  firesAndFlags('expulsion-call', ['Strip the Hindus of their property and send them packing.', 'Everyone should shun Arabs until they all leave.']);
  firesAndFlags('threat-veiled', ["One day soon the Arabs won't be able to say they weren't warned."]);
});

test('the network: what the group deserves in kindness', () => {
  for (const text of ['Refugees deserve to be listened to.', 'Asylum seekers need to be housed properly.']) assert.ok(benignGuards(text).includes('benign-praise'), text);
  clean(['Refugees deserve to be listened to.']);
});

test('contrasts found on the spent suites: a sanction wished on whoever wrote it, and kindness the group is denied', () => {
  clean(['Whoever posted that Hindus deserve to be beaten up should lose their seat.']);
  assert.equal(verdict('Not one of the Hindus deserves any sympathy.'), 'hatespeech');
});
