import type { AnalyzeInput } from '../../input/document.js';

/** What a pool posts to an analysis thread: one document, or a readiness probe. */
export type AnalysisTask = { kind: 'analyze'; input: AnalyzeInput; source: string | null } | { kind: 'ping' };

/**
 * What an analysis thread answers. The analysis comes back serialised, so the main
 * thread (which answers /healthz, or drives a progress bar) never spends time on
 * JSON.stringify, and a store can keep the string as it is. Error classes do not
 * survive the thread boundary: catalogue errors cross as code and message, and bugs
 * as `internal` with their stack.
 */
export type AnalysisTaskResult =
  | { ok: true; json: string; analyzeMs: number; chars: number; phases?: Record<string, number> }
  | { ok: false; code: string; message: string; internal: boolean; stack?: string };

/** What a pool hands each analysis thread when it starts. */
export interface AnalysisThreadData {
  /** Warm-up analyses before the first task (warm-up.ts); at least one, which loads the models. */
  warmUpRounds: number;
}
