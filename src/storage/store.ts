import type { Analysis, FindingKind, Voice } from '../core/types.js';

/** A document as the store knows it: where it came from and a hash of its content. */
export interface DocumentRecord {
  /** Path relative to the working directory (forward slashes), or the JSON Lines record id. */
  id: string;
  /** What the user named: the path or `file.jsonl:line`. */
  source: string;
  /** SHA-256 of the content (hex); null when the content could not be read. */
  contentHash: string | null;
  /** Content size in UTF-8 bytes; null when unknown. */
  bytes: number | null;
}

/** Why a document has no analysis: the stable error code and its one-line message. */
export interface DocumentError {
  code: string;
  message: string;
  /** Tries this failure stands for (a queue job retried three times is 3); 1 when omitted. */
  tries?: number;
}

/** What the store holds for a document id, to decide whether to skip it. */
export interface DocumentState {
  status: 'analysed' | 'failed';
  contentHash: string | null;
}

export interface FindingFilter {
  kind?: FindingKind;
  label?: string;
  voice?: Voice;
  /** A HateXplain target group, e.g. "Women". */
  target?: string;
  /** Speaker name (case-insensitive substring) of the quote the finding sits in. */
  speaker?: string;
  /** Outlet id or name (case-insensitive) of the quote the finding sits in, or cited by its document. */
  outlet?: string;
  /** Only findings attributed to a state-affiliated outlet (true) or to none / a non-state one (false). */
  stateAffiliated?: boolean;
  /** Free text: documents whose text or findings contain every word (stemmed, English). */
  text?: string;
  /** At most this many rows (default 100). */
  limit?: number;
}

/** One finding with its document and attribution, as `unspin query` prints it. */
export interface FindingRow {
  docId: string;
  findingId: string;
  kind: string;
  label: string;
  voice: string;
  score: number;
  start: number;
  end: number;
  text: string;
  targets: string[];
  speaker: string | null;
  outletId: string | null;
  outletName: string | null;
  stateAffiliated: boolean | null;
  ruleId: string | null;
  model: string | null;
  explanation: string;
}

export interface CountRow {
  key: string;
  count: number;
}

export interface OutletCount {
  outletId: string;
  name: string;
  stateAffiliated: boolean | null;
  /** Documents that cite it. */
  documents: number;
  /** Findings inside quotes attributed to it. */
  findings: number;
}

export interface StoreStats {
  documents: number;
  analyses: number;
  errors: number;
  findings: number;
  /** Error codes of failed documents. */
  errorsByCode: CountRow[];
  outlets: OutletCount[];
  /** Propaganda findings per technique label. */
  techniques: CountRow[];
  /** Hate findings per target group. */
  targets: CountRow[];
  /** Findings per voice (author, quoted, reported). */
  voices: CountRow[];
  /** Documents with the most author-voice hate findings. */
  topAuthorHate: CountRow[];
}

/**
 * One storage interface, two engines (SQLite embedded, PostgreSQL for scale-out).
 * Writes are idempotent per document id: saving again replaces every row of that
 * document in one transaction, so a retried or duplicated job leaves one analysis.
 */
export interface Store {
  readonly engine: 'sqlite' | 'postgres';
  /** Applies pending numbered migrations; safe to call from several processes at once. */
  migrate(): Promise<void>;
  /** For readers (query, stats): fails with STORE_EMPTY or STORE_SCHEMA unless this unspin can read the store. */
  checkReadable(): Promise<void>;
  /** States of the given ids (absent ids are unknown to the store). */
  states(ids: readonly string[]): Promise<Map<string, DocumentState>>;
  saveAnalysis(doc: DocumentRecord, analysis: Analysis, durationMs: number): Promise<void>;
  saveError(doc: DocumentRecord, error: DocumentError): Promise<void>;
  queryFindings(filter: FindingFilter): Promise<FindingRow[]>;
  stats(options?: { top?: number }): Promise<StoreStats>;
  close(): Promise<void>;
}
