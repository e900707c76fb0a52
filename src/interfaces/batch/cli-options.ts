import { UnspinError } from '../../core/errors.js';

/** A positive integer option, or the default when absent. */
export function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UnspinError('USAGE', `--${name} ${value}: expected a whole number of at least 1`);
  return n;
}

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3 };

/** A size such as 10MB, 512k or 1048576 (bytes). */
export function byteSize(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(value.trim());
  const unit = match ? UNITS[match[2]!.toLowerCase()] : undefined;
  if (!match || unit === undefined || Number(match[1]) <= 0) throw new UnspinError('USAGE', `--${name} ${value}: expected a size such as 10MB, 512KB or a number of bytes`);
  return Math.floor(Number(match[1]) * unit);
}
