import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertSpansConsistent, assertVoicesPartition } from '../helpers.js';
import { provenanceOf, quoteWith, speakerOf } from './helpers.js';

test('a cue the tagger reads as an adjective is still a cue before a that-clause or an infinitive, not before a noun', () => {
  const a = provenanceOf('Mr. Haldane alleged that the tender had been rigged from the start.');
  assert.equal(quoteWith(a, 'rigged')?.text, 'that the tender had been rigged from the start');
  assert.equal(speakerOf(a, quoteWith(a, 'rigged'))?.name, 'Haldane');
  const b = provenanceOf('Later that week, Ilse Moreau was 200 miles away in Lyon, promising to reopen the rail depot.');
  assert.equal(quoteWith(b, 'rail depot')?.text, 'to reopen the rail depot');
  assert.equal(speakerOf(b, quoteWith(b, 'rail depot'))?.name, 'Ilse Moreau');
  const c = provenanceOf('The alleged forger was released on bail.');
  assert.equal(c.quotes.length, 0);
});

test('the subject before a dashed aside speaks: "The judge -- who … -- said"', () => {
  const a = provenanceOf('The harbour master -- who has clashed with the council for years -- said the quay would close in June.');
  assert.equal(quoteWith(a, 'quay')?.text, 'the quay would close in June');
  assert.equal(speakerOf(a, quoteWith(a, 'quay'))?.name, 'The harbour master');
  assertSpansConsistent(a);
});

test('the agent of a passive cue is who speaks, when what was said follows it', () => {
  const a = provenanceOf('On Sunday, Vidal was asked by host Rosa Lind whether the strike would end soon.');
  assert.equal(quoteWith(a, 'strike')?.text, 'whether the strike would end soon');
  assert.equal(speakerOf(a, quoteWith(a, 'strike'))?.name, 'Rosa Lind');
  const b = provenanceOf('Police had watched the man after being warned by the port authority that he was armed.');
  assert.equal(speakerOf(b, quoteWith(b, 'armed'))?.name, 'the port authority');
  // An appositive after the agent is not what was said.
  const c = provenanceOf('The closure was confirmed by the Quay Trust, the charity she founded in 1990.');
  assert.equal(quoteWith(c, 'charity'), undefined);
  for (const x of [a, b]) {
    assertSpansConsistent(x);
    assertVoicesPartition(x);
  }
});

test('a passive question names its topic: "when asked about X", "whenever asked about X"', () => {
  const a = provenanceOf('“Nobody gets it right every time,” Ortega said when asked about the new exam rules.');
  assert.equal(quoteWith(a, 'exam rules')?.text, 'the new exam rules');
  assert.equal(quoteWith(a, 'exam rules')?.speakerId, null);
  const b = provenanceOf('Whenever asked about the deficit, the ministers changed the subject.');
  assert.equal(quoteWith(b, 'deficit')?.text, 'about the deficit');
  assert.equal(b.quotes.some((q) => q.text.includes('changed the subject')), false);
});

test('a participle cue takes the main clause\'s subject, not that of a subordinate clause opening the sentence', () => {
  const a = provenanceOf('While the dockers push for higher pay, Mr. Ferreira has won over voters by promising to freeze port fees.');
  assert.equal(speakerOf(a, quoteWith(a, 'port fees'))?.name, 'Ferreira');
  // With no comma before the cue, the cue is inside the opening clause.
  const b = provenanceOf('When Ms. Okoye spoke on the radio and angered farmers by suggesting the subsidy would end, her party lost ground.');
  assert.equal(speakerOf(b, quoteWith(b, 'subsidy'))?.name, 'Okoye');
});

