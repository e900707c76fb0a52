import { analyze } from '../analyze.js';
import { Piscina, workerData } from 'piscina';
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

/** The answer to a ping: no analysis. */
const NO_JSON = new Uint8Array(0);

const encoder = new TextEncoder();

detachOneBuffer();

let warmUpError: unknown;
try {
  // Through the task's own path (options, phases, JSON), so that what V8 compiles is what a request runs.
  for (let i = 0; i < WARM_UP_ROUNDS; i++) analyzeToJson({ kind: 'analyze', input: { text: warmUpDocument(i) }, source: null }, performance.now());
} catch (error) {
  // Kept, not thrown: a module that throws on import makes piscina respawn it forever.
  warmUpError = error;
}

export default function runAnalysisTask(task: AnalysisTask): AnalysisTaskResult | TransferredResult {
  // A ping fails outright when the models did not load, so readiness reports it.
  if (task.kind === 'ping') {
    if (warmUpError !== undefined) throw warmUpError;
    return { ok: true, json: NO_JSON, analyzeMs: 0, chars: 0 };
  }
  const started = performance.now();
  try {
    if (warmUpError !== undefined) throw warmUpError;
    const result = analyzeToJson(task, started);
    return transferred(result, result.json.buffer);
  } catch (error) {
    return taskFailure(error, task.source);
  }
}

/** One analysis as UTF-8 JSON in a buffer of its own, with its phases (Server-Timing). */
function analyzeToJson(task: Extract<AnalysisTask, { kind: 'analyze' }>, started: number): AnalysisTaskResult & { ok: true; json: Uint8Array<ArrayBuffer> } {
  const phases: Record<string, number> = {};
  const analysis = analyze(task.input, { meta: { source: task.source }, timings: phases });
  const json = ownBuffer(encoder.encode(JSON.stringify(analysis)));
  // What the phases do not cover: reading the input (HTML extraction) and the JSON.
  phases['rest'] = performance.now() - started - Object.values(phases).reduce((a, b) => a + b, 0);
  return { ok: true, json, analyzeMs: performance.now() - started, chars: analysis.text.length, phases };
}

/** A result whose buffer piscina transfers to the calling thread instead of copying it (Piscina.move). */
type TransferredResult = ReturnType<typeof Piscina.move>;

/**
 * The answer with its JSON's buffer moved, not cloned: the structured clone of a ~67 KB
 * JSON string (a 1,000-word article) took about 1 ms of the request on the 2-core machine,
 * against about 0.1 ms to encode it here and none to move it.
 */
function transferred(result: AnalysisTaskResult, buffer: ArrayBuffer): TransferredResult {
  // Piscina's Transferable: the value to post, and what to transfer with it.
  const value = { [Piscina.transferableSymbol]: buffer, [Piscina.valueSymbol]: result } as unknown as Parameters<typeof Piscina.move>[0];
  return Piscina.move(value);
}

/** The bytes in an ArrayBuffer of their own (a moved buffer leaves this thread, so it must hold nothing else). */
function ownBuffer(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const buffer = bytes.buffer;
  return buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength ? new Uint8Array(buffer) : new Uint8Array(bytes);
}

/**
 * Detaches a throwaway ArrayBuffer before the warm-up. Each answer's JSON buffer is moved
 * out of this thread (transferred(), below), and the first detached buffer of an isolate
 * invalidates V8's array-buffer-detaching protector: every optimised function that reads
 * a typed array (the detectors' tables, tries and scratch arrays) was compiled assuming no
 * buffer is ever detached, so the first request threw away the warm-up's compiled code
 * and the next few requests ran while V8 compiled it again. Detached first, the warm-up
 * compiles code that already allows for it.
 */
function detachOneBuffer(): void {
  const buffer = new ArrayBuffer(8);
  structuredClone(buffer, { transfer: [buffer] });
}
