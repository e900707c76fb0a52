import { setFlagsFromString } from 'node:v8';

/**
 * How much V8 lets a heap grow past what survived its last full collection, in percent.
 * Left to itself, V8 lets the heap of a busy process grow up to four times that before
 * it collects, which on the 371 PTC train articles took the CLI's peak memory from 200 MB
 * after loading to 430-480 MB. A quarter more costs about a dozen extra full collections
 * there (0.6 s of pauses in `--trace-gc`; no CPU difference above run-to-run noise in four
 * alternated runs) and keeps the peak at 340-360 MB.
 */
const HEAP_GROWING_PERCENT = 25;

/**
 * How much bytecode a function runs before V8 considers optimising it: eight times V8's
 * default (67,584). A batch run is one long first pass, and V8's optimising compiler, not
 * the analysis, is the largest part of it: with the default, a first pass over the 371 PTC
 * train articles compiles ~830 functions and throws ~290 compilations away again
 * (deoptimisations, mostly "wrong map" on feedback gathered too early), about 8 s of CPU on
 * V8's background threads against ~1 s in a second pass. Waiting longer gathers fuller
 * type feedback first, so the hot functions compile once: ~460 compilations and ~120
 * deoptimisations there (docs/measurements.md, issue 13, 2026-12-06).
 */
const INTERRUPT_BUDGET = 8 * 67_584;

/**
 * Keeps the process's heaps, and those of the threads it starts afterwards, close to
 * what they hold. V8 reads this flag at every collection, so setting it after start-up
 * takes effect; only entry points call this, since it applies to the whole process.
 */
export function keepHeapsTight(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

/**
 * Tunes V8's tiering for a long batch (see INTERRUPT_BUDGET). V8 reads the budget each time
 * it resets a function's counter, so setting it before the analysis starts takes effect
 * for all of it, in this thread and those started afterwards; only entry points call this.
 */
export function optimiseLater(): void {
  setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
}
