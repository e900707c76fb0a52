import type { UnspinError } from '../../core/errors.js';

/** One line on stderr for a user error: what, which input, and the stable code. */
export function reportFailure(error: UnspinError): void {
  process.stderr.write(`unspin: ${error.message} (${error.code})\n`);
}
