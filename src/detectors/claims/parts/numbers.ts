import type { ClaimPart, Span } from '../../../core/types.js';
import { escapeRegex, type UnitEntry } from './lexicons.js';

/**
 * Numbers with their unit and scale: "$3bn" -> 3e9 USD, "4.5 million people" -> 4.5e6 people,
 * "12%" -> 12 percent, "seventy percent" -> 70 percent. Units, currencies and multipliers come
 * from data/claims/units.yml.
 */
export interface NumberMatcher {
  regex: RegExp;
  currencyUnit: Map<string, string>;
  unitOf: Map<string, string>;
  factorOf: Map<string, number>;
  /** The words (lower case) a number the regex takes cannot be written without, when it has no digit: a number word, or a multiplier after "a". */
  wordsWithoutDigit: string[];
}

const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const WORD_NUMBER = `(?:(?:${TENS.slice(2).join('|')})(?:[- ](?:${ONES.slice(1, 10).join('|')}))?|${ONES.slice().reverse().join('|')}|dozen)(?:\\s+hundred)?`;
const DIGITS = '\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?';

export function compileNumberMatcher(units: readonly UnitEntry[]): NumberMatcher {
  const currencyUnit = new Map<string, string>();
  const unitOf = new Map<string, string>();
  const factorOf = new Map<string, number>();
  const before: string[] = [];
  const multipliers: string[] = [];
  const after: string[] = [];
  for (const entry of units) {
    for (const pattern of entry.patterns) {
      const key = pattern.toLowerCase();
      if (entry.kind === 'currency') {
        currencyUnit.set(key, entry.unit ?? key);
        if (!/^\p{L}+$/u.test(pattern) || pattern === pattern.toUpperCase()) before.push(pattern);
        after.push(pattern);
      } else if (entry.kind === 'multiplier') {
        factorOf.set(key, entry.factor ?? 1);
        multipliers.push(pattern);
      } else {
        unitOf.set(key, entry.unit ?? key);
        after.push(pattern);
      }
    }
  }
  const alt = (xs: string[]) => [...new Set(xs)].sort((a, b) => b.length - a.length).map((x) => escapeRegex(x).replace(/ /g, '\\s+')).join('|');
  // One-letter multipliers ("3m", "$2bn") only count when written onto the number.
  const longMult = multipliers.filter((m) => m.length > 1);
  const shortMult = multipliers.filter((m) => m.length === 1);
  const source =
    `(?<![\\p{L}\\p{N}]-?)(?<cur>${alt(before)})?\\s?` +
    `(?<num>${DIGITS}|(?:half\\s+)?a(?=\\s+(?:${alt(longMult)}))|${WORD_NUMBER})` +
    `(?:(?:\\s|-)?(?<mult>${alt(longMult)})|(?<short>${alt(shortMult)}))?` +
    `(?:(?:\\s|-)?(?<unit>${alt(after)}))?(?![\\p{L}\\p{N}])`;
  // A multiplier of several words may have any white space between them: its first word is what it needs.
  const wordsWithoutDigit = [...new Set([...ONES, ...TENS.slice(2), 'dozen', ...longMult.map((m) => m.split(' ')[0]!)].map((w) => w.toLowerCase()))];
  return { regex: new RegExp(source, 'giu'), currencyUnit, unitOf, factorOf, wordsWithoutDigit };
}

export function findNumbers(text: string, span: Span, matcher: NumberMatcher, taken: readonly Span[]): ClaimPart[] {
  const sentence = text.slice(span.start, span.end);
  const parts: ClaimPart[] = [];
  if (!mayHoldNumber(sentence, matcher)) return parts;
  matcher.regex.lastIndex = 0;
  for (let m = matcher.regex.exec(sentence); m; m = matcher.regex.exec(sentence)) {
    const g = m.groups!;
    const numText = g.num!;
    // Word numbers in lower case are only numbers when something quantitative follows;
    // "one of them" is not a statistic.
    const isWord = !/\d/.test(numText);
    if (isWord && !g.mult && !g.short && !g.unit && !g.cur) continue;
    if (isWord && /^(?:one|a)$/i.test(numText) && !g.mult && !g.cur) continue;
    let start = span.start + m.index;
    const end = start + m[0].length;
    while (start < end && /\s/.test(text[start]!)) start++;
    if (taken.some((t) => t.start < end && start < t.end)) continue;
    const base = parseNumber(numText);
    const factor = g.mult ? matcher.factorOf.get(g.mult.toLowerCase().replace(/\s+/g, ' ')) : g.short ? matcher.factorOf.get(g.short.toLowerCase()) : 1;
    const unitKey = g.unit?.toLowerCase().replace(/\s+/g, ' ');
    const unit = g.cur ? (matcher.currencyUnit.get(g.cur.toLowerCase()) ?? null) : unitKey ? (matcher.currencyUnit.get(unitKey) ?? matcher.unitOf.get(unitKey) ?? null) : null;
    const value = base === null ? null : roundValue(base * (factor ?? 1));
    parts.push({ start, end, text: text.slice(start, end), type: 'number', value, unit });
  }
  return parts;
}

/**
 * Whether the regex can match: every number it takes holds a digit (\\d: ASCII), a number word
 * or, for "a million", a multiplier, in any case. Most sentences hold none. "ſ" matches "s"
 * case-insensitively, so a sentence with one is always tried.
 */
function mayHoldNumber(sentence: string, matcher: NumberMatcher): boolean {
  for (let i = 0; i < sentence.length; i++) {
    const c = sentence.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  const lower = sentence.toLowerCase();
  return lower.includes('\u017f') || matcher.wordsWithoutDigit.some((w) => lower.includes(w));
}

function roundValue(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

export function parseNumber(raw: string): number | null {
  const text = raw.toLowerCase().trim();
  if (/\d/.test(text)) return Number(text.replace(/,/g, ''));
  if (text === 'a') return 1;
  if (/^half\s+a$/.test(text)) return 0.5;
  let value = 0;
  let hundred = false;
  for (const word of text.split(/[\s-]+/)) {
    if (word === 'hundred') hundred = true;
    else if (word === 'dozen') value += 12;
    else if (ONES.includes(word)) value += ONES.indexOf(word);
    else if (TENS.includes(word)) value += TENS.indexOf(word) * 10;
    else return null;
  }
  return hundred ? value * 100 : value;
}
