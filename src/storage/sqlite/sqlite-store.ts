import Database from 'better-sqlite3';
import { UnspinError } from '../../core/errors.js';
import type { Analysis } from '../../core/types.js';
import { analysisRows, searchWords } from '../rows.js';
import { findingsQuery, statsSql, toCountRows, toFindingRow, toOutletCounts, type Dialect } from '../sql.js';
import type { DocumentError, DocumentRecord, DocumentState, FindingFilter, FindingRow, Store, StoreStats } from '../store.js';
import { searchBody } from '../search-body.js';
import { SQLITE_MIGRATIONS } from './migrations.js';

const dialect: Dialect = {
  textMatch: 'f.doc_id IN (SELECT d.id FROM search s JOIN documents d ON d.doc_key = s.rowid WHERE search MATCH ?)',
  // Each word quoted, so user text never reaches FTS5's query syntax.
  textParam: (text) => searchWords(text).map((w) => `"${w}"`).join(' '),
  joinAgg: (column) => `group_concat(${column}, '|')`,
  bool: (value) => (value ? '1' : '0'),
  boolAgg: (column) => `max(${column})`,
};

export interface SqliteStoreOptions {
  /** Open without writing (query, stats); the file must exist. */
  readonly?: boolean;
}

/** The embedded store: one SQLite file in WAL mode, one writer, any number of readers. */
export function openSqliteStore(file: string, options: SqliteStoreOptions = {}): Store {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      // WAL + NORMAL survives a process crash (only an OS crash may lose the last commits).
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('busy_timeout = 5000');
  } catch (cause) {
    throw new UnspinError('STORE_UNAVAILABLE', `${file}: cannot open the SQLite store (${(cause as Error).message})`, { input: file, cause });
  }
  return new SqliteStore(db, file);
}

class SqliteStore implements Store {
  readonly engine = 'sqlite' as const;
  #statements: ReturnType<SqliteStore['prepare']> | undefined;

  constructor(
    private readonly db: Database.Database,
    private readonly file: string,
  ) {}

  async migrate(): Promise<void> {
    const db = this.db;
    db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const applied = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
    const known = Math.max(...SQLITE_MIGRATIONS.map((m) => m.version));
    const newest = Math.max(0, ...applied);
    if (newest > known) throw new UnspinError('STORE_SCHEMA', `${this.file}: store schema version ${newest} is newer than this unspin knows (${known}); upgrade unspin`, { input: this.file });
    for (const m of SQLITE_MIGRATIONS) {
      if (applied.has(m.version)) continue;
      db.transaction(() => {
        db.exec(m.sql);
        db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
      }).immediate();
    }
  }

  async checkReadable(): Promise<void> {
    const table = this.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
    if (!table) throw new UnspinError('STORE_EMPTY', `${this.file}: not an unspin store (no schema_migrations table); run unspin batch into it first`, { input: this.file });
    const newest = Number(this.db.prepare('SELECT max(version) FROM schema_migrations').pluck().get() ?? 0);
    const known = Math.max(...SQLITE_MIGRATIONS.map((m) => m.version));
    if (newest > known) throw new UnspinError('STORE_SCHEMA', `${this.file}: store schema version ${newest} is newer than this unspin knows (${known}); upgrade unspin`, { input: this.file });
    if (newest < known) throw new UnspinError('STORE_SCHEMA', `${this.file}: store schema version ${newest} is older than this unspin's (${known}); run unspin batch on it to migrate`, { input: this.file });
  }

