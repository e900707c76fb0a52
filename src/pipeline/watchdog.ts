import { Script } from 'node:vm';
import { UnspinError } from '../core/errors.js';

/**
 * Runs a synchronous function on the calling thread with a time limit, without a worker
 * thread. Node's `vm` timeout starts a watchdog that terminates the isolate's running
 * JavaScript when the limit passes (the same V8 termination `Worker.terminate()` uses; it
 * also stops a regular expression that backtracks), and the script call then throws.
 *
 * A terminated function leaves its module state wherever it stopped: no `finally` runs,
 * so wink-nlp keeps the words it learnt from the document, and caches may hold partial
 * work. After a timeout the caller must not analyse on this thread again; see
 * `TimedOut`.
 */
const TASK = Symbol.for('unspin.watchdog.task');
// The script only calls the task; it is compiled once, and costs about 50 µs a call.
const CALL = new Script(`globalThis[Symbol.for('unspin.watchdog.task')]()`, { filename: 'unspin-watchdog' });

/** Thrown when the limit passed: this thread's analysis state is no longer trustworthy. */
export class TimedOut extends Error {
  constructor(readonly timeoutMs: number) {
    super(`took longer than ${timeoutMs} ms`);
    this.name = 'TimedOut';
  }
}

export function runWithTimeout<T>(task: () => T, timeoutMs: number): T {
  const holder = globalThis as unknown as Record<symbol, (() => T) | undefined>;
  holder[TASK] = task;
  try {
    return CALL.runInThisContext({ timeout: timeoutMs }) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException | null)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw new TimedOut(timeoutMs);
    throw error;
  } finally {
    holder[TASK] = undefined;
  }
}

/** The error a document over the CLI's --timeout is reported with, on a thread or not. */
export function analysisTimeoutError(source: string, timeoutMs: number): UnspinError {
  return new UnspinError('ANALYSIS_TIMEOUT', `${source}: analysis took longer than ${timeoutMs / 1000} s (--timeout)`, { input: source });
}
