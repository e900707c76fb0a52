import assert from 'node:assert/strict';
import { test } from 'node:test';
import { asArticleParagraph } from '../../../src/eval/hate/functional.js';
import { hateVerdict } from '../../../src/detectors/hate/verdict.js';
import { benignGuards, ruleIds } from './rule-matches.js';
import { analyzeHate, clean, firesAndFlags, verdict } from './verdict-checks.js';

// The hate11 round, on sentences written for this test (none is in a functional suite).

/** The author-voice verdict when the text is the middle paragraph of a short news report. */
const inArticle = (text: string) => hateVerdict(analyzeHate(asArticleParagraph(text)).findings).label;

test('a homonym guard frees only the slur whose ordinary sense it reads', () => {
  // The cigarette guard ("a pack of", "... end") used to free any slur next to its words.
  for (const text of ['Honestly, a pack of greasy kikes runs that market.', 'We stopped selling to spics at the end of the summer.', 'Keep those wetbacks out, end of.']) {
    assert.ok(ruleIds(text).includes('slur-hateful'), text);
    assert.equal(verdict(text), 'hatespeech', text);
  }
  // "build the wall" is no embankment for "illegals": the slur stays a group mention.
  assert.ok(ruleIds('Finish the wall and send the illegals home.').includes('slur-offensive'));
  // Each ordinary sense still frees its own word.
  clean(['Can I cadge a fag off you before the bus comes?', 'Grandma served faggots with onion gravy on Sunday.', 'The old coon hound slept under the porch.', 'The Dutch raised the dyke after the flood of 1953.', 'The bitch whelped eight pups in the kennel overnight.', 'A chink of light showed under the shed door.', 'The salt retards the rot in the timber.', "That's the first time in a coon's age I've seen him smile.", 'Pop out for a fag break, mate?']);
});

test('"sick of seeing ..." is counter-speech only when the group is mistreated after it', () => {
  firesAndFlags('slur-hateful', ["I'm so sick of seeing yids in the high street."]);
  clean(["I'm sick of seeing Roma turned away from every campsite.", "We are tired of seeing refugees blamed for the housing shortage."]);
});

test('a negation that silences the saying does not negate the claim', () => {
  firesAndFlags('dehumanisation-vermin', ['Why is nobody allowed to admit that Gypsies are vermin?', 'Nobody dares to say it, but Arabs are parasites.', 'Asylum seekers again on the news. Nobody will say what they really are: locusts.']);
  // (Provenance reads "no one is allowed to say that ..." and "No one's saying what ..." as
  // reported speech, so those findings are in the reported voice, not the author's.)
  // A plain negation keeps its sense.
  clean(['Nobody says Arabs are parasites.', 'No one thinks Gypsies are vermin.', 'Nobody will say Arabs are parasites.']);
});

test('rhetorical questions and opinions that deny the group a virtue or a place', () => {
  firesAndFlags('derogation-question', [
    'Does anybody really think Hindus are capable of kindness?',
    'Who ever said gay people were fit to adopt?',
    'What use have Hispanics ever been to this county?',
    'Why should ordinary families have to live among Roma?',
    'Or are the Arabs just getting more greedy by the day?',
  ]);
  firesAndFlags('derogation-negated-positive', [
    "I don't believe Muslims are capable of gratitude.",
    'Nobody with a brain would call Jews honest.',
    'Gypsies are no better than rats.',
    "Refugees aren't wanted here and never will be.",
    "You'll never find Asians who weren't cheats.",
    'There is absolutely nothing decent about Arabs.',
    'Hindus do not deserve equal rights with the rest of us.',
  ]);
  firesAndFlags('expulsion-call', ['Migrants should never have been let into this country.']);
  firesAndFlags('generalisation-insult', ['Blacks are the scum of the earth.', 'Jews are getting ever more arrogant.', 'Gypsies are lazier than anyone else in the county.']);
  // The same frames with praise, a neutral question or a denial stay clean.
  clean([
    'Does anybody really think the new stadium will be ready by June?',
    'What good have Hispanics done for this county? Plenty, if you look at the clinic.',
    "I don't think Muslims are to blame for the closure.",
    "I don't believe immigrants are criminals.",
    'Nobody with a brain would call the plan finished.',
    'Why should ordinary families have to pay more for bread?',
    'No, Jews are not less honest than anybody else.',
  ]);
});

