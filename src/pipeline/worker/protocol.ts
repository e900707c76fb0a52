import { ERRORS, isUnspinError, UnspinError, type ErrorName } from '../../core/errors.js';
import type { AnalyzeInput } from '../../input/document.js';

/** What a pool posts to an analysis thread: one document, or a readiness probe. */
export type AnalysisTask = { kind: 'analyze'; input: AnalyzeInput; source: string | null } | { kind: 'ping' };

/**
 * What an analysis thread answers. The analysis comes back serialised, so the main
 * thread (which answers /healthz, or drives a progress bar) never spends time on
 * JSON.stringify: as UTF-8 bytes whose buffer is transferred, not copied (`json`; see
 * analysis-thread.ts), which the server sends as they are. Error classes do not
 * survive the thread boundary: catalogue errors cross as code and message, and bugs
 * as `internal` with their stack.
 */
export type AnalysisTaskResult =
  | { ok: true; json: Uint8Array; analyzeMs: number; chars: number; phases?: Record<string, number> }
  | { ok: false; code: string; message: string; internal: boolean; stack?: string };

/** What a pool hands each analysis thread when it starts. */
export interface AnalysisThreadData {
  /** Warm-up analyses before the first task (warm-up.ts); at least one, which loads the models. */
  warmUpRounds: number;
}

/** A failed analysis as it crosses the thread boundary: a catalogue error, or a bug with its stack. */
export function taskFailure(error: unknown, source: string | null): Extract<AnalysisTaskResult, { ok: false }> {
  if (isUnspinError(error)) return { ok: false, code: error.code, message: error.message, internal: false };
  const e = error instanceof Error ? error : new Error(String(error));
  return { ok: false, code: 'UNSPIN_E_INTERNAL', message: `${source ?? 'document'}: internal error: ${e.message}`, internal: true, stack: e.stack };
}

/** What the CLI posts to one of its batch threads (batch-thread.ts): a document and its time limit. */
export interface BatchTask {
  id: number;
  input: AnalyzeInput;
  source: string;
  /** Longest its analysis may take, in ms; 0 for no limit. */
  timeoutMs: number;
}

/** A batch thread's answer: the analysis as compact JSON or the failure, or that the limit passed (the thread then ends). */
export type BatchReply = { id: number; result: { ok: true; json: string } | Extract<AnalysisTaskResult, { ok: false }> } | { id: number; timedOut: true };

/**
 * A failure back on the calling side: the catalogue error it crossed as (codes cross the
 * thread boundary, classes do not), or, for a bug, an Error with the thread's stack.
 */
export function errorOfFailure(result: Extract<AnalysisTaskResult, { ok: false }>, input?: string): Error {
  if (result.internal) return Object.assign(new Error(result.message), { stack: result.stack });
  const entry = Object.entries(ERRORS).find(([, spec]) => spec.code === result.code);
  return new UnspinError((entry?.[0] as ErrorName | undefined) ?? 'INTERNAL', result.message, input === undefined ? undefined : { input });
}

/** An answer's JSON as a Buffer over the same bytes (no copy), for a response body. */
export function jsonBuffer(json: Uint8Array): Buffer {
  return Buffer.from(json.buffer, json.byteOffset, json.byteLength);
}

/** An answer's JSON as text. */
export function jsonText(json: Uint8Array): string {
  return jsonBuffer(json).toString('utf8');
}
