import { analyze } from '../analyze.js';
import { workerData } from 'piscina';
import { taskFailure, type AnalysisTask, type AnalysisTaskResult, type AnalysisThreadData } from './protocol.js';
import { warmUpDocument } from './warm-up.js';

/**
 * The piscina task file shared by the server and batch pools. Piscina loads it when the
 * thread starts, so the warm-up below (which makes the detectors load their models) runs
 * before the thread takes its first task.
 */
/**
 * Analyses before the first task, as the pool asks: the first (a short text) loads the
 * models, the rest (articles of about 1,100 words, see warm-up.ts) let the JIT compile
 * the hot paths for article-sized input, so a server's first requests are not the slow
 * ones.
 */
const WARM_UP_ROUNDS = Math.max(1, (workerData as AnalysisThreadData | undefined)?.warmUpRounds ?? 20);

let warmUpError: unknown;
try {
  for (let i = 0; i < WARM_UP_ROUNDS; i++) analyze(warmUpDocument(i));
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
    const phases: Record<string, number> = {};
    const analysis = analyze(task.input, { meta: { source: task.source }, timings: phases });
    const json = JSON.stringify(analysis);
    // What the phases do not cover: reading the input (HTML extraction) and the JSON.
    phases['rest'] = performance.now() - started - Object.values(phases).reduce((a, b) => a + b, 0);
    return { ok: true, json, analyzeMs: performance.now() - started, chars: analysis.text.length, phases };
  } catch (error) {
    return taskFailure(error, task.source);
  }
}
