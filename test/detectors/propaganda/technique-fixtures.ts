import type { Technique } from '../../../src/detectors/propaganda/techniques.js';

/**
 * Fresh sentences written for these tests (not from any corpus), one or more per
 * technique, the weak ones first. `span` is the propaganda phrase inside `text`, as a
 * PTC annotator would mark it.
 */
export interface TechniqueFixture {
  technique: Technique;
  text: string;
  span: string;
}

export const TECHNIQUE_FIXTURES: readonly TechniqueFixture[] = [
  {
    technique: 'Appeal_to_Authority',
    text: 'The plan is safe. As the country’s most respected surgeon has confirmed, there is simply no risk to anyone, and that settles it.',
    span: 'As the country’s most respected surgeon has confirmed, there is simply no risk to anyone',
  },
  {
    technique: 'Appeal_to_Authority',
    text: 'Leading scientists agree that the vaccine mandate is the right policy, so the debate is over.',
    span: 'Leading scientists agree that the vaccine mandate is the right policy',
  },
  {
    technique: 'Black-and-White_Fallacy',
    text: 'Either you support the new border wall, or you want open borders and crime in every town.',
    span: 'Either you support the new border wall, or you want open borders and crime in every town',
  },
  {
    technique: 'Black-and-White_Fallacy',
    text: 'You are either with the mayor on this or you are against the city itself; there is no middle ground.',
    span: 'You are either with the mayor on this or you are against the city itself',
  },
  {
    technique: 'Thought-terminating_Cliches',
    text: 'Critics raised questions about the contract, but it is what it is, and the council moved on.',
    span: 'it is what it is',
  },
  {
    technique: 'Thought-terminating_Cliches',
    text: 'Asked about the missing funds, the spokesman shrugged: rules are rules.',
    span: 'rules are rules',
  },
  {
    technique: 'Whataboutism,Straw_Men,Red_Herring',
    text: 'The senator is criticised for taking gifts, but what about the governor, who took far more and nobody said a word?',
    span: 'what about the governor, who took far more and nobody said a word',
  },
  {
    technique: 'Whataboutism,Straw_Men,Red_Herring',
    text: 'Environmental groups say they want cleaner rivers, but what they really want is to shut down every farm in the valley.',
    span: 'what they really want is to shut down every farm in the valley',
  },
  {
    technique: 'Bandwagon,Reductio_ad_hitlerum',
    text: 'Everyone knows the election commission was bought, and every honest person can see it.',
    span: 'Everyone knows the election commission was bought',
  },
  {
    technique: 'Bandwagon,Reductio_ad_hitlerum',
    text: 'His plan to register every gun owner is exactly what the Nazis did before the war.',
    span: 'exactly what the Nazis did before the war',
  },
  {
    technique: 'Causal_Oversimplification',
    text: 'Crime doubled last year for one reason only: the new bail law.',
    span: 'Crime doubled last year for one reason only: the new bail law',
  },
  {
    technique: 'Doubt',
    text: 'Can we really trust a report written by people who were paid by the company itself?',
    span: 'Can we really trust a report written by people who were paid by the company itself?',
  },
  {
    technique: 'Appeal_to_fear-prejudice',
    text: 'If this bill passes, our children will be left defenceless against the gangs flooding into our neighbourhoods.',
    span: 'our children will be left defenceless against the gangs flooding into our neighbourhoods',
  },
  {
    technique: 'Exaggeration,Minimisation',
    text: 'The minister called the leak of a million patient records a minor clerical hiccup.',
    span: 'a minor clerical hiccup',
  },
  {
    technique: 'Flag-Waving',
    text: 'Any true patriot who loves this great nation will stand behind our brave troops.',
    span: 'Any true patriot who loves this great nation',
  },
  {
    technique: 'Loaded_Language',
    text: 'The council’s disgraceful, outrageous decision sparked fury across the town.',
    span: 'disgraceful, outrageous',
  },
  {
    technique: 'Name_Calling,Labeling',
    text: 'The bill was written by radical leftist globalists in the capital.',
    span: 'radical leftist globalists',
  },
  {
    technique: 'Slogans',
    text: 'Supporters left the hall chanting “Take back our streets!”',
    span: 'Take back our streets!',
  },
];

/** The UTF-16 span of a fixture's phrase in its text (a fixture whose phrase is missing fails loudly). */
export function spanOf(f: TechniqueFixture): { start: number; end: number } {
  const start = f.text.indexOf(f.span);
  if (start < 0) throw new Error(`fixture phrase not in its text: ${f.span}`);
  return { start, end: start + f.span.length };
}
