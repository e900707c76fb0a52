import { tagGroups } from '../../../src/detectors/hate/groups.js';
import { loadDefaultHateLexicon } from '../../../src/detectors/hate/lexicon.js';
import { matchGuards, matchRules, repairWords } from '../../../src/detectors/hate/rules.js';
import { loadDefaultHateRules } from '../../../src/detectors/hate/shipped-rules.js';
import { buildTextModel } from '../../../src/text/model.js';
import { defaultWordTable } from '../../../src/text/word-table.js';

// The rules and guards alone, without the network, so that a test can show which rule or
// guard reads a family of sentences whatever the network says.
const rules = loadDefaultHateRules();
const lexicon = loadDefaultHateLexicon();
const table = defaultWordTable();

function canonWords(text: string) {
  const tm = buildTextModel(text);
  return repairWords(rules, tagGroups(text, tm.tokens, lexicon, rules.references, 0, tm.tokens.length, null).canon, (w) => table.id(w) >= 0);
}

/** The ids of the hate rules that match the whole text. */
export function ruleIds(text: string): string[] {
  return matchRules(rules, canonWords(text), [], [], true, text.includes('?'), text).map((h) => h.rule.id);
}

/** The ids of the benign guards (those that clear only the network) that match the text. */
export function benignGuards(text: string): string[] {
  return matchGuards(rules, canonWords(text), ['benign']).map((g) => g.guard.id);
}
