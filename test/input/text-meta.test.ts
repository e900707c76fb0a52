import assert from 'node:assert/strict';
import { test } from 'node:test';
import { headline, isoDate, textMeta } from '../../src/input/text-meta.js';

test('a plain-text article takes its first line as title when it stands alone like a headline', () => {
  assert.equal(headline('Minister defends grain deal\n\nThe minister said the deal was good.'), 'Minister defends grain deal');
  assert.equal(headline('Why did the minister lie?\n\nHe said so.'), 'Why did the minister lie?');
  assert.equal(headline('The minister said the deal was good.\n\nCritics disagreed.'), null);
  assert.equal(headline('One paragraph only, no headline'), null);
});

test('a byline line near the top gives the byline and, with a full date, the publication date', () => {
  assert.deepEqual(textMeta('The Interview\n\nBy Mark Holloway, The Sovereign Review, 16 March 2024\n\nLast night...'), { title: 'The Interview', byline: 'Mark Holloway', publishedAt: '2024-03-16' });
  assert.deepEqual(textMeta('Headline here\n\nPosted by Viktor Drago, independent analyst\n\nText.'), { title: 'Headline here', byline: 'Viktor Drago', publishedAt: null });
  assert.equal(textMeta('Headline\n\nThe report was written by hand over many years, the author said.\n\nText.').byline, null);
  assert.equal(textMeta('Headline\n\nBody text.\n\nMore.\n\nBy Jane Doe').byline, null, 'only the first paragraphs');
  assert.equal(textMeta('Headline\n\nBy the way, prices rose.\n\nText.').byline, null, 'a lower-case word is no name');
});

test('dates: day-month-year, month-day-year and ISO; impossible dates are null', () => {
  assert.equal(isoDate('16 March 2024'), '2024-03-16');
  assert.equal(isoDate('March 16, 2024'), '2024-03-16');
  assert.equal(isoDate('updated 2024-03-16 10:00'), '2024-03-16');
  assert.equal(isoDate('31 February 2024'), null);
  assert.equal(isoDate('no date here'), null);
});
