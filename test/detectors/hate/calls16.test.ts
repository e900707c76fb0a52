import assert from 'node:assert/strict';
import { test } from 'node:test';
import { asArticleParagraph } from '../../../src/eval/hate/functional.js';
import { hateVerdict } from '../../../src/detectors/hate/verdict.js';
import { analyzeHate, clean, firesAndFlags } from './verdict-checks.js';

// The hate16 round (calls to action after an ordinary sentence, veiled and normative threats), on
// sentences written for this test: none is in a functional suite or a rule's examples.

/** The author-voice verdict when the text is a paragraph of a short news article (sentence by sentence, network held back). */
const inArticle = (text: string) => hateVerdict(analyzeHate(asArticleParagraph(text)).findings).label;

test('a call to drive out, ban or deport the group after an ordinary sentence, in many frames', () => {
  const calls = [
    'The allotment flooded again. Let\'s run the Arabs off the common for good.',
    'Just back from the chippy. Who\'s up for booting Hindus out of the village?',
    'Got new glasses today. Someone please deport the Roma, every last one.',
    'Cold out there. Lads, grab your coats and help us turf the gypsies off the estate.',
    'Nice walk with the dog. Time we stopped Muslims from ever setting foot in this town.',
    'The bakery sold out by ten. Everyone should refuse Jews service, simple as that.',
  ];
  firesAndFlags('call-removal', calls);
  // The same call in the middle of a news article: the second sentence is read on its own.
  for (const text of calls) assert.equal(inArticle(text), 'hatespeech', text);
});

test('calls that move the group to safety or out for the day, calls against others, and reports of calls stay clean', () => {
  clean([
    'Storm warning. Someone should move the Hindus off the towpath before the river rises.',
    'Busy week. Let\'s kick the drug gangs out of our estate for good.',
    'Leaflets urging people to drive Roma out of the village were found at the station.',
    'The court heard he told a crowd to deport Muslims.',
    'Roma should watch out for ice on the bridge this morning.',
    'Things will get easier for Arabs if the new bus route opens.',
    'It would be right to give Hindus a bigger hall.',
    'Beating Muslims is a crime, and the men who did it will go to prison.',
    'There\'s nothing wrong with helping the Roma fill in their forms.',
    'Saying it would be right to deport Jews is how it starts.',
  ]);
});

test('veiled threats by advice, by a harm that waits on the group staying, and normative threats', () => {
  firesAndFlags('threat-veiled-hint', ['The Roma next door ought to start watching their backs.', 'Hindus had better rethink living on this road.']);
  firesAndFlags('threat-veiled-conditional', ['Things will turn nasty for Hindus if they stick around.', 'Something bad will happen to the Arabs if they don\'t leave by spring.']);
  firesAndFlags('threat-normative-approval', ['Beating Muslims would be long overdue.', 'Anyone who attacks Hindus has our full backing.', 'Honestly, it is perfectly acceptable to evict the Roma.']);
  firesAndFlags('threat-normative-approval', ['The council has every right to expel the Hindus.', 'Whoever beats up Arabs is doing this country a service.']);
  firesAndFlags('threat-veiled-hint', ['Shame if the Roma came home to their caravans burnt out.']);
  clean(['Anyone who attacks Roma is doing the far right a favour.', 'Hindus have every right to worship here.']);
  firesAndFlags('threat-normative-denied', ['There\'s nothing wrong with hounding Roma out of town.', 'Kicking Arabs isn\'t a crime, whatever the police say.']);
  // A harm that is itself denied is no threat.
  clean(['Nothing bad will happen to the Arabs if they stay, the mayor promised.', 'It is never acceptable to evict the Roma.']);
});
