/**
 * Documents an analysis thread analyses before its first task. One short text would
 * load the models, but a server's first real articles would still be the slow ones:
 * V8 optimises a function for the shapes it has seen, and a two-sentence text never
 * reaches the loops (long paragraphs, many quotes and speakers, numbers, headlines)
 * that a news article of a thousand words does. So after one short text the warm-up
 * analyses long articles built from sentences of many shapes. The sentences are written for this
 * file; the analyses are thrown away.
 */
const SHORT = 'The minister said on Tuesday that the plan "will work", Reuters reported. Critics disagreed.';

const HEADLINE = 'Regional board backs new rail link after a long and heated hearing';

/** Sentence shapes a news article mixes: attribution, direct and partial quotes, figures, loaded words, questions. */
const SENTENCES: readonly string[] = [
  'The transport board of {place} voted 9 to 3 on {day} to fund a {n} million euro rail link to the airport.',
  '"We have waited twenty years for this line, and we will not wait another twenty," said board chair {name}.',
  'According to a study published by the regional planning office in {month}, the link would carry {n} thousand passengers a week.',
  'Opponents called the project "a reckless gamble with public money" and warned that ticket prices would soar.',
  '{name}, who leads the residents\' association, said the works would disrupt traffic for years.',
  'The ministry did not respond to a request for comment on Thursday.',
  'Officials insist the budget is fixed, but similar schemes elsewhere have overrun by as much as {n} percent.',
  'Is this really the best use of scarce funds, when schools and hospitals are crumbling?',
  'Local shop owners told the Courier that they feared losing customers during construction.',
  '"Nobody asked us," one of them said. "They decided first and held the meetings afterwards."',
  'The agency says the line will cut journey times by {n} minutes and remove thousands of cars from the road.',
  'Everyone knows the real reason: the contractors are friends of the people in charge.',
  'A spokesperson for the engineering firm rejected the claim as "completely false and frankly insulting".',
  'Unemployment in the district rose to {n}.4 percent last year, the highest level since 2009, figures show.',
  'Supporters argue that the link will finally put the region on the map and bring investment that is long overdue.',
  'The board will publish the full contract in {month}, according to a statement released late on {day}.',
  'Critics such as economist {name} have repeatedly questioned the passenger forecasts, saying they were inflated.',
  'Either the council acts now or the city will be left behind for good.',
  'In an interview, {name} acknowledged that "mistakes were made" during the first tender but said lessons had been learned.',
  'The plan still needs approval from the national parliament, which is expected to vote before the summer recess.',
  'It is the most catastrophic waste of money in the history of the country, {name} wrote on social media.',
  'The delays were only a minor hiccup, nothing more than a few weeks, the operator said on its website.',
  'Fares will rise by $2.50 (about {n} percent) from {month} 1, while season tickets stay at $1,200 a year.',
  'State broadcaster RTV reported that the government\u2019s envoy had \u201cfully endorsed\u201d the scheme.',
  'Thousands of residents \u2014 many of them pensioners \u2014 signed a petition, which organisers delivered to the town hall.',
  'Asked whether the forecasts were realistic, the minister replied: "Absolutely. Every expert agrees with us."',
];
const NAMES = ['Helena Varga', 'Tomas Reyes', 'Amira Haddad', 'Jonas Feld', 'Priya Natarajan', 'Olu Adebayo'];
const PLACES = ['Eastmoor', 'Lindholm', 'Port Aster', 'Cray Valley'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Friday'];
const MONTHS = ['March', 'June', 'September', 'November'];

/**
 * About 1,100 words in paragraphs of two to four sentences, under a headline and a
 * byline; `variant` shifts which sentences, names and figures go where, so that no two
 * rounds analyse the same text.
 */
function longArticle(variant: number): string {
  const paragraphs: string[] = [HEADLINE, `By ${NAMES[variant % NAMES.length]!}`];
  let sentence = variant * 7;
  for (let p = 0; p < 22; p++) {
    const parts: string[] = [];
    for (let s = 0; s < 2 + (p % 3); s++, sentence++) {
      const k = sentence;
      parts.push(
        SENTENCES[k % SENTENCES.length]!.replaceAll('{name}', NAMES[k % NAMES.length]!)
          .replaceAll('{place}', PLACES[k % PLACES.length]!)
          .replaceAll('{day}', DAYS[k % DAYS.length]!)
          .replaceAll('{month}', MONTHS[k % MONTHS.length]!)
          .replaceAll('{n}', String(12 + ((k * 37) % 480))),
      );
    }
    paragraphs.push(parts.join(' '));
  }
  return paragraphs.join('\n\n');
}

/** The document of warm-up round `round`: the short text first (it loads the models, and is all a batch pool needs), then long articles. */
export function warmUpDocument(round: number): string {
  return round === 0 ? SHORT : longArticle(round);
}