test('doubled apostrophes (\'\') are one quotation mark: a naming cue keeps the whole quotation, and reported content stops before the next sentence\'s quote', () => {
  const a = provenanceOf("Ms. Pruitt called her rival ''rigid and oddly rehearsed.''");
  assert.equal(quoteWith(a, 'her rival')?.text, "her rival ''rigid and oddly rehearsed.''");
  const b = provenanceOf("The ministry also urged the bakers to do more. ''We need them,'' an aide said.");
  assert.equal(quoteWith(b, 'do more')?.text, 'to do more');
  assert.equal(speakerOf(b, quoteWith(b, 'We need them'))?.name, 'an aide');
  for (const x of [a, b]) {
    assertSpansConsistent(x);
    assertVoicesPartition(x);
  }
});

test('a described subject with hyphenated modifiers, an emphatic reflexive, or a long appositive closed by a dash still speaks', () => {
  const a = provenanceOf('The self-styled reformer said she would win the county if turnout were high.');
  assert.equal(speakerOf(a, quoteWith(a, 'win the county'))?.name, 'The self-styled reformer');
  const b = provenanceOf('The ministry itself said the contract was still valid.');
  assert.equal(speakerOf(b, quoteWith(b, 'contract'))?.name, 'The ministry');
  const c = provenanceOf('Pia Lorenz, head of the tenants group Homes First, or HF - which was set up in 2011 and which backs the mayor - said the rent cap has several gaps.');
  assert.equal(quoteWith(c, 'rent cap')?.text, 'the rent cap has several gaps');
  assert.equal(speakerOf(c, quoteWith(c, 'rent cap'))?.name, 'Pia Lorenz');
});

test('"add" and "claim" with a possessed or indefinite object gain something; with a clause after it they report', () => {
  const a = provenanceOf('Ms. Lindqvist won again on Tuesday, claiming her fourth victory in the string of regional contests.');
  assert.equal(quoteWith(a, 'fourth victory'), undefined);
  const b = provenanceOf('The singer adds a new title to her long resume this year.');
  assert.equal(quoteWith(b, 'new title'), undefined);
  const c = provenanceOf('The developer claims his company is worth more than the city budget.');
  assert.equal(quoteWith(c, 'worth more')?.text, 'his company is worth more than the city budget');
  assert.equal(speakerOf(c, quoteWith(c, 'worth more'))?.name, 'The developer');
});

test('"VERB its object as “…”" is an evaluation in the subject\'s words, whatever the verb', () => {
  const a = provenanceOf('Union leader Mira Sand dismissed the whole row as “theatre for the cameras.” Her members agreed.');
  const q = quoteWith(a, 'whole row');
  assert.equal(q?.text, 'the whole row as “theatre for the cameras.”');
  assert.equal(q?.kind, 'indirect');
  assert.equal(speakerOf(a, q)?.name, 'Mira Sand');
  assert.equal(speakerOf(a, quoteWith(a, 'theatre for'))?.name, 'Mira Sand');
  const b = provenanceOf('Premier Tomas Vik hailed the accord with the fishing towns as a “fresh start.”');
  assert.equal(quoteWith(b, 'accord')?.text, 'the accord with the fishing towns as a “fresh start.”');
  assert.equal(speakerOf(b, quoteWith(b, 'accord'))?.name, 'Tomas Vik');
  // "such as", "known as", a verb with no object: no evaluation.
  const c = provenanceOf('The files held words such as “tender” and “bribe.” The band is known as “The Low Tides” in town. She served as “acting chair” for a year.');
  assert.equal(c.quotes.filter((x) => x.kind === 'indirect').length, 0);
  for (const x of [a, b, c]) {
    assertSpansConsistent(x);
    assertVoicesPartition(x);
  }
});

