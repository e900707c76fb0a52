import pg from 'pg';
import { UnspinError } from '../../core/errors.js';
import type { Analysis } from '../../core/types.js';
import { analysisRows } from '../rows.js';
import { searchBody } from '../search-body.js';
import { findingsQuery, numberedPlaceholders, statsSql, toCountRows, toFindingRow, toOutletCounts, type Dialect } from '../sql.js';
import type { DocumentError, DocumentRecord, DocumentState, FindingFilter, FindingRow, Store, StoreStats } from '../store.js';
import { POSTGRES_MIGRATIONS } from './migrations.js';

const dialect: Dialect = {
  textMatch: "f.doc_id IN (SELECT a.doc_id FROM analyses a WHERE a.search @@ plainto_tsquery('english', ?))",
  textParam: (text) => text,
  joinAgg: (column) => `string_agg(${column}, '|')`,
  bool: (value) => (value ? 'true' : 'false'),
  boolAgg: (column) => `bool_or(${column})`,
};

const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

export interface PostgresLocation {
  connectionString: string;
  /** Schema holding the tables; `public` unless the URL says `?schema=NAME`. */
  schema: string;
  /** The URL without credentials, for messages. */
  display: string;
}

export function parsePostgresUrl(url: string): PostgresLocation {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UnspinError('USAGE', `--db ${url}: not a valid postgres:// URL`);
  }
  const schema = parsed.searchParams.get('schema') ?? 'public';
  if (!SCHEMA_NAME.test(schema)) throw new UnspinError('USAGE', `--db: schema "${schema}" must be letters, digits and _`);
  parsed.searchParams.delete('schema');
  const display = `${parsed.protocol}//${parsed.host}${parsed.pathname}${schema === 'public' ? '' : `?schema=${schema}`}`;
  return { connectionString: parsed.toString(), schema, display };
}

export interface PostgresStoreOptions {
  /** Connections in the pool (default 4). */
  connections?: number;
}

/** The scale-out store: any number of workers write, upserting per document in one transaction. */
export function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Store {
  const location = parsePostgresUrl(url);
  const pool = new pg.Pool({ connectionString: location.connectionString, max: options.connections ?? 4, connectionTimeoutMillis: 10_000 });
  // Queries on a client run in order, so the search_path is set before any other.
  pool.on('connect', (client) => {
    client.query(`SET search_path TO "${location.schema}"`).catch(() => undefined);
  });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  return new PostgresStore(pool, location);
}

class PostgresStore implements Store {
  readonly engine = 'postgres' as const;

  constructor(
    private readonly pool: pg.Pool,
    private readonly location: PostgresLocation,
  ) {}

  private async connect(): Promise<pg.PoolClient> {
    try {
      return await this.pool.connect();
    } catch (cause) {
      throw new UnspinError('STORE_UNAVAILABLE', `${this.location.display}: cannot connect to PostgreSQL (${(cause as Error).message})`, { input: this.location.display, cause });
    }
  }

  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async migrate(): Promise<void> {
    const schema = this.location.schema;
    await this.transaction(async (client) => {
      // Workers start together: one migrates, the others wait and find it done.
      await client.query("SELECT pg_advisory_xact_lock(hashtext('unspin-migrations'))");
      await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      await client.query(`SET LOCAL search_path TO "${schema}"`);
      await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
      const applied = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
      const known = Math.max(...POSTGRES_MIGRATIONS.map((m) => m.version));
      const newest = Math.max(0, ...applied);
      if (newest > known) throw new UnspinError('STORE_SCHEMA', `${this.location.display}: store schema version ${newest} is newer than this unspin knows (${known}); upgrade unspin`, { input: this.location.display });
      for (const m of POSTGRES_MIGRATIONS) {
        if (applied.has(m.version)) continue;
        await client.query(m.sql);
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      }
    });
  }

