/**
 * A deterministic synthetic news corpus for the batch bench and tests: articles
 * assembled from templates with a seeded generator, so every run sees the same bytes.
 */
const PEOPLE = ['Maria Lopez', 'John Carter', 'Aisha Rahman', 'Viktor Orlov', 'Chen Wei', 'Fatima Diallo', 'Peter Novak', 'Laura Rossi'];
const ROLES = ['the finance minister', 'a senior official', 'the opposition leader', 'a spokesperson for the ministry', 'the mayor', 'an economist at the central bank'];
const OUTLETS = ['Reuters', 'the BBC', 'RT', 'Al Jazeera', 'Xinhua', 'The Guardian', 'Sputnik', 'Associated Press'];
const TOPICS = ['the budget', 'the new border policy', 'energy prices', 'the trade agreement', 'the election results', 'the housing shortage', 'public transport', 'the health reform'];
const VERBS = ['said', 'told reporters', 'claimed', 'warned', 'argued', 'insisted', 'admitted'];
const CLAIMS = [
  'unemployment fell by 3.2 percent in the last quarter',
  'more than 40,000 people joined the protest on Saturday',
  'the programme will cost 12 billion euros over five years',
  'crime rates have doubled since 2019',
  'the country imports 60 percent of its gas',
];
const LOADED = [
  'This disastrous plan will destroy the livelihoods of ordinary families.',
  'Critics call it a shameful betrayal of everything the nation stands for.',
  'Only a fool would believe these lies, one commentator wrote.',
  'The so-called reform is nothing but a cynical power grab.',
];
const FILLER = [
  'The debate is expected to continue when parliament returns next week.',
  'Analysts said the figures should be treated with caution until the final data are published.',
  'Several regional governments have asked for more time to study the proposal.',
  'Markets reacted calmly to the announcement, with the main index closing slightly higher.',
  'The committee will publish its recommendations before the end of the year.',
  'Local residents interviewed on Tuesday gave mixed reactions to the news.',
];

/** Park–Miller minimal standard generator: small, seeded, the same on every platform. */
function random(seed: number): () => number {
  let state = seed % 2147483647 || 1;
  return () => {
    state = (state * 48271) % 2147483647;
    return (state - 1) / 2147483646;
  };
}

/** Article `index` of the corpus: about `targetBytes` of text (3-5 KB by default). */
export function syntheticArticle(index: number, targetBytes?: number): string {
  // Spread the seeds: the minimal standard generator's first outputs are tiny for small seeds.
  const next = random((index + 1) * 2654435761);
  next();
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const size = targetBytes ?? 3000 + Math.floor(next() * 2000);
  const topic = pick(TOPICS);
  const lines = [`Report ${index}: new row over ${topic}`, ''];
  let bytes = 0;
  while (bytes < size) {
    const person = pick(PEOPLE);
    const paragraph = [
      `${person}, ${pick(ROLES)}, ${pick(VERBS)} on Monday that ${pick(CLAIMS)}.`,
      `"We will not accept ${topic} in its current form," ${person.split(' ')[0]} ${pick(VERBS)}, according to ${pick(OUTLETS)}.`,
      next() < 0.4 ? pick(LOADED) : pick(FILLER),
      pick(FILLER),
    ].join(' ');
    lines.push(paragraph, '');
    bytes += paragraph.length + 1;
  }
  return lines.join('\n');
}
