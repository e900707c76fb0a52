import { AssertionError } from 'node:assert';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { checkHostile, hostileInput, hostileProperty } from '../test/fuzz/hostile.js';

/**
 * The long fuzz run: `npm run fuzz -- --n 100000 [--seed S]`. Counts crashes (an exception
 * that is not a user error) and violations (a span that is not exact, a voice partition
 * that breaks), then lets fast-check shrink the first failure to a minimal counterexample.
 */
const { values } = parseArgs({ options: { n: { type: 'string', default: '10000' }, seed: { type: 'string', default: '1' } }, strict: true });
const n = Number(values.n);
const seed = Number(values.seed);
if (!Number.isInteger(n) || n <= 0 || !Number.isInteger(seed)) {
  process.stderr.write('fuzz: --n must be a positive integer and --seed an integer\n');
  process.exit(2);
}

const CHUNK = 1000;
let crashes = 0;
let violations = 0;
let done = 0;
const started = performance.now();
for (let chunk = 0; done < n; chunk++) {
  const inputs = fc.sample(hostileInput, { numRuns: Math.min(CHUNK, n - done), seed: seed + chunk });
  for (const input of inputs) {
    try {
      checkHostile(input);
    } catch (error) {
      if (error instanceof AssertionError) violations++;
      else crashes++;
    }
  }
  done += inputs.length;
  if (chunk % 10 === 9) process.stderr.write(`fuzz: ${done}/${n}, ${crashes} crashes, ${violations} violations\n`);
}
const seconds = (performance.now() - started) / 1000;
process.stdout.write(`fuzz: ${done} inputs in ${seconds.toFixed(0)} s: ${crashes} crashes, ${violations} violations\n`);

if (crashes + violations > 0) {
  const result = fc.check(hostileProperty(), { numRuns: n, seed });
  if (result.failed) {
    process.stdout.write(`minimal counterexample (seed ${seed}, shrunk ${result.numShrinks} times): ${JSON.stringify(result.counterexample?.[0])}\n${String(result.errorInstance)}\n`);
  } else {
    process.stdout.write('the shrinking run found no failure with this seed; rerun with another --seed\n');
  }
  process.exitCode = 1;
}
