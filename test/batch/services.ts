import { randomBytes } from 'node:crypto';

/** The CI services (PostgreSQL trust auth, Redis); tests use unique schemas and queue names. */
export const PG_BASE = process.env.UNSPIN_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
export const REDIS_URL = process.env.UNSPIN_TEST_REDIS ?? 'redis://127.0.0.1:6379';

export function uniqueName(prefix: string): string {
  return `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
}
