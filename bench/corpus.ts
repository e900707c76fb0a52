import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';

/**
 * The bench corpus: a directory of .txt articles when given (e.g. the PTC training
 * articles), else a fixed generated one, so figures are comparable between runs.
 */
export function loadCorpus(dir?: string, count = 400): string[] {
  if (dir) {
    return readdirSync(dir)
      .filter((f) => ['.txt', '.html', '.htm'].includes(extname(f)) && statSync(join(dir, f)).isFile())
      .sort()
      .map((f) => readFileSync(join(dir, f), 'utf8'));
  }
  return generateCorpus(count);
}

const SPEAKERS = ['Kassym-Jomart Tokayev', 'Maria Lindqvist', 'Pavel Novak', 'Dana Serikbayeva', 'Ivan Horvat', 'Anna Petrova'];
const OUTLETS = ['TASS', 'RIA Novosti', 'Xinhua', 'the BBC', 'Reuters', 'Channel One', 'RT', 'Al Jazeera'];
const SENTENCES = [
  'The ministry said on {day} that {n} people had been detained after the rally in the capital.',
  '“We are no threat to anyone,” {speaker} told reporters. “But we will defend our people.”',
  'According to {outlet}, exports grew by {n} per cent in {year}.',
  '{speaker} said the reforms would continue, despite criticism from the opposition.',
  'Critics say the figures were massaged before the election, and the budget does not add up.',
  'Western-funded “activists” are once again trying to divide the nation, the commentator wrote.',
  '“The sanctions have failed,” {speaker} said in an interview with {outlet}.',
  'In {year} the government built {n} new schools and unemployment fell to 3.1 per cent.',
  'Nobody should doubt our commitment, the spokesman added, calling the report a disgraceful lie.',
  'The opposition leader told parliament that the deal would cost farmers $2bn over three years.',
  'These traitors and their friends in the media are waging a war on our traditions.',
  'Officials insist the situation is calm, but residents describe long queues for fuel and bread.',
];

/** Deterministic articles of 8 to 16 paragraphs from a seeded generator. */
export function generateCorpus(count: number, seed = 20261126): string[] {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const articles: string[] = [];
  for (let a = 0; a < count; a++) {
    const paragraphs: string[] = [`Report ${a + 1}: ${pick(SPEAKERS)} speaks on the crisis`];
    const n = 8 + Math.floor(next() * 9);
    for (let p = 0; p < n; p++) {
      const sentences: string[] = [];
      const m = 2 + Math.floor(next() * 3);
      for (let s = 0; s < m; s++) {
        sentences.push(
          pick(SENTENCES)
            .replace('{speaker}', pick(SPEAKERS))
            .replace('{outlet}', pick(OUTLETS))
            .replace('{day}', pick(['Monday', 'Sunday', 'Friday']))
            .replace('{year}', String(2015 + Math.floor(next() * 10)))
            .replace('{n}', String(1 + Math.floor(next() * 500))),
        );
      }
      paragraphs.push(sentences.join(' '));
    }
    articles.push(paragraphs.join('\n\n'));
  }
  return articles;
}
