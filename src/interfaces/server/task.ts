import type { AnalyzeInput } from '../../input/document.js';

/** What the server posts to a worker thread: one document, or a readiness probe. */
export type WorkerTask = { kind: 'analyze'; input: AnalyzeInput; source: string | null } | { kind: 'ping' };

/**
 * What a worker answers. The analysis comes back already serialised, so the main
 * thread (which also answers /healthz) never spends time on JSON.stringify.
 */
export type WorkerResult =
  | { ok: true; json: string; analyzeMs: number; chars: number }
  | { ok: false; code: string; message: string };