test('"VERB its object for/of doing “…”" is the subject\'s evaluation too, doubled apostrophes included', () => {
  const a = provenanceOf('Mayor Ruth Ames criticised the newly elected sheriff Dan Cole for making “wild promises”.');
  const inner = a.quotes.find((x) => x.text === 'wild promises');
  assert.equal(inner?.kind, 'direct');
  assert.equal(speakerOf(a, inner)?.name, 'Ruth Ames');
  assert.equal(quoteWith(a, 'sheriff')?.text, 'the newly elected sheriff Dan Cole for making “wild promises”');
  assert.equal(speakerOf(a, quoteWith(a, 'sheriff'))?.name, 'Ruth Ames');
  const b = provenanceOf("Ms. Okafor accused him of having a ''taste for secrecy.''");
  assert.equal(quoteWith(b, 'him of')?.text, "him of having a ''taste for secrecy.''");
  assert.equal(speakerOf(b, quoteWith(b, 'him of'))?.name, 'Okafor');
  // A preposition with no gerund after it is no evaluation.
  const c = provenanceOf('The club thanked the staff for the “Summer Fair” last week.');
  assert.equal(c.quotes.filter((x) => x.kind === 'indirect').length, 0);
  assertSpansConsistent(a);
  assertSpansConsistent(b);
});

test('a promise, claim or warning as a noun takes its that-clause or infinitive as what was said, and its possessor as speaker', () => {
  const a = provenanceOf('Ines Alves won the valley with her promise to rebuild the old rail line.');
  assert.equal(quoteWith(a, 'rail line')?.text, 'to rebuild the old rail line');
  assert.equal(speakerOf(a, quoteWith(a, 'rail line'))?.name, 'Ines Alves');
  const b = provenanceOf("Critics mocked Mr. Dahl's claim in March that the budget was balanced.");
  assert.equal(quoteWith(b, 'budget')?.text, 'that the budget was balanced');
  assert.equal(speakerOf(b, quoteWith(b, 'budget'))?.name, 'Dahl');
  const c = provenanceOf('The ministry pushed back against claims by the auditors that the grants were misused.');
  assert.equal(speakerOf(c, quoteWith(c, 'grants'))?.name, 'the auditors');
  const d = provenanceOf('Since 2010, Mr. Dahl has repeatedly made public promises to give the profits to charity.');
  assert.equal(speakerOf(d, quoteWith(d, 'profits'))?.name, 'Dahl');
  // A relative clause after the noun, or a noun after "to", is no report.
  const e = provenanceOf('The report that was leaked on Monday runs to forty pages. He made a promise to voters in May.');
  assert.equal(e.quotes.length, 0);
  for (const x of [a, b, c, d]) {
    assertSpansConsistent(x);
    assertVoicesPartition(x);
  }
});

test('a noun-tagged cue after a plural subject is still its verb: "Four senators claim to object …"', () => {
  const a = provenanceOf('At least four mayors claim to oppose the new toll on the coast road.');
  assert.equal(quoteWith(a, 'toll')?.text, 'to oppose the new toll on the coast road');
  assert.match(speakerOf(a, quoteWith(a, 'toll'))?.name ?? '', /four mayors$/);
});

test('a quote continues its speaker across a relative clause on that speaker, even one with a cue verb and a scare quote', () => {
  const a = provenanceOf("''Sales are up a little,'' said Mr. Ekberg, a broker who noted that some farms had ''collapsed'' in value. ''Things are moving the right way.''");
  assert.equal(speakerOf(a, quoteWith(a, 'right way'))?.name, 'Ekberg');
  // Another speaker's cue between the quotes still breaks the chain.
  const b = provenanceOf("''Sales are up a little,'' said Mr. Ekberg. His rival Ms. Holm disagreed and said prices had fallen. ''Things are moving the right way.''");
  assert.notEqual(speakerOf(b, quoteWith(b, 'right way'))?.name, 'Ekberg');
  assertSpansConsistent(a);
});

