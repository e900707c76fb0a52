import type { Store } from './store.js';

export interface OpenStoreOptions {
  /** For reading only (query, stats): a SQLite file must exist and is not written. */
  readonly?: boolean;
}

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/**
 * Opens the store named by `--db`: a postgres:// URL (optionally `?schema=NAME`)
 * or a SQLite file path. Engines load lazily so SQLite users never load pg.
 */
export async function openStore(location: string, options: OpenStoreOptions = {}): Promise<Store> {
  if (isPostgresUrl(location)) {
    const { openPostgresStore } = await import('./postgres/postgres-store.js');
    return openPostgresStore(location);
  }
  const { openSqliteStore } = await import('./sqlite/sqlite-store.js');
  return openSqliteStore(location, options);
}
