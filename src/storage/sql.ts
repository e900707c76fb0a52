import type { CountRow, FindingFilter, FindingRow, OutletCount } from './store.js';
import { searchWords } from './rows.js';

/** What differs between the two engines in the shared queries. */
export interface Dialect {
  /** SQL that is true when the document `f.doc_id` matches the free-text parameter. */
  textMatch: string;
  /** The free-text parameter value for `textMatch`. */
  textParam(text: string): string;
  /** Aggregates a column into one '|'-separated string. */
  joinAgg(column: string): string;
  /** The boolean literal. */
  bool(value: boolean): string;
  /** Any-true aggregate of a boolean column. */
  boolAgg(column: string): string;
}

export const DEFAULT_QUERY_LIMIT = 100;

/** Builds the findings query with `?` placeholders, in parameter order. */
export function findingsQuery(filter: FindingFilter, dialect: Dialect): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.kind) {
    where.push('f.kind = ?');
    params.push(filter.kind);
  }
  if (filter.label) {
    where.push('lower(f.label) = lower(?)');
    params.push(filter.label);
  }
  if (filter.voice) {
    where.push('f.voice = ?');
    params.push(filter.voice);
  }
  if (filter.target) {
    where.push('EXISTS (SELECT 1 FROM finding_targets t WHERE t.doc_id = f.doc_id AND t.finding_id = f.finding_id AND lower(t.target) = lower(?))');
    params.push(filter.target);
  }
  if (filter.speaker) {
    where.push("lower(f.speaker_name) LIKE '%' || lower(?) || '%'");
    params.push(filter.speaker);
  }
  if (filter.outlet) {
    where.push('(lower(f.outlet_id) = lower(?) OR lower(f.outlet_name) = lower(?))');
    params.push(filter.outlet, filter.outlet);
  }
  if (filter.stateAffiliated !== undefined) {
    where.push(filter.stateAffiliated ? `f.state_affiliated = ${dialect.bool(true)}` : `(f.state_affiliated IS NULL OR f.state_affiliated = ${dialect.bool(false)})`);
  }
  if (filter.text !== undefined) {
    if (searchWords(filter.text).length === 0) where.push('1 = 0');
    else {
      where.push(dialect.textMatch);
      params.push(dialect.textParam(filter.text));
    }
  }
  params.push(filter.limit ?? DEFAULT_QUERY_LIMIT);
  const sql = `SELECT f.doc_id, f.finding_id, f.kind, f.label, f.voice, f.score, f.span_start, f.span_end, f.text,
      f.speaker_name, f.outlet_id, f.outlet_name, f.state_affiliated, f.rule_id, f.model, f.explanation,
      (SELECT ${dialect.joinAgg('t.target')} FROM finding_targets t WHERE t.doc_id = f.doc_id AND t.finding_id = f.finding_id) AS targets
    FROM findings f
    ${where.length > 0 ? 'WHERE ' + where.join(' AND ') : ''}
    ORDER BY f.doc_id, f.span_start, f.span_end, f.finding_id
    LIMIT ?`;
  return { sql, params };
}

/** Numbers `?` placeholders as `$1, $2, ...` for PostgreSQL. */
export function numberedPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

export function toFindingRow(r: Record<string, unknown>): FindingRow {
  const state = r.state_affiliated;
  return {
    docId: String(r.doc_id),
    findingId: String(r.finding_id),
    kind: String(r.kind),
    label: String(r.label),
    voice: String(r.voice),
    score: Number(r.score),
    start: Number(r.span_start),
    end: Number(r.span_end),
    text: String(r.text),
    targets: typeof r.targets === 'string' && r.targets !== '' ? r.targets.split('|').sort() : [],
    speaker: (r.speaker_name as string | null) ?? null,
    outletId: (r.outlet_id as string | null) ?? null,
    outletName: (r.outlet_name as string | null) ?? null,
    stateAffiliated: state === null || state === undefined ? null : Boolean(state),
    ruleId: (r.rule_id as string | null) ?? null,
    model: (r.model as string | null) ?? null,
    explanation: String(r.explanation),
  };
}

/** The stats queries; each returns rows of {key, count} unless noted. */
export const statsSql = (dialect: Dialect) => ({
  totals: `SELECT
      (SELECT count(*) FROM documents) AS documents,
      (SELECT count(*) FROM analyses) AS analyses,
      (SELECT count(*) FROM documents WHERE status = 'failed') AS errors,
      (SELECT count(*) FROM findings) AS findings`,
  errorsByCode: `SELECT error_code AS key, count(*) AS count FROM documents WHERE status = 'failed' GROUP BY error_code ORDER BY count DESC, key`,
  outlets: `SELECT o.outlet_id, max(o.name) AS name, ${dialect.boolAgg('o.state_affiliated')} AS state_affiliated, count(DISTINCT o.doc_id) AS documents,
      (SELECT count(*) FROM findings f WHERE f.outlet_id = o.outlet_id) AS findings
    FROM outlets o GROUP BY o.outlet_id ORDER BY documents DESC, findings DESC, o.outlet_id`,
  techniques: `SELECT label AS key, count(*) AS count FROM findings WHERE kind = 'propaganda' GROUP BY label ORDER BY count DESC, key`,
  targets: `SELECT t.target AS key, count(*) AS count FROM finding_targets t JOIN findings f ON f.doc_id = t.doc_id AND f.finding_id = t.finding_id
    WHERE f.kind = 'hate' GROUP BY t.target ORDER BY count DESC, key`,
  voices: `SELECT voice AS key, count(*) AS count FROM findings GROUP BY voice ORDER BY count DESC, key`,
  topAuthorHate: `SELECT doc_id AS key, count(*) AS count FROM findings WHERE kind = 'hate' AND voice = 'author'
    GROUP BY doc_id ORDER BY count DESC, key LIMIT ?`,
});

export function toCountRows(rows: readonly Record<string, unknown>[]): CountRow[] {
  return rows.map((r) => ({ key: String(r.key), count: Number(r.count) }));
}

export function toOutletCounts(rows: readonly Record<string, unknown>[]): OutletCount[] {
  return rows.map((r) => ({
    outletId: String(r.outlet_id),
    name: String(r.name),
    stateAffiliated: r.state_affiliated === null || r.state_affiliated === undefined ? null : Boolean(r.state_affiliated),
    documents: Number(r.documents),
    findings: Number(r.findings),
  }));
}