  private prepare() {
    const db = this.db;
    return {
      state: db.prepare('SELECT status, content_hash FROM documents WHERE id = ?'),
      upsertDoc: db.prepare(`INSERT INTO documents (id, source, content_hash, bytes, status, error_code, error_message, attempts, updated_at)
        VALUES (@id, @source, @contentHash, @bytes, @status, @errorCode, @errorMessage, @tries, @now)
        ON CONFLICT (id) DO UPDATE SET source = excluded.source, content_hash = excluded.content_hash, bytes = excluded.bytes,
          status = excluded.status, error_code = excluded.error_code, error_message = excluded.error_message,
          attempts = documents.attempts + excluded.attempts, updated_at = excluded.updated_at
        RETURNING doc_key`),
      deletes: ['analyses', 'findings', 'finding_targets', 'quotes', 'speakers', 'outlets'].map((t) => db.prepare(`DELETE FROM ${t} WHERE doc_id = ?`)),
      deleteSearch: db.prepare('DELETE FROM search WHERE rowid = ?'),
      analysis: db.prepare(`INSERT INTO analyses (doc_id, schema_version, title, url, published_at, text_length, finding_count, duration_ms, json, analysed_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      finding: db.prepare(`INSERT INTO findings (doc_id, finding_id, kind, label, span_start, span_end, text, score, voice, rule_id, model, explanation,
        quote_id, speaker_name, outlet_id, outlet_name, state_affiliated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      target: db.prepare('INSERT INTO finding_targets (doc_id, finding_id, target) VALUES (?, ?, ?)'),
      quote: db.prepare('INSERT INTO quotes (doc_id, quote_id, kind, span_start, span_end, text, speaker_id, outlet_id, explanation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
      speaker: db.prepare('INSERT INTO speakers (doc_id, speaker_id, name, mentions) VALUES (?, ?, ?, ?)'),
      outlet: db.prepare('INSERT INTO outlets (doc_id, outlet_id, name, country, state_affiliated, typology, owner, mentions) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
      search: db.prepare('INSERT INTO search (rowid, text, findings) VALUES (?, ?, ?)'),
    };
  }

  private get statements() {
    this.#statements ??= this.prepare();
    return this.#statements;
  }

  async states(ids: readonly string[]): Promise<Map<string, DocumentState>> {
    const result = new Map<string, DocumentState>();
    for (const id of ids) {
      const row = this.statements.state.get(id) as { status: DocumentState['status']; content_hash: string | null } | undefined;
      if (row) result.set(id, { status: row.status, contentHash: row.content_hash });
    }
    return result;
  }

  async saveAnalysis(doc: DocumentRecord, analysis: Analysis, durationMs: number): Promise<void> {
    const s = this.statements;
    const rows = analysisRows(analysis);
    const now = new Date().toISOString();
    this.db.transaction(() => {
      const key = this.replaceDocument(doc, 'analysed', null, now);
      const a = rows.analysis;
      s.analysis.run(doc.id, a.schemaVersion, a.title, a.url, a.publishedAt, a.textLength, a.findingCount, durationMs, JSON.stringify(analysis), now);
      for (const f of rows.findings) {
        s.finding.run(doc.id, f.findingId, f.kind, f.label, f.start, f.end, f.text, f.score, f.voice, f.ruleId, f.model, f.explanation,
          f.quoteId, f.speakerName, f.outletId, f.outletName, f.stateAffiliated === null ? null : Number(f.stateAffiliated));
      }
      for (const t of rows.targets) s.target.run(doc.id, t.findingId, t.target);
      for (const q of rows.quotes) s.quote.run(doc.id, q.quoteId, q.kind, q.start, q.end, q.text, q.speakerId, q.outletId, q.explanation);
      for (const sp of rows.speakers) s.speaker.run(doc.id, sp.speakerId, sp.name, sp.mentions);
      for (const o of rows.outlets) s.outlet.run(doc.id, o.outletId, o.name, o.country, o.stateAffiliated === null ? null : Number(o.stateAffiliated), o.typology, o.owner, o.mentions);
      s.search.run(key, analysis.text, searchBody(analysis));
    }).immediate();
  }

  async saveError(doc: DocumentRecord, error: DocumentError): Promise<void> {
    this.db.transaction(() => {
      this.replaceDocument(doc, 'failed', error, new Date().toISOString());
    }).immediate();
  }

  /** Upserts the document row and drops every row of its previous analysis. */
  private replaceDocument(doc: DocumentRecord, status: DocumentState['status'], error: DocumentError | null, now: string): number {
    const s = this.statements;
    const { doc_key: key } = s.upsertDoc.get({ id: doc.id, source: doc.source, contentHash: doc.contentHash, bytes: doc.bytes, status, errorCode: error?.code ?? null, errorMessage: error?.message ?? null, tries: error?.tries ?? 1, now }) as { doc_key: number };
    for (const d of s.deletes) d.run(doc.id);
    s.deleteSearch.run(key);
    return key;
  }

  async queryFindings(filter: FindingFilter): Promise<FindingRow[]> {
    const { sql, params } = findingsQuery(filter, dialect);
    return (this.db.prepare(sql).all(...params) as Record<string, unknown>[]).map(toFindingRow);
  }

  async stats(options: { top?: number } = {}): Promise<StoreStats> {
    const q = statsSql(dialect);
    const all = (sql: string, ...params: unknown[]) => this.db.prepare(sql).all(...params) as Record<string, unknown>[];
    const totals = this.db.prepare(q.totals).get() as Record<string, number>;
    return {
      documents: Number(totals.documents),
      analyses: Number(totals.analyses),
      errors: Number(totals.errors),
      findings: Number(totals.findings),
      errorsByCode: toCountRows(all(q.errorsByCode)),
      outlets: toOutletCounts(all(q.outlets)),
      techniques: toCountRows(all(q.techniques)),
      targets: toCountRows(all(q.targets)),
      voices: toCountRows(all(q.voices)),
      topAuthorHate: toCountRows(all(q.topAuthorHate, options.top ?? 10)),
    };
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
