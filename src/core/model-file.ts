import { readFileSync } from 'node:fs';
import { UnspinError } from './errors.js';

/**
 * A JSON model file (a shipped one: `modelPath(name)`), parsed: a missing, unreadable or malformed file is
 * a MODEL_INVALID error that names the file and says how to rebuild it (`rebuild`), never a
 * bare SyntaxError. The caller checks the shape.
 */
export function readModelJson(path: string, what: string, rebuild: string): { json: unknown; path: string } {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new UnspinError('MODEL_INVALID', `${path}: ${what} missing (${rebuild})`, { input: path, cause });
  }
  try {
    return { json: JSON.parse(raw) as unknown, path };
  } catch (cause) {
    throw new UnspinError('MODEL_INVALID', `${path}: ${what} is not valid JSON (${rebuild})`, { input: path, cause });
  }
}