  async checkReadable(): Promise<void> {
    const where = this.location.display;
    const { rows } = await this.query<{ t: string | null }>("SELECT to_regclass('schema_migrations')::text AS t");
    if (!rows[0]?.t) throw new UnspinError('STORE_EMPTY', `${where}: not an unspin store (no schema_migrations table in schema ${this.location.schema}); run unspin batch or unspin worker on it first`, { input: where });
    const { rows: versions } = await this.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
    const newest = Number(versions[0]?.v ?? 0);
    const known = Math.max(...POSTGRES_MIGRATIONS.map((m) => m.version));
    if (newest > known) throw new UnspinError('STORE_SCHEMA', `${where}: store schema version ${newest} is newer than this unspin knows (${known}); upgrade unspin`, { input: where });
    if (newest < known) throw new UnspinError('STORE_SCHEMA', `${where}: store schema version ${newest} is older than this unspin's (${known}); run unspin batch on it to migrate`, { input: where });
  }

  async states(ids: readonly string[]): Promise<Map<string, DocumentState>> {
    const result = new Map<string, DocumentState>();
    if (ids.length === 0) return result;
    const original = new Map(ids.map((id) => [pgText(id), id]));
    const { rows } = await this.query<{ id: string; status: DocumentState['status']; content_hash: string | null }>('SELECT id, status, content_hash FROM documents WHERE id = ANY($1::text[])', [[...original.keys()]]);
    for (const r of rows) result.set(original.get(r.id) ?? r.id, { status: r.status, contentHash: r.content_hash });
    return result;
  }

  private async query<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<pg.QueryResult<R>> {
    const client = await this.connect();
    try {
      return await client.query<R>(sql, params);
    } finally {
      client.release();
    }
  }

