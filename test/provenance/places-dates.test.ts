import assert from 'node:assert/strict';
import { test } from 'node:test';
import { provenanceOf, quoteWith, speakerOf } from './helpers.js';

/** The speaker's name and affiliation for the quote containing `words`. */
function who(text: string, words: string): { name: string | undefined; affiliation: string | null | undefined } {
  const a = provenanceOf(text);
  const s = speakerOf(a, quoteWith(a, words));
  return { name: s?.name, affiliation: s?.affiliation };
}

test('title + name + "of PLACE" speaks as the person, the place as affiliation', () => {
  assert.deepEqual(who('Gov. Ellen Marsh of Vermont said the levy would be repealed in spring.', 'levy would be repealed'), { name: 'Ellen Marsh', affiliation: 'Vermont' });
  assert.equal(who('Sen. Paul Dorsey of Nevada told reporters that the amendment had no votes.', 'amendment had no').name, 'Paul Dorsey');
  assert.equal(who('Mayor Ines Carvalho of Porto said the ferry service would resume.', 'ferry service').name, 'Ines Carvalho');
  assert.equal(who('“We will rebuild the pier,” Mayor Ines Carvalho of Porto said.', 'rebuild the pier').name, 'Ines Carvalho');
  assert.equal(who('“The count is final,” said Sen. Paul Dorsey of Nevada.', 'count is final').name, 'Paul Dorsey');
});

test('a given name or a two-word name before "of"/"from" PLACE is the speaker', () => {
  assert.equal(who('Dr. Ravi Menon from Kochi told the committee that the trial was halted.', 'trial was halted').name, 'Ravi Menon');
  assert.equal(who('Sofia Lindqvist of Uppsala said the harvest was late.', 'harvest was late').name, 'Sofia Lindqvist');
  assert.equal(who('Taras Bondar, of Lviv, said the trains ran on time.', 'trains ran').name, 'Taras Bondar');
});

test('"of" inside an organisation or a title is left alone', () => {
  assert.equal(who('The Bank of Canada said inflation had eased.', 'inflation had eased').name, 'Bank of Canada');
  assert.equal(who('The Ministry of Health said the clinics would stay open.', 'clinics would').name, 'Ministry of Health');
  assert.equal(who('Secretary of State Dana Whitfield said the embassy would reopen.', 'embassy would').name, 'Dana Whitfield');
});

test('a place or a date opening the sentence never speaks', () => {
  const cases: [string, string, string][] = [
    ['In Marseille, officials said the port strike had ended.', 'port strike', 'officials'],
    ['Officials in Tbilisi said the pipeline was repaired.', 'pipeline was repaired', 'Officials'],
    ['In Oslo on Thursday, the minister said the fund would grow.', 'fund would grow', 'the minister'],
    ['On Wednesday, the ministry said the checkpoint would stay shut.', 'checkpoint would', 'the ministry'],
    ['On April 9, the regulator said the merger was blocked.', 'merger was blocked', 'the regulator'],
    ['Last Friday, the union said the walkout would continue.', 'walkout would', 'the union'],
    ['From Nairobi, the envoy said talks were close to a deal.', 'talks were close', 'the envoy'],
    ['In 2021, the tribunal said the contract was void.', 'contract was void', 'the tribunal'],
  ];
  for (const [text, words, speaker] of cases) assert.equal(who(text, words).name, speaker, text);
});

test('a time phrase before the verb is skipped, never the speaker', () => {
  assert.equal(who('Prosecutors had last month charged the broker with fraud, and the firm said the charge was baseless.', 'charge was baseless').name, 'the firm');
  assert.equal(who('The council this week said the library would close.', 'library would close').name, 'The council');
  assert.equal(who('Regulators this past year warned that the bank was undercapitalised.', 'bank was under').name, 'Regulators');
  assert.equal(who('The agency Tuesday morning said the launch was delayed.', 'launch was delayed').name, 'The agency');
  for (const s of provenanceOf('Prosecutors had last month charged that the broker lied. Saturday said it all.').speakers) {
    assert.doesNotMatch(s.name, /month|Saturday/, `a time is no speaker: ${s.name}`);
  }
});
