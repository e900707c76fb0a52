import { isUnspinError } from '../../core/errors.js';
import { analyze } from '../analyze.js';
import type { AnalysisTask, AnalysisTaskResult } from './protocol.js';

/**
 * The piscina task file shared by the server and batch pools. Piscina loads it when the
 * thread starts, so the warm-up below (which makes the detectors load their models) runs
 * before the thread takes its first task.
 */
const WARM_UP = 'The minister said on Tuesday that the plan "will work", Reuters reported. Critics disagreed.';

let warmUpError: unknown;
try {
  analyze(WARM_UP);
} catch (error) {
  // Kept, not thrown: a module that throws on import makes piscina respawn it forever.
  warmUpError = error;
}

export default function runAnalysisTask(task: AnalysisTask): AnalysisTaskResult {
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
    if (isUnspinError(error)) return { ok: false, code: error.code, message: error.message, internal: false };
    const e = error instanceof Error ? error : new Error(String(error));
    return { ok: false, code: 'UNSPIN_E_INTERNAL', message: `${task.source ?? 'document'}: internal error: ${e.message}`, internal: true, stack: e.stack };
  }
}
