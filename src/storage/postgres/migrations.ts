/**
 * Numbered migrations of the PostgreSQL store, the same tables as the SQLite store
 * (docs/storage.md). Never edit one that has shipped: add the next number.
 */
export const POSTGRES_MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'documents, analyses, findings, quotes, speakers, outlets, full-text index',
    sql: `
      CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        source TEXT NOT NULL,
        content_hash TEXT,
        bytes BIGINT,
        status TEXT NOT NULL CHECK (status IN ('analysed', 'failed')),
        error_code TEXT,
        error_message TEXT,
        attempts INTEGER NOT NULL DEFAULT 1,
        updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
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
        duration_ms DOUBLE PRECISION,
        json JSONB NOT NULL,
        search_body TEXT NOT NULL,
        -- tsvector is capped at 1 MB, so only the first 500,000 characters are indexed.
        search tsvector GENERATED ALWAYS AS (
          to_tsvector('english'::regconfig, left(json->>'text', 500000)) || to_tsvector('english'::regconfig, left(search_body, 500000))
        ) STORED,
        analysed_at TIMESTAMPTZ NOT NULL DEFAULT now()
      );
      CREATE INDEX analyses_search ON analyses USING GIN (search);
      CREATE TABLE findings (
        doc_id TEXT NOT NULL,
        finding_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        label TEXT NOT NULL,
        span_start INTEGER NOT NULL,
        span_end INTEGER NOT NULL,
        text TEXT NOT NULL,
        score DOUBLE PRECISION NOT NULL,
        voice TEXT NOT NULL,
        rule_id TEXT,
        model TEXT,
        explanation TEXT NOT NULL,
        quote_id TEXT,
        speaker_name TEXT,
        outlet_id TEXT,
        outlet_name TEXT,
        state_affiliated BOOLEAN,
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
        state_affiliated BOOLEAN,
        typology TEXT,
        owner TEXT,
        mentions INTEGER NOT NULL,
        PRIMARY KEY (doc_id, outlet_id)
      );
      CREATE INDEX outlets_outlet ON outlets (outlet_id);
    `,
  },
];
