import { join } from 'node:path';
import { loadCases as loadFrom } from '../../src/eval/attribution/fixtures.js';

export { ratio, scoreCases, type V2Case } from '../../src/eval/attribution/fixtures.js';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'provenance-v2');

/** cases.json (the cases the rules were built against) or held-out.json (written after, measured once untuned). */
export function loadCases(file: 'cases.json' | 'held-out.json' = 'cases.json') {
  return loadFrom(DIR, file);
}
