import assert from 'node:assert/strict';
import { test } from 'node:test';
import { asArticleParagraph } from '../../../src/eval/hate/functional.js';
import { hateVerdict } from '../../../src/detectors/hate/verdict.js';
import { ruleIds } from './rule-matches.js';
import { analyzeHate, clean, firesAndFlags, verdict } from './verdict-checks.js';

// The hate13 round, on sentences written for this test (none is in a functional suite).

/** The author-voice verdict when the text is the middle paragraph of a short news report. */
const inArticle = (text: string) => hateVerdict(analyzeHate(asArticleParagraph(text)).findings).label;

/** Each contrast is read by none of the named rules. */
function notRead(rules: readonly string[], texts: readonly string[]): void {
  for (const text of texts) for (const rule of rules) assert.ok(!ruleIds(text).includes(rule), `${rule} should not read: ${text}`);
}

test('harm to the group approved after the fact: karma, deserved, a medal, nobody should cry', () => {
  const hateful = [
    'Frankly, Hindus getting mugged on the way home is poetic justice.',
    'When gypsies get beaten up, they had it coming.',
    'Gunning down Arabs would be a public service.',
    'A couple more dead Roma would send a message.',
    'No one will lose sleep when the Hindus get driven out.',
    'Whoever beats up a Hindu should be given a medal.',
    'No court in this country would jail a man for beating Roma.',
  ];
  firesAndFlags('threat-normative', hateful);
  for (const text of hateful.slice(0, 3)) assert.equal(inArticle(text), 'hatespeech', text);
  const contrasts = [
    'Hindus getting mugged on the way home is a scandal the council ignores.',
    'When gypsies get beaten up, the police rarely follow it up.',
    'Gunning down Arabs was a war crime, the tribunal found.',
    'A couple of dead Roma were found in the river last spring.',
    'Whoever torches a Roma caravan should be given a long sentence.',
  ];
  notRead(['threat-normative'], contrasts);
  // The network alone reads the second and third (reports of attacks) as hate in a post, as it did before this round: not checked here.
  clean([contrasts[0]!, contrasts[3]!]);
  assert.equal(inArticle(contrasts[2]!), 'normal');
});

test('the world better off if someone put the group down', () => {
  firesAndFlags('internment-call', ['This town would be a better place once somebody shot the gypsies.', 'It would be a relief to everyone if the Arabs were all gassed.']);
  notRead(['internment-call'], ['This town would be a better place once somebody helped the gypsies.', 'It would be a relief to everyone if the Arabs were all housed.']);
});

test('veiled threats: a warning dressed as advice, the hard way, not long now, a reckoning, a list of addresses', () => {
  const hateful = [
    'Roma would do well to keep their heads down round here.',
    'The Hindus on Park Road might want to check under their cars.',
    'Arabs will soon find out the hard way who runs this estate.',
    "It won't be long before the gypsies wish they'd never come.",
    "There's payback coming for the Roma.",
    'I know exactly where the Hindus on our road live. Draw your own conclusions.',
    'Roma reckon they are untouchable in that camp. Think again.',
    'Cars keep catching fire near Arabs who outstay their welcome.',
  ];
  firesAndFlags('threat-veiled', hateful);
  const contrasts = [
    'Roma would do well to register early for the winter fair.',
    'The Hindus on Park Road might want to check the new bin timetable.',
    'Arabs will soon find out the results of the election.',
    "It won't be long before the gypsies open their new café.",
    'The census office knows exactly where the Hindus on our road live.',
    'Roma reckon they are safe in the new shelter, and the charity agrees.',
  ];
  notRead(['threat-veiled'], contrasts);
  clean(contrasts.slice(2));
});

test('plans for the group with a knowing remark; a street that does not forget', () => {
  firesAndFlags('threat-direct', ['My boys have something special planned for the Arabs tonight. Stay tuned.', 'Tell the Roma this estate never forgets.']);
  notRead(['threat-direct'], ['My boys have something special planned for the Arabs tonight: a dance at the club.']);
});

test('a call after a first sentence: turn up armed, drive through them, make them leave by force', () => {
  const hateful = [
    'Hindus are celebrating at the temple on Friday. Show up with iron bars.',
    'The Roma are parading through the square at noon. Plough straight into the marchers.',
    'Arabs still own the shop by the station. Force them out by any means.',
  ];
  firesAndFlags('call-after-mention', hateful);
  for (const text of hateful) assert.equal(inArticle(text), 'hatespeech', text);
  const contrasts = [
    'Hindus are celebrating at the temple on Friday. Show up with sweets.',
    'The Roma are parading through the square at noon. Drive round the ring road instead.',
    'Arabs still own the shop by the station. Pop in for the baklava.',
  ];
  notRead(['call-after-mention'], contrasts);
  clean(contrasts);
});

