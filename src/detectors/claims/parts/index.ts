import type { AnalyzedDocument } from '../../../core/document.js';
import type { ClaimPart, Span } from '../../../core/types.js';
import { findDates } from './dates.js';
import { defaultPartLexicons, type PartLexicons } from './lexicons.js';
import { compileNameMatcher, findNames, type NameMatcher } from './names.js';
import { compileNumberMatcher, findNumbers, type NumberMatcher } from './numbers.js';

export type { PartLexicons } from './lexicons.js';

/** Finds the parts of a claim a fact-checker searches for, compiled once from the word lists. */
export interface PartExtractor {
  (doc: AnalyzedDocument, span: Span): ClaimPart[];
}

export function createPartExtractor(lexicons: PartLexicons = defaultPartLexicons()): PartExtractor {
  const numbers: NumberMatcher = compileNumberMatcher(lexicons.units);
  const names: NameMatcher = compileNameMatcher(lexicons);
  return (doc, span) => {
    // Dates first, so "3 March 2021" is one date, not two numbers; then names, then numbers.
    const years = doc.entities.filter((e) => e.type === 'DATE' && e.start >= span.start && e.end <= span.end);
    const dates = findDates(doc.text, span, doc.meta.publishedAt, years);
    const taken: Span[] = [...dates];
    const named = findNames(doc, span, names, taken);
    const counted = findNumbers(doc.text, span, numbers, taken);
    return [...dates, ...named, ...counted].sort((a, b) => a.start - b.start || a.end - b.end);
  };
}
