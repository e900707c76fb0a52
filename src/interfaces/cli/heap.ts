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
 * Keeps the process's heaps, and those of the threads it starts afterwards, close to
 * what they hold. V8 reads this flag at every collection, so setting it after start-up
 * takes effect; only entry points call this, since it applies to the whole process.
 */
export function keepHeapsTight(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