test('active conspiracy: a colony, laws imposed on us, posts filled with their own, homes priced out', () => {
  const hateful = [
    'Hindus are scheming to make Britain into their own province.',
    'Muslims buy up the corner shops so they can impose their customs on everyone.',
    'Jews keep stuffing the civil service with their own kind.',
    'Arabs snap up every flat in the harbour so local families can never afford one.',
  ];
  firesAndFlags('trope-plot', hateful);
  const contrasts = [
    'Hindus are planning to make the old chapel into a yoga studio.',
    'Muslims took over the corner shops so they can open late for the night shift.',
    'Jews keep filling the food bank shelves with tins from their own cupboards.',
  ];
  notRead(['trope-plot'], contrasts);
  clean(contrasts);
});

test('implied derogation: shunning praised as sense, "might as well" after the group is put in charge, money watched to vanish', () => {
  firesAndFlags('derogation-insinuation', [
    'My grandad changes seats whenever Roma get on the bus. Wisest man I know.',
    'Our cat hisses every time Arabs come to the door. Clever cat.',
    'Hindus are doing the church accounts now. Watch the donations disappear.',
  ]);
  firesAndFlags('derogation-implied-advice', ['Gypsies running the post office now? Might as well post your pension straight to the crooks.']);
  const contrasts = [
    'My grandad changes seats whenever the sun hits the window. Wisest man I know.',
    'My grandad bakes for the Roma family next door every Sunday. Kindest man I know.',
    'Hindus are doing the church accounts now, and you can see where the money goes online.',
    'Gypsies running the post office now? Might as well ask them about the parcels too.',
  ];
  notRead(['derogation-insinuation', 'derogation-implied-advice'], contrasts);
  clean(contrasts);
});

test('negated positives and comparisons: not an ounce of, same rights as normal people, not racist to say, more humanity in a dog', () => {
  firesAndFlags('derogation-negated-positive', [
    "I can't believe Arabs have a scrap of honesty.",
    'We do not accept that Roma should get the same rights as ordinary citizens.',
    "It isn't bigotry to say Hindus are liars.",
    "Couldn't name one useful thing Roma have ever contributed.",
  ]);
  firesAndFlags('derogation-comparison', ['You will find more decency in a dog than in Arabs.', 'Trusting Roma with the till is like letting foxes guard the henhouse.']);
  firesAndFlags('generalisation-criminal', ['Roma are basically criminal.']);
  const contrasts = [
    "I can't believe Arabs are treated so badly.",
    'We do not accept that Roma should get worse care than ordinary citizens.',
    "It isn't bigotry to say Hindus are underpaid.",
    'There is more decency in one Roma family than in the whole cabinet.',
    'Roma are criminal lawyers at the firm.',
  ];
  notRead(['derogation-negated-positive', 'derogation-comparison', 'generalisation-criminal'], contrasts);
  // The network alone reads the praise of a Roma family as hate in a post (as before this round): not checked here.
  clean(contrasts.slice(0, 3));
});

test('counter-speech: "says more about you", hinting named as intimidation, a quoted slogan nobody backed', () => {
  clean([
    'Calling Roma thieves says a lot more about the speaker than about Roma.',
    'Implying that Hindus should watch their backs is harassment.',
    'Some bloke shouted "Arabs are vermin" in the pub and not one person laughed.',
    'A man yelled "gypsies are scum" at the market, and stallholders told him to leave.',
  ]);
  // The same quote endorsed is still hate in the author's voice.
  assert.equal(verdict('Some bloke shouted "Arabs are vermin" in the pub, and he was right.'), 'hatespeech');
});

test('calls opened by arming or taking matters into our own hands; harassment until none is left; a last summer', () => {
  firesAndFlags('expulsion-call', [
    "The courts won't act. It's time to take matters into our own hands and run the Hindus out.",
    'Grab your bats and chase the Arabs off the allotments.',
    'Hassle the gypsies until every last one of them has moved out.',
  ]);
  firesAndFlags('threat-veiled', ['Arabs had better enjoy this Eid. It may be their last one on this street.']);
  const contrasts = [
    'Take matters into your own hands and drive the Hindus to the polling station yourself.',
    'Hassle the council until the gypsies get a proper site.',
    'Arabs had better enjoy this Eid. It may be their last before the mosque closes for repairs.',
  ];
  notRead(['expulsion-call', 'threat-veiled'], contrasts);
  // The network alone reads the third as hate in a post (before this round too); in an article it is clean.
  clean(contrasts.slice(0, 2));
  assert.equal(inArticle(contrasts[2]!), 'normal');
});

test('a place full of the group that nobody walks after dark; no say for the group; the sight of them fills me with rage', () => {
  firesAndFlags('derogation-comparison', ['Another town overrun by Arabs. Another town nobody feels safe in at night.']);
  firesAndFlags('derogation-negated-positive', ['Hindus should be given no vote in this country.']);
  firesAndFlags('derogation-opinion', ['Seeing Roma outside the library every morning fills me with loathing.']);
  const contrasts = ['A hall full of Arabs, and nobody walks home hungry.', 'Seeing Roma outside the library every morning fills me with hope.'];
  notRead(['derogation-comparison', 'derogation-opinion'], contrasts);
  // The network alone reads the first as hate, as it did before this round: only the rules are checked on it.
  clean(contrasts.slice(1));
});