  async saveAnalysis(record: DocumentRecord, analysis: Analysis, durationMs: number): Promise<void> {
    const doc = { ...record, id: pgText(record.id) };
    const rows = analysisRows(analysis);
    await this.transaction(async (client) => {
      await this.replaceDocument(client, doc, 'analysed', null);
      const a = rows.analysis;
      await client.query(
        `INSERT INTO analyses (doc_id, schema_version, title, url, published_at, text_length, finding_count, duration_ms, json, search_body)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [doc.id, a.schemaVersion, pgText(a.title), pgText(a.url), pgText(a.publishedAt), a.textLength, a.findingCount, durationMs, pgJson(analysis), pgText(searchBody(analysis))],
      );
      const f = rows.findings;
      if (f.length > 0) {
        await client.query(
          `INSERT INTO findings (doc_id, finding_id, kind, label, span_start, span_end, text, score, voice, rule_id, model, explanation,
             quote_id, speaker_name, outlet_id, outlet_name, state_affiliated)
           SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::int[], $6::int[], $7::text[], $8::float8[], $9::text[], $10::text[],
             $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::boolean[])`,
          [doc.id, ...columns(f, ['findingId', 'kind', 'label', 'start', 'end', 'text', 'score', 'voice', 'ruleId', 'model', 'explanation', 'quoteId', 'speakerName', 'outletId', 'outletName', 'stateAffiliated'])],
        );
      }
      if (rows.targets.length > 0) {
        await client.query('INSERT INTO finding_targets (doc_id, finding_id, target) SELECT $1, * FROM unnest($2::text[], $3::text[])', [doc.id, ...columns(rows.targets, ['findingId', 'target'])]);
      }
      if (rows.quotes.length > 0) {
        await client.query(
          `INSERT INTO quotes (doc_id, quote_id, kind, span_start, span_end, text, speaker_id, outlet_id, explanation)
           SELECT $1, * FROM unnest($2::text[], $3::text[], $4::int[], $5::int[], $6::text[], $7::text[], $8::text[], $9::text[])`,
          [doc.id, ...columns(rows.quotes, ['quoteId', 'kind', 'start', 'end', 'text', 'speakerId', 'outletId', 'explanation'])],
        );
      }
      if (rows.speakers.length > 0) {
        await client.query('INSERT INTO speakers (doc_id, speaker_id, name, mentions) SELECT $1, * FROM unnest($2::text[], $3::text[], $4::int[])', [doc.id, ...columns(rows.speakers, ['speakerId', 'name', 'mentions'])]);
      }
      if (rows.outlets.length > 0) {
        await client.query(
          `INSERT INTO outlets (doc_id, outlet_id, name, country, state_affiliated, typology, owner, mentions)
           SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::boolean[], $6::text[], $7::text[], $8::int[])`,
          [doc.id, ...columns(rows.outlets, ['outletId', 'name', 'country', 'stateAffiliated', 'typology', 'owner', 'mentions'])],
        );
      }
    });
  }

  async saveError(record: DocumentRecord, error: DocumentError): Promise<void> {
    const doc = { ...record, id: pgText(record.id) };
    await this.transaction((client) => this.replaceDocument(client, doc, 'failed', error));
  }

  /**
   * Upserts the document row first: its row lock serialises two workers saving the
   * same document (a retaken stalled job), so the second replaces the first's rows.
   */
  private async replaceDocument(client: pg.PoolClient, doc: DocumentRecord, status: DocumentState['status'], error: DocumentError | null): Promise<void> {
    await client.query(
      `INSERT INTO documents (id, source, content_hash, bytes, status, error_code, error_message, attempts, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())
       ON CONFLICT (id) DO UPDATE SET source = excluded.source, content_hash = excluded.content_hash, bytes = excluded.bytes,
         status = excluded.status, error_code = excluded.error_code, error_message = excluded.error_message,
         attempts = documents.attempts + excluded.attempts, updated_at = now()`,
      [doc.id, pgText(doc.source), doc.contentHash, doc.bytes, status, error?.code ?? null, pgText(error?.message ?? null), error?.tries ?? 1],
    );
    // One round trip for the six deletes: workers are latency-bound, not CPU-bound, here.
    await client.query(
      `WITH a AS (DELETE FROM analyses WHERE doc_id = $1), f AS (DELETE FROM findings WHERE doc_id = $1),
         t AS (DELETE FROM finding_targets WHERE doc_id = $1), q AS (DELETE FROM quotes WHERE doc_id = $1),
         s AS (DELETE FROM speakers WHERE doc_id = $1)
       DELETE FROM outlets WHERE doc_id = $1`,
      [doc.id],
    );
  }

  async queryFindings(filter: FindingFilter): Promise<FindingRow[]> {
    const { sql, params } = findingsQuery(filter, dialect);
    const { rows } = await this.query<Record<string, unknown>>(numberedPlaceholders(sql), params);
    return rows.map(toFindingRow);
  }

  async stats(options: { top?: number } = {}): Promise<StoreStats> {
    const q = statsSql(dialect);
    const all = async (sql: string, params: unknown[] = []) => (await this.query<Record<string, unknown>>(numberedPlaceholders(sql), params)).rows;
    const [totals] = await all(q.totals);
    return {
      documents: Number(totals?.documents ?? 0),
      analyses: Number(totals?.analyses ?? 0),
      errors: Number(totals?.errors ?? 0),
      findings: Number(totals?.findings ?? 0),
      errorsByCode: toCountRows(await all(q.errorsByCode)),
      outlets: toOutletCounts(await all(q.outlets)),
      techniques: toCountRows(await all(q.techniques)),
      targets: toCountRows(await all(q.targets)),
      voices: toCountRows(await all(q.voices)),
      topAuthorHate: toCountRows(await all(q.topAuthorHate, [options.top ?? 10])),
    };
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** Column arrays for `unnest`, one per field, in order. */
function columns<T extends object>(rows: readonly T[], fields: readonly (keyof T)[]): unknown[][] {
  return fields.map((field) => rows.map((row) => (typeof row[field] === 'string' ? pgText(row[field] as string) : (row[field] ?? null))));
}

/**
 * PostgreSQL text cannot hold U+0000. It becomes U+FFFD, which is also one UTF-16
 * code unit, so every stored offset still points at the same characters.
 */
function pgText<T extends string | null>(value: T): T {
  return (value === null || !value.includes('\0') ? value : value.replaceAll('\0', '\uFFFD')) as T;
}

/** The analysis as JSON for a JSONB column, with escaped U+0000 replaced as in `pgText`. */
function pgJson(analysis: Analysis): string {
  const json = JSON.stringify(analysis);
  // Only a \u0000 escape preceded by an even number of backslashes is a NUL (not an escaped backslash).
  return json.includes('\\u0000') ? json.replace(/(?<!\\)((?:\\\\)*)\\u0000/g, '$1\\ufffd') : json;
}
