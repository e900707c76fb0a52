/**
 * One catalogue of user-facing errors. Codes are stable and never reused; the
 * table in docs/errors.md is generated from this list (npm run docs).
 */

export interface ErrorSpec {
  /** Stable code, UNSPIN_E_… */
  code: string;
  /** HTTP status when the server answers with it. */
  status: number;
  /** Process exit code when the CLI stops on it. */
  exitCode: number;
  /** What it means, for the docs table. */
  description: string;
}

export const ERRORS = {
  USAGE: { code: 'UNSPIN_E_USAGE', status: 400, exitCode: 2, description: 'The command line is malformed: unknown option, missing argument or bad value.' },
  INPUT_NOT_FOUND: { code: 'UNSPIN_E_INPUT_NOT_FOUND', status: 404, exitCode: 3, description: 'An input file or directory does not exist.' },
  INPUT_UNREADABLE: { code: 'UNSPIN_E_INPUT_UNREADABLE', status: 400, exitCode: 3, description: 'An input exists but cannot be read (permissions, a directory where a file was expected).' },
  INPUT_BINARY: { code: 'UNSPIN_E_INPUT_BINARY', status: 415, exitCode: 3, description: 'An input looks binary (NUL bytes or invalid UTF-8), not text or HTML.' },
  INPUT_EMPTY: { code: 'UNSPIN_E_INPUT_EMPTY', status: 400, exitCode: 3, description: 'An input has no text to analyse once whitespace and markup are removed.' },
  INPUT_TOO_LARGE: { code: 'UNSPIN_E_INPUT_TOO_LARGE', status: 413, exitCode: 3, description: 'An input is larger than the configured limit.' },
  JSONL_MALFORMED: { code: 'UNSPIN_E_JSONL_MALFORMED', status: 400, exitCode: 3, description: 'A JSON Lines record is not valid JSON or lacks a string `text` or `html` field.' },
  NO_INPUT: { code: 'UNSPIN_E_NO_INPUT', status: 400, exitCode: 3, description: 'No input was given, or a directory held no .txt, .html or .htm file.' },
  EVAL_DATA: { code: 'UNSPIN_E_EVAL_DATA', status: 400, exitCode: 3, description: 'Evaluation or training data is missing or not in the expected format.' },
  SOME_INPUTS_FAILED: { code: 'UNSPIN_E_SOME_INPUTS_FAILED', status: 207, exitCode: 4, description: 'With several inputs, at least one failed; the others were analysed.' },
  MODEL_INVALID: { code: 'UNSPIN_E_MODEL_INVALID', status: 500, exitCode: 5, description: 'A shipped model or data file is missing or malformed (a packaging bug).' },
  BAD_REQUEST: { code: 'UNSPIN_E_BAD_REQUEST', status: 400, exitCode: 2, description: 'An HTTP request is malformed.' },
  INTERNAL: { code: 'UNSPIN_E_INTERNAL', status: 500, exitCode: 70, description: 'An internal error: a bug. It is logged with its stack.' },
  UNSUPPORTED_MEDIA_TYPE: { code: 'UNSPIN_E_UNSUPPORTED_MEDIA_TYPE', status: 415, exitCode: 2, description: 'An HTTP request body has a content type (or charset) the endpoint does not take; send application/json, text/plain or text/html in UTF-8.' },
  BODY_TOO_LARGE: { code: 'UNSPIN_E_BODY_TOO_LARGE', status: 413, exitCode: 2, description: 'An HTTP request body is larger than the server\'s configured limit.' },
  MALFORMED_JSON: { code: 'UNSPIN_E_MALFORMED_JSON', status: 400, exitCode: 2, description: 'An HTTP request body declared as JSON is empty or not valid JSON.' },
  VALIDATION: { code: 'UNSPIN_E_VALIDATION', status: 400, exitCode: 2, description: 'An HTTP request does not match the endpoint\'s schema: a missing field, a wrong type, an unknown field.' },
  UNAUTHORIZED: { code: 'UNSPIN_E_UNAUTHORIZED', status: 401, exitCode: 2, description: 'The server requires an API key (Authorization: Bearer KEY or X-API-Key) and none, or an unknown one, was given.' },
  RATE_LIMITED: { code: 'UNSPIN_E_RATE_LIMITED', status: 429, exitCode: 2, description: 'Too many requests for this API key (or address) in the current window; retry after the Retry-After header.' },
  TIMEOUT: { code: 'UNSPIN_E_TIMEOUT', status: 503, exitCode: 6, description: 'The analysis did not finish within the server\'s per-request time limit (queue wait included); it was stopped.' },
  BATCH_TOO_LARGE: { code: 'UNSPIN_E_BATCH_TOO_LARGE', status: 413, exitCode: 2, description: 'A batch request holds more documents than the server\'s configured maximum.' },
  SERVER_BUSY: { code: 'UNSPIN_E_SERVER_BUSY', status: 503, exitCode: 6, description: 'The server\'s analysis queue is full, or its workers are not ready yet; retry later.' },
  NOT_FOUND: { code: 'UNSPIN_E_NOT_FOUND', status: 404, exitCode: 2, description: 'No HTTP endpoint at this method and path.' },
  STORE_UNAVAILABLE: { code: 'UNSPIN_E_STORE_UNAVAILABLE', status: 503, exitCode: 6, description: 'The result store (SQLite file or PostgreSQL URL) cannot be opened or reached.' },
  STORE_SCHEMA: { code: 'UNSPIN_E_STORE_SCHEMA', status: 500, exitCode: 6, description: 'The result store schema does not match this unspin: written by a newer one (unknown migration), or older and not yet migrated by unspin batch.' },
  QUEUE_UNAVAILABLE: { code: 'UNSPIN_E_QUEUE_UNAVAILABLE', status: 503, exitCode: 6, description: 'The job queue (Redis URL) cannot be reached.' },
  STORE_EMPTY: { code: 'UNSPIN_E_STORE_EMPTY', status: 404, exitCode: 6, description: 'The store holds no unspin tables: nothing was batched into it yet, or it is another database.' },
  ANALYSIS_TIMEOUT: { code: 'UNSPIN_E_ANALYSIS_TIMEOUT', status: 503, exitCode: 3, description: 'In a batch, one document took longer to analyse than the configured limit; it is recorded as failed and the run goes on.' },
  OUTPUT_UNWRITABLE: { code: 'UNSPIN_E_OUTPUT_UNWRITABLE', status: 500, exitCode: 3, description: 'The --output path cannot be written: its folder does not exist, it is a directory, or permission is denied. Nothing is analysed.' },
  REQUEST_TIMEOUT: { code: 'UNSPIN_E_REQUEST_TIMEOUT', status: 408, exitCode: 2, description: 'The client did not send its whole HTTP request within the server\'s time limit; the connection is closed.' },
  INTERRUPTED: { code: 'UNSPIN_E_INTERRUPTED', status: 503, exitCode: 130, description: 'A batch run was stopped by Ctrl-C (SIGINT) or SIGTERM; what was done is kept and a re-run resumes.' },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorName = keyof typeof ERRORS;

/** An error the user can fix. Its message names the input and what was expected. */
export class UnspinError extends Error {
  readonly code: string;
  readonly status: number;
  readonly exitCode: number;
  /** The input the error is about (a path, a record id), when there is one. */
  readonly input: string | undefined;

  constructor(name: ErrorName, message: string, options: { input?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    const spec: ErrorSpec = ERRORS[name];
    this.name = 'UnspinError';
    this.code = spec.code;
    this.status = spec.status;
    this.exitCode = spec.exitCode;
    this.input = options.input;
  }
}

export function isUnspinError(error: unknown): error is UnspinError {
  return error instanceof UnspinError;
}
