import { setFlagsFromString } from 'node:v8';

/**
 * How much V8 lets a heap grow past what survived its last full collection, in percent.
 * Left to itself, V8 lets the heap of a busy process grow up to four times that before
 * it collects, which on a corpus of a few hundred articles took the CLI's peak memory
 * from 200 MB to over 400 MB. A quarter more costs about a dozen extra full collections
 * on the PTC train articles (about 0.6 s of some 25 s) and keeps the peak near 300 MB.
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
