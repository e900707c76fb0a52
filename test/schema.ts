import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';

let validate: ValidateFunction | undefined;

/** Validates an analysis against schema/analysis.schema.json; throws with every error listed. */
export function validateAnalysis(analysis: unknown, what: string): void {
  if (!validate) {
    const schema = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'schema', 'analysis.schema.json'), 'utf8')) as object;
    validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
  }
  if (!validate(analysis)) {
    throw new Error(`${what}: does not match the schema:\n${(validate.errors ?? []).map((e) => `  ${e.instancePath} ${e.message}`).join('\n')}`);
  }
}
