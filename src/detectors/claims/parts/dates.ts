import type { ClaimPart, Span } from '../../../core/types.js';

/**
 * Dates in a sentence, normalised to ISO 8601 where the text allows: "in 2020" -> 2020,
 * "on 3 March 2021" -> 2021-03-03, "March 2021" -> 2021-03, "the 1990s" -> 1990/1999,
 * "last week" -> 2021-W09. Relative dates ("last Sunday", "yesterday") and dates without a
 * year are resolved against the publication date, and left null without one.
 */
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_ABBR = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '((?:1[6-9]|20)\\d\\d)';
const WEEKDAY = '(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)';

interface DatePattern {
  regex: RegExp;
  /** The facts (FACT bits, factsOf) a sentence must show for the regex to have any chance: words it cannot match without. */
  may: number;
  value: (m: RegExpExecArray, published: Date | null) => string | null;
}

const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const p = (source: string) => new RegExp(B + source + E, 'giu');

/** What a lower-cased sentence holds that some pattern cannot match without (any case), one bit each. */
const FACT = { digit: 1, fourDigits: 2, month: 4, hyphen: 8, decade: 16, period: 32, day: 64, ago: 128, relativeDay: 256 } as const;
const MONTH_STEMS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** The facts of a lower-cased sentence, worked out once for all the patterns. A year (\\d is ASCII with /u) needs four digits in a row. */
function factsOf(lower: string): number {
  let facts = 0;
  let digits = 0;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    digits = c >= 48 && c <= 57 ? digits + 1 : 0;
    if (digits === 1) facts |= FACT.digit;
    if (digits === 4) facts |= FACT.fourDigits;
    if (c === 45) facts |= FACT.hyphen;
  }
  if (MONTH_STEMS.some((m) => lower.includes(m))) facts |= FACT.month;
  if (lower.includes('0s')) facts |= FACT.decade;
  if (lower.includes('week') || lower.includes('month') || lower.includes('year')) facts |= FACT.period;
  if (lower.includes('day')) facts |= FACT.day | FACT.relativeDay;
  if (lower.includes('ago')) facts |= FACT.ago;
  if (lower.includes('tonight') || lower.includes('tomorrow')) facts |= FACT.relativeDay;
  return facts;
}

const YEAR_AND_MONTH = FACT.fourDigits | FACT.month;
const DIGIT_AND_MONTH = FACT.digit | FACT.month;

/** Most specific first: a longer pattern claims its characters before a shorter one can. */
const PATTERNS: DatePattern[] = [
  { may: FACT.fourDigits | FACT.hyphen, regex: p('((?:1[6-9]|20)\\d\\d)-(\\d\\d)-(\\d\\d)'), value: (m) => validDate(+m[1]!, +m[2]!, +m[3]!) },
  { may: YEAR_AND_MONTH, regex: p(`${WEEKDAY}?,?\\s*${DAY}\\s+(?:of\\s+)?${MONTH},?\\s+${YEAR}`), value: (m) => validDate(+m[4]!, month(m[3]!), +m[2]!) },
  { may: YEAR_AND_MONTH, regex: p(`${WEEKDAY}?,?\\s*${MONTH}\\s+${DAY},?\\s+${YEAR}`), value: (m) => validDate(+m[4]!, month(m[2]!), +m[3]!) },
  { may: DIGIT_AND_MONTH, regex: p(`${DAY}\\s+(?:of\\s+)?${MONTH}`), value: (m, pub) => withoutYear(month(m[2]!), +m[1]!, pub) },
  { may: DIGIT_AND_MONTH, regex: p(`${MONTH}\\s+${DAY}`), value: (m, pub) => withoutYear(month(m[1]!), +m[2]!, pub) },
  { may: YEAR_AND_MONTH, regex: p(`${MONTH},?\\s+${YEAR}`), value: (m) => `${m[2]}-${pad(month(m[1]!))}` },
  { may: FACT.decade, regex: p(`(?:the\\s+)?((?:1[6-9]|20)\\d)0s`), value: (m) => `${m[1]}0/${m[1]}9` },
  { may: FACT.period, regex: p('(?:last|past)\\s+(week|month|year)'), value: (m, pub) => lastPeriod(m[1]!.toLowerCase(), pub, -1) },
  { may: FACT.period, regex: p('this\\s+(week|month|year)'), value: (m, pub) => lastPeriod(m[1]!.toLowerCase(), pub, 0) },
  { may: FACT.day, regex: p(`(last|this|on|next)?\\s*${WEEKDAY}`), value: (m, pub) => weekday(m[1]?.toLowerCase() ?? '', m[2]!, pub) },
  { may: FACT.ago, regex: p('(\\d+|one|two|three|four|five|six|seven|eight|nine|ten)\\s+(day|week|month|year)s?\\s+ago'), value: (m, pub) => ago(m[1]!.toLowerCase(), m[2]!.toLowerCase(), pub) },
  { may: FACT.relativeDay, regex: p('(yesterday|today|tonight|tomorrow)'), value: (m, pub) => (pub ? iso(addDays(pub, { yesterday: -1, today: 0, tonight: 0, tomorrow: 1 }[m[1]!.toLowerCase()]!)) : null) },
  { may: FACT.fourDigits, regex: p(`(?:in|since|by|until|till|from|during|before|after|of|between|and|to|early|late|mid-?)\\s+${YEAR}`), value: (m) => m[1]! },
  { may: FACT.month, regex: p(`(?:in|since|by|until|during|before|after|early|late|mid-?)\\s+${MONTH}`), value: (m, pub) => monthWithoutYear(month(m[1]!), pub) },
];

