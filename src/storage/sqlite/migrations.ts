/**
 * Numbered migrations of the SQLite store, applied in order and recorded in
 * `schema_migrations`. Never edit one that has shipped: add the next number.
 * docs/storage.md documents the resulting schema.
 */
export const SQLITE_MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'documents, analyses, findings, quotes, speakers, outlets, full-text index',
    sql: `
      CREATE TABLE documents (
        doc_key INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        source TEXT NOT NULL,
        content_hash TEXT,
        bytes INTEGER,
        status TEXT NOT NULL CHECK (status IN ('analysed', 'failed')),
        error_code TEXT,
        error_message TEXT,
        attempts INTEGER NOT NULL DEFAULT 1,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX documents_status ON documents (status);
      CREATE TABLE analyses (
        doc_id TEXT PRIMARY KEY,
        schema_version INTEGER NOT NULL,
        title TEXT,
        url TEXT,
        published_at TEXT,
        text_length INTEGER NOT NULL,
        finding_count INTEGER NOT NULL,
        duration_ms REAL,
        json TEXT NOT NULL,
        analysed_at TEXT NOT NULL
      );
      CREATE TABLE findings (
        doc_id TEXT NOT NULL,
        finding_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        label TEXT NOT NULL,
        span_start INTEGER NOT NULL,
        span_end INTEGER NOT NULL,
        text TEXT NOT NULL,
        score REAL NOT NULL,
        voice TEXT NOT NULL,
        rule_id TEXT,
        model TEXT,
        explanation TEXT NOT NULL,
        quote_id TEXT,
        speaker_name TEXT,
        outlet_id TEXT,
        outlet_name TEXT,
        state_affiliated INTEGER,
        PRIMARY KEY (doc_id, finding_id)
      );
      CREATE INDEX findings_kind_label ON findings (kind, label);
      CREATE INDEX findings_voice ON findings (voice, kind);
      CREATE INDEX findings_outlet ON findings (outlet_id);
      CREATE TABLE finding_targets (
        doc_id TEXT NOT NULL,
        finding_id TEXT NOT NULL,
        target TEXT NOT NULL,
        PRIMARY KEY (doc_id, finding_id, target)
      );
      CREATE INDEX finding_targets_target ON finding_targets (target);
      CREATE TABLE quotes (
        doc_id TEXT NOT NULL,
        quote_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        span_start INTEGER NOT NULL,
        span_end INTEGER NOT NULL,
        text TEXT NOT NULL,
        speaker_id TEXT,
        outlet_id TEXT,
        explanation TEXT NOT NULL,
        PRIMARY KEY (doc_id, quote_id)
      );
      CREATE TABLE speakers (
        doc_id TEXT NOT NULL,
        speaker_id TEXT NOT NULL,
        name TEXT NOT NULL,
        mentions INTEGER NOT NULL,
        PRIMARY KEY (doc_id, speaker_id)
      );
      CREATE INDEX speakers_name ON speakers (name);
      CREATE TABLE outlets (
        doc_id TEXT NOT NULL,
        outlet_id TEXT NOT NULL,
        name TEXT NOT NULL,
        country TEXT,
        state_affiliated INTEGER,
        typology TEXT,
        owner TEXT,
        mentions INTEGER NOT NULL,
        PRIMARY KEY (doc_id, outlet_id)
      );
      CREATE INDEX outlets_outlet ON outlets (outlet_id);
      -- One row per analysed document, rowid = documents.doc_key, so replacing a
      -- document's entry is a keyed delete rather than a scan.
      CREATE VIRTUAL TABLE search USING fts5 (text, findings, tokenize = 'porter unicode61');
    `,
  },
];
