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
  // Words and marks the sentences above lack (contractions, abbreviations, symbols, other scripts), for the tokeniser's rarer paths.
  "\"We don't know yet, and we won't guess,\" said Dr. {name}, who's led the U.S. review since {month}.",
  'The firm (formerly Aster & Sons Ltd.) made a profit of \u20ac{n}.7m in 2019\u201320, up 14% on the year before; its shares closed at 9:30 a.m.',
  "It's the city's third attempt \u2013 and, officials hope, its last \u2013 to fix the St. Mary's junction.",
  'Details were posted at https://example.org/plans/2024 and questions go to press@example.org or @EastmoorCouncil, tagged #RailLink.',
  'Caf\u00e9 owners in Z\u00fcrich, S\u00e3o Paulo and Krak\u00f3w said the na\u00efve forecasts ignored the 21st-century reality of remote work...',
  'WHY should taxpayers foot the bill?! the tabloid asked on its front page, calling the board "clowns" and "crooks".',
  "Mr. {name}'s lawyer, Ms. Okafor, said: \u2018My client has done nothing wrong, and he'll prove it in court.\u2019",
  'Q: Will fares go up? A: Not this year, and probably not next year either, the operator\u2019s FAQ says.',
  'Some 1,250,000 journeys, i.e. about 3.4 per resident, were made in the first half of the year, vs. 980,000 a year earlier.',
  'NATO, the EU and the UN have all issued statements, though none mentioned the pipeline by name.',
  '"They are lying to you," {name} told a rally. "They have always lied to you, and they will keep lying until you stop them!"',
  'Real patriots stand with our farmers and our flag; only traitors and globalist elites want this disastrous deal.',
  'Immigrants from Syria and Afghanistan make up about {n} of the town\u2019s residents, according to census figures.',
  'A placard at the protest read "Migrants are vermin", a slogan the mayor condemned as hateful and un-Christian.',
  'Muslim, Jewish and Christian leaders held a joint vigil on {day}, and the imam thanked the rabbi for his words.',
  'Critics say the scheme is a Trojan horse: once it passes, there will be no way back, and the country will be ruined.',
  'Experts now believe the virus may have leaked from a lab, a claim that was dismissed as a conspiracy theory a year ago.',
  'Make {place} Great Again! Drain the swamp! Lock them up!',
  "The senator's aide, speaking on condition of anonymity, told The Associated Press the vote could slip to late {month}.",
  'Sources close to the investigation, who asked not to be named, said the suspect had been known to police for years.',
  'In a 2-1 ruling, the court held that the law, passed in 1998 under then-governor {name}, was unconstitutional.',
  'So-called experts and fake news outlets have pushed this hoax for years; the truth is finally coming out.',
  '\u201cThis is not about politics,\u201d she insisted, \u201cit\u2019s about our children\u2019s safety \u2014 nothing more, nothing less.\u201d',
  'Either you are with us, or you are with the terrorists, the president declared in his address to Congress.',
  'Wait... what? the host said, laughing, before reading the statement aloud for a second time.',
  'The report, written by Prof. {name} et al. and published in Nature on {month} 3, found a 0.6 \u00b0C rise since the 1950s.',
  'Gangs of illegals are flooding across the border, and the invasion gets worse every single day, the post claimed.',
  '{name}, 34, of {place}, was charged with assault and is due to appear in court on {day}; police said no one else was hurt.',
  'Prices rose 2.4 percent in {month} from a year earlier, the statistics office said, the fastest pace since 2008.',
  'The Kremlin-backed channel RT reported that Western sanctions had "completely failed", citing unnamed officials.',
  'Asked by reporters whether he would resign, {name} said: "No. Why would I? I have done nothing wrong."',
  'Thousands marched in London, Paris and Berlin on Saturday to demand a ceasefire, organisers said; police put the figure at 40,000.',
  'The so-called "reform" is nothing but a power grab by corrupt bureaucrats who hate everything this country stands for.',
  'Her grandmother, a Holocaust survivor, fled Vienna in 1938; "never again" is not a slogan for us, she wrote.',
  'First, the cuts hit schools; then hospitals; now, pensions. What comes next?',
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