/** `years`: spans the text model tagged as a bare year ("a 2015 letter"), taken when no pattern covers them. */
export function findDates(text: string, span: Span, publishedAt: string | null, years: readonly Span[] = []): ClaimPart[] {
  const published = parsePublished(publishedAt);
  const sentence = text.slice(span.start, span.end);
  const taken: Span[] = [];
  const parts: ClaimPart[] = [];
  // Most sentences hold no date word at all; each regex runs only where its words occur.
  // "ſ" matches "s" case-insensitively, so a sentence with one runs every regex.
  const lower = sentence.toLowerCase();
  const facts = lower.includes('\u017f') ? -1 : factsOf(lower);
  for (const pattern of PATTERNS) {
    if ((facts & pattern.may) !== pattern.may) continue;
    pattern.regex.lastIndex = 0;
    for (let m = pattern.regex.exec(sentence); m; m = pattern.regex.exec(sentence)) {
      // "may 5" and "march 2021" in lower case are a verb, not a month.
      if (m.slice(1).some((g) => g !== undefined && /^[a-z]/.test(g) && isCalendarWord(g))) continue;
      let start = span.start + m.index;
      const end = start + m[0].length;
      // Report the date itself, not the preposition that told us it was one.
      const lead = /^(?:in|since|by|until|till|from|during|before|after|of|between|and|to|on)\s+/i.exec(m[0]);
      if (lead) start += lead[0].length;
      while (start < end && /[\s,]/.test(text[start]!)) start++;
      if (taken.some((t) => t.start < end && start < t.end)) continue;
      taken.push({ start, end });
      parts.push({ start, end, text: text.slice(start, end), type: 'date', value: pattern.value(m, published) });
    }
  }
  for (const y of years) {
    if (y.start < span.start || y.end > span.end || !/^(?:1[89]|20)\d\d$/.test(text.slice(y.start, y.end))) continue;
    if (taken.some((t) => t.start < y.end && y.start < t.end)) continue;
    parts.push({ start: y.start, end: y.end, text: text.slice(y.start, y.end), type: 'date', value: text.slice(y.start, y.end) });
  }
  return parts.sort((a, b) => a.start - b.start);
}

function isCalendarWord(word: string): boolean {
  const key = word.toLowerCase().replace(/\.$/, '');
  return MONTHS.includes(key) || MONTH_ABBR.includes(key.slice(0, 3)) && key.length <= 4 || WEEKDAYS.includes(key);
}

function parsePublished(value: string | null): Date | null {
  if (!value) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return null;
  const date = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return Number.isNaN(date.getTime()) ? null : date;
}

function month(name: string): number {
  const key = name.toLowerCase().replace(/\.$/, '').slice(0, 3);
  return MONTH_ABBR.indexOf(key) + 1 || MONTHS.indexOf(name.toLowerCase()) + 1;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function iso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

function validDate(year: number, monthNumber: number, day: number): string | null {
  const date = new Date(Date.UTC(year, monthNumber - 1, day));
  if (monthNumber < 1 || date.getUTCMonth() !== monthNumber - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${pad(monthNumber)}-${pad(day)}`;
}

/** "3 March" in a news article means the latest 3 March on or before publication. */
function withoutYear(monthNumber: number, day: number, published: Date | null): string | null {
  if (!published) return null;
  const year = published.getUTCFullYear();
  const candidate = validDate(year, monthNumber, day);
  if (candidate && candidate <= iso(published)) return candidate;
  return validDate(year - 1, monthNumber, day);
}

function monthWithoutYear(monthNumber: number, published: Date | null): string | null {
  if (!published) return null;
  const year = monthNumber <= published.getUTCMonth() + 1 ? published.getUTCFullYear() : published.getUTCFullYear() - 1;
  return `${year}-${pad(monthNumber)}`;
}

function lastPeriod(unit: string, published: Date | null, offset: number): string | null {
  if (!published) return null;
  if (unit === 'year') return String(published.getUTCFullYear() + offset);
  if (unit === 'month') {
    const d = new Date(Date.UTC(published.getUTCFullYear(), published.getUTCMonth() + offset, 1));
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
  }
  return isoWeek(addDays(published, 7 * offset));
}

/** ISO 8601 week date (2021-W09) of a day. */
function isoWeek(date: Date): string {
  const thursday = addDays(date, 3 - ((date.getUTCDay() + 6) % 7));
  const yearStart = new Date(Date.UTC(thursday.getUTCFullYear(), 0, 1));
  const week = Math.floor((thursday.getTime() - yearStart.getTime()) / 86_400_000 / 7) + 1;
  return `${thursday.getUTCFullYear()}-W${pad(week)}`;
}

/**
 * "last Sunday" is the Sunday before the publication day; a bare or "on" weekday in news is the
 * latest one on or before it (reports look back); "next" looks forward.
 */
function weekday(modifier: string, name: string, published: Date | null): string | null {
  if (!published) return null;
  const target = WEEKDAYS.indexOf(name.toLowerCase());
  const today = published.getUTCDay();
  if (modifier === 'next') return iso(addDays(published, ((target - today + 7) % 7) || 7));
  const back = (today - target + 7) % 7;
  return iso(addDays(published, -(modifier === 'last' ? back || 7 : back)));
}

const SMALL: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

function ago(count: string, unit: string, published: Date | null): string | null {
  if (!published) return null;
  const n = SMALL[count] ?? Number(count);
  if (unit === 'day') return iso(addDays(published, -n));
  if (unit === 'week') return iso(addDays(published, -7 * n));
  if (unit === 'month') {
    const d = new Date(Date.UTC(published.getUTCFullYear(), published.getUTCMonth() - n, 1));
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
  }
  return String(published.getUTCFullYear() - n);
}
