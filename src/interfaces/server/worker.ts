import { isUnspinError } from '../../core/errors.js';
import { analyze } from '../../pipeline/analyze.js';
import type { WorkerResult, WorkerTask } from './task.js';

/**
 * A piscina worker: it imports `analyze` and runs one document per task. Piscina loads
 * this file when the thread starts, so the warm-up below (which makes the detectors
 * load their models) runs before the thread takes its first task.
 */
const WARM_UP = 'The minister said on Tuesday that the plan "will work", Reuters reported. Critics disagreed.';

let warmUpError: unknown;
try {
  analyze(WARM_UP);
} catch (error) {
  // Kept, not thrown: a module that throws on import makes piscina respawn it forever.
  warmUpError = error;
}

export default function runTask(task: WorkerTask): WorkerResult {
  // A ping fails outright when the models did not load, so readiness reports it.
  if (task.kind === 'ping') {
    if (warmUpError !== undefined) throw warmUpError;
    return { ok: true, json: 'null', analyzeMs: 0, chars: 0 };
  }
  const started = performance.now();
  try {
    if (warmUpError !== undefined) throw warmUpError;
    const analysis = analyze(task.input, { meta: { source: task.source } });
    return { ok: true, json: JSON.stringify(analysis), analyzeMs: performance.now() - started, chars: analysis.text.length };
  } catch (error) {
    // Error classes do not survive the thread boundary; catalogue errors cross as code and message.
    if (isUnspinError(error)) return { ok: false, code: error.code, message: error.message };
    throw error;
  }
}
