import { test } from 'node:test';
import fc from 'fast-check';
import { hostileProperty } from './hostile.js';

test('fuzz: random Unicode, mutated quoted sentences and random HTML never crash; spans exact, voices partition the text', () => {
  // Bounded and seeded so `npm test` is repeatable; `npm run fuzz -- --n 100000` is the long run.
  fc.assert(hostileProperty(), { numRuns: 300, seed: 20261205 });
});