test('a time opening the sentence is never the speaker, and a named subject before a participle appositive speaks', () => {
  const a = provenanceOf('Sunday on the radio, Governor Alma Reyes (D-NM) said the dam would be repaired by spring.');
  assert.equal(speakerOf(a, quoteWith(a, 'dam'))?.name, 'Alma Reyes');
  const b = provenanceOf('Delegate Tom Avery, wearing a cap covered in campaign badges, said he was proud of the volunteers.');
  assert.equal(speakerOf(b, quoteWith(b, 'volunteers'))?.name, 'Tom Avery');
  // A dateline before a participle cue stays out of it.
  const c = provenanceOf('Oslo (AFP) – Mayor Ida Holm has criticised the port plan, saying that it would ruin the harbour.');
  assert.equal(speakerOf(c, quoteWith(c, 'ruin'))?.name, 'Ida Holm');
});

test('a quote followed by a few words with no verb, then a closing cue clause, is that speaker\'s', () => {
  const a = provenanceOf('“We are extremely relieved” about the verdict, said Rosa Dent, who leads the tenants union.');
  assert.equal(speakerOf(a, quoteWith(a, 'extremely relieved'))?.name, 'Rosa Dent');
  const b = provenanceOf('“This will be a hard winter for the ferry crews” in the north, Mr. Kaur said.');
  assert.equal(speakerOf(b, quoteWith(b, 'hard winter'))?.name, 'Kaur');
  // A clause between the quote and the cue clause belongs to someone else.
  const c = provenanceOf('“This will be a hard winter for the ferry crews” was the headline, and Mr. Kaur said nothing.');
  assert.notEqual(speakerOf(c, quoteWith(c, 'hard winter'))?.name, 'Kaur');
});

test('a cue clause between commas inside a reported sentence: what was said runs on both sides of it', () => {
  const a = provenanceOf('The appeal would be helped, Mr. Sato said, by the new court calendar.');
  const q = quoteWith(a, 'appeal');
  assert.equal(q?.text, 'The appeal would be helped, Mr. Sato said, by the new court calendar');
  assert.equal(speakerOf(a, q)?.name, 'Sato');
  assert.equal(a.quotes.filter((x) => x.kind === 'indirect').length, 1);
  // A direct quote before the cue, or a participle after it, keeps the quote's own handling.
  const b = provenanceOf("''The mill was busy once,'' Ms. Ruiz said, pointing at the empty yard. ''Those days are gone.''");
  assert.equal(b.quotes.filter((x) => x.kind === 'indirect').length, 0);
  assert.equal(speakerOf(b, quoteWith(b, 'days are gone'))?.name, 'Ruiz');
  assertSpansConsistent(a);
  assertVoicesPartition(a);
});

test('"as X put it" attributes the quotation before or after it to X', () => {
  const a = provenanceOf('As Lena Voss, a historian at the museum, put it, “Every town has its flood story.”');
  assert.equal(speakerOf(a, quoteWith(a, 'flood story'))?.name, 'Lena Voss');
  const b = provenanceOf('“The market is dying slowly,” as one fishmonger put it.');
  assert.equal(speakerOf(b, quoteWith(b, 'dying slowly'))?.name, 'one fishmonger');
  // Without "as" before the subject, "put it" is no cue.
  const c = provenanceOf('She put it on the table. “Every town has its flood story.”');
  assert.equal(speakerOf(c, quoteWith(c, 'flood story')), undefined);
});

test('a sentence opening "Asked by X whether …," gives the question to its asker; with no agent the asker stays unnamed', () => {
  const a = provenanceOf('Asked by presenter Ana Ruiz whether the port would reopen, the minister did not hesitate.');
  const q = quoteWith(a, 'port would reopen');
  assert.equal(q?.text, 'whether the port would reopen');
  assert.equal(speakerOf(a, q)?.name, 'Ana Ruiz');
  const b = provenanceOf('Asked whether the port would reopen, the minister did not hesitate.');
  const r = quoteWith(b, 'port would reopen');
  assert.equal(r?.text, 'whether the port would reopen');
  assert.equal(r?.speakerId, null);
  assertSpansConsistent(a);
  assertSpansConsistent(b);
});
