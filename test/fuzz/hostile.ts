import fc from 'fast-check';
import { isUnspinError } from '../../src/core/errors.js';
import type { AnalyzeInput } from '../../src/input/document.js';
import { analyze } from '../../src/pipeline/analyze.js';
import { assertSpansConsistent, assertVoicesPartition } from '../helpers.js';

/**
 * Hostile documents for property tests: random Unicode, news sentences mutated with
 * quotes and odd punctuation, and random HTML. Shared by the bounded test in `npm test`
 * and the long run (`npm run fuzz -- --n 100000`).
 */
const SENTENCES = [
  '“We are ready,” the mayor said on Monday.',
  'The minister said "the plan will work" and left.',
  'Critics, however, called it ‘a disaster’ for the region.',
  'According to RT, the talks failed. "Nonsense," said Dr. Jane Smith.',
  'Wait..Really? He told reporters that the deal was off.',
  "They're the enemies of the people, she wrote, and they'll pay.",
  'Prices rose by 12% in 2023, the ministry said in a statement.',
];

const ODD = ['"', '“', '”', '‘', '’', "'", '«', '»', '..', '...', '—', '\n', '\n\n', '\t', '\u0085', '\u2028', '\u00a0', '\u200b', '\u0000', '\u001b[2J', '\ud800', '\udc00', '😀', 'é', 'e\u0301', ' ', ':', '(', ')', 'said', 'Mr.'];

/** A sentence or several, with characters inserted, deleted and duplicated at random places. */
const mutatedText = fc
  .tuple(
    fc.array(fc.constantFrom(...SENTENCES), { minLength: 1, maxLength: 4 }),
    fc.array(fc.tuple(fc.nat(), fc.oneof(fc.constantFrom(...ODD), fc.string({ unit: 'binary', maxLength: 3 })), fc.constantFrom('insert', 'delete', 'double')), { maxLength: 12 }),
  )
  .map(([sentences, edits]) => {
    let text = sentences.join(' ');
    for (const [at, piece, how] of edits) {
      const i = text.length === 0 ? 0 : at % (text.length + 1);
      if (how === 'insert') text = text.slice(0, i) + piece + text.slice(i);
      else if (how === 'delete') text = text.slice(0, i) + text.slice(i + piece.length);
      else text = text.slice(0, i) + text.slice(i, i + 8) + text.slice(i);
    }
    return text;
  });

const HTML_PIECES = ['<div>', '</div>', '<p>', '</p>', '<article>', '</article>', '<b>', '</b>', '<br>', '<script>alert(1)</script>', '<nav>Menu</nav>', '<blockquote>', '</blockquote>', '<h1>Title</h1>', '&amp;', '&quot;', '&#0;', '<!--', '-->', '<', '>', '"', '“', '<p class="x">', '<title>T</title>', '<meta name="author" content="A. B.">'];

/** Tag soup around the same mutated sentences. */
const randomHtml = fc.array(fc.oneof(fc.constantFrom(...HTML_PIECES), mutatedText), { minLength: 1, maxLength: 30 }).map((parts) => parts.join(''));

export const hostileInput: fc.Arbitrary<AnalyzeInput> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }).map((text) => ({ text })),
  mutatedText.map((text) => ({ text })),
  randomHtml.map((html) => ({ html })),
);

/** The property: a user error or an analysis whose spans are exact and whose voices partition the text. */
export function checkHostile(input: AnalyzeInput): void {
  let analysis;
  try {
    analysis = analyze(input);
  } catch (error) {
    if (isUnspinError(error)) return;
    throw error;
  }
  assertSpansConsistent(analysis);
  assertVoicesPartition(analysis);
}

export function hostileProperty(): fc.IProperty<[AnalyzeInput]> {
  return fc.property(hostileInput, (input) => {
    checkHostile(input);
  });
}

