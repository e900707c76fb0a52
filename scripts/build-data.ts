// npm run build:data (part of npm run build): compiles every data/**/*.yml to
// data/compiled/**/*.json, each stamped with the digest of its YAML and, once the YAML has
// settled, its size and modification time (src/core/data-file.ts).
// Also compiles the propaganda model (models/propaganda.json) to data/compiled/models/,
// stamped with the digest (and settled stamp) of the JSON (src/detectors/propaganda/model.ts), and the
// propaganda lexicon's terms to their tokens' words (src/detectors/propaganda/lexicons.ts), and the
// hate rule set (data/hate vocabulary, rules and guards) to data/compiled/hate-rules.json
// (src/detectors/hate/shipped-rules.ts), and records the shared word table's digest and mean
// projections for the claim model (src/detectors/claims/words.ts), and writes the fields of the
// outlet list that the finder reads (src/provenance/outlets.ts).
// Prints the number of files written.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { compiledPathOf, digestOf, parseYaml, settledStamp, type CompiledDataFile } from '../src/core/data-file.js';
import { dataPath, modelPath } from '../src/core/paths.js';
import { compiledTermsPath, compileTermWords } from '../src/detectors/propaganda/lexicons.js';
import { compiledOutletsPath, compileOutlets } from '../src/provenance/outlets.js';
import { compileTableSummary, tableSummaryPath } from '../src/detectors/claims/words.js';
import { compileShippedRuleSet, shippedRuleSetPath } from '../src/detectors/hate/shipped-rules.js';
import { compiledModelPath, DEFAULT_MODEL_FILE, digestOfModel, encodeCompiledModel, type PropagandaModelFile } from '../src/detectors/propaganda/model.js';

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return d.name === 'compiled' && dir === dataPath() ? [] : yamlFiles(path);
    return d.name.endsWith('.yml') ? [path] : [];
  });
}

rmSync(dataPath('compiled'), { recursive: true, force: true });
const files = yamlFiles(dataPath()).sort();
for (const path of files) {
  // Stamped before it is read: a write in between then makes the stamp stale, never the data.
  const stamp = settledStamp(path);
  const source = readFileSync(path, 'utf8');
  const out = compiledPathOf(path)!;
  const compiled: CompiledDataFile = { digest: digestOf(source), ...(stamp ? { stamp } : {}), data: parseYaml(source) };
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(compiled));
}
console.log(`build:data: ${files.length} YAML files compiled to ${dataPath('compiled')}`);

const modelStamp = settledStamp(modelPath(DEFAULT_MODEL_FILE));
const modelBytes = readFileSync(modelPath(DEFAULT_MODEL_FILE));
const modelOut = compiledModelPath(DEFAULT_MODEL_FILE);
mkdirSync(dirname(modelOut), { recursive: true });
writeFileSync(modelOut, encodeCompiledModel(JSON.parse(modelBytes.toString('utf8')) as PropagandaModelFile, digestOfModel(modelBytes), modelStamp));
console.log(`build:data: ${DEFAULT_MODEL_FILE} compiled to ${modelOut}`);

// After the YAML above, so the lexicon is read from its compiled form.
const terms = compileTermWords();
writeFileSync(compiledTermsPath(), JSON.stringify(terms));
console.log(`build:data: ${terms.length} propaganda lexicon terms tokenised to ${compiledTermsPath()}`);

const ruleSet = compileShippedRuleSet();
writeFileSync(shippedRuleSetPath(), JSON.stringify(ruleSet));
console.log(`build:data: hate rule set (${ruleSet.rules.length} rules, ${ruleSet.guards.length} guards, ${ruleSet.regexCount} patterns) compiled to ${shippedRuleSetPath()}`);

const summary = compileTableSummary();
writeFileSync(tableSummaryPath(), JSON.stringify(summary));
console.log(`build:data: word table digest and offsets recorded in ${tableSummaryPath()}${summary.stamp ? '' : ' (unstamped: models/words.bin was written less than 2 s ago)'}`);

const outlets = compileOutlets();
writeFileSync(compiledOutletsPath(), JSON.stringify(outlets));
console.log(`build:data: ${outlets.outlets.length} outlets compiled to ${compiledOutletsPath()}`);