test('veiled menace in the third person and normative threats', () => {
  firesAndFlags('threat-direct', [
    'The Roma down by the canal had better watch their backs after Friday.',
    'Something is coming for the Hindus on our estate.',
    'We know exactly where the Arabs on this road live.',
    'The asylum seekers will soon find out what happens to people like them.',
    "I'll be waiting at the station for the Muslims with a bat.",
  ]);
  firesAndFlags('threat-normative', ['Somebody ought to line the Jews up against a wall.', 'A good beating is exactly what gay people deserve.', 'The only sensible answer would be to shoot the migrants.']);
  firesAndFlags('internment-call', ['The only real policy for Roma is mass expulsion.', 'What those Arabs deserve is a cage.', "Wouldn't the country be safer without Muslims?"]);
  // Friendly or plain uses of the same words.
  clean(['Migrants wait to see what happens to their claims.', 'Somebody ought to line the shelves up against the wall.', 'Winter is coming for the farmers, and the harvest is late.']);
});

test('passive plots with a modified subject, insinuation after the group is let in, and emotion frames', () => {
  firesAndFlags('trope-control', ['The entire pandemic was dreamed up by Jews.', 'Our traditions are being slowly erased by Muslims.', 'The real decisions in this country are taken by Jews.']);
  firesAndFlags('derogation-insinuation', ['The school took in Roma last year. Exam results fell, surprise surprise.', 'Half the tram was refugees again. I got off at the next stop.', 'Two sheds broken into. Oh and by the way, Gypsies live round the corner.']);
  firesAndFlags('derogation-emotion', ['My whole body recoils from Hindus.', 'Jews fill me with a deep, quiet loathing.']);
  firesAndFlags('derogation-opinion', ['Nothing ruins my day quicker than meeting Arabs on the stairs.']);
  clean(['The pandemic was tracked by Jewish doctors at the clinic.', 'The school took in Roma last year, and the choir has never been better.', 'I crossed the road to help the refugees with their bags.']);
});

test('counter-speech and negated calls stay clean, with the network too', () => {
  clean([
    "If you believe Hindus should be beaten, you're the problem here.",
    'Hatred of Roma has no place at this school.',
    'Jews never did anything to earn this treatment.',
    "I'd never tell Arabs to go home; this is their home.",
    'Nobody here wants the refugees deported.',
    'Defending Muslims is basic decency, not politics.',
    'My Hindu neighbours are sharp as tacks and kind as anything.',
  ]);
  // News and charity sentences in the frames of the new rules.
  for (const text of [
    'We know exactly where the refugees on this road live, and we bring them food every week.',
    'The best thing would be to remove the refugees from the camp to safety.',
    'We need to get the refugees out of the town before the floods arrive.',
    'What refugees need is camps with proper sanitation.',
    'Refugees did not deserve the treatment they got.',
    'The council housed refugees in the hotel. Predictably, the tabloids went wild.',
    'Hindus have destroyed the old shrine, the report said.',
  ]) {
    assert.equal(inArticle(text), 'normal', text);
  }
  assert.ok(benignGuards('Jews never did anything to earn this treatment.').includes('benign-group-as-patient'));
  assert.ok(benignGuards('Latinos would vote for the governor again.').includes('benign-group-as-patient'));
});

test('a negative question that presupposes a failing, and a basic contribution denied', () => {
  firesAndFlags('derogation-question', ["Why can't Hindus ever learn to behave?", "Why don't the Roma ever pay their way?"]);
  firesAndFlags('derogation-negated-positive', ['Gypsies have never paid a penny in tax.', 'Arabs have never done a proper day\'s work.']);
  clean(["Why can't Muslims get visas any more?"]);
  // The rule leaves a neutral complaint alone (the network flags it, as it did before this round).
  assert.ok(!ruleIds("Why don't refugees get a job offer faster? The paperwork takes months.").includes('derogation-question'));
});

test('in an article the rules read what only the network read before', () => {
  for (const text of ["Gypsies don't deserve the same rights as the rest of us.", 'The only thing to do is get the Arabs out of our town.', 'Chase the Roma into the canal, I say.', 'Hispanics lie through their teeth, it is in their blood.']) {
    assert.equal(inArticle(text), 'hatespeech', text);
  }
  for (const text of ['Latinos would vote for the governor again, the poll found.', 'Hispanic families voted early in the county.']) {
    assert.equal(inArticle(text), 'normal', text);
  }
});
