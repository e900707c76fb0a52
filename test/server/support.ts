import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';

/** The ~1,000-word article written for the load test (bench/fixtures), reused here. */
export const ARTICLE = readFileSync(new URL('../../bench/fixtures/article.txt', import.meta.url), 'utf8');

/** The article repeated to about `bytes` bytes: a document that keeps a worker busy for a while. */
export function bigText(bytes: number): string {
  return ARTICLE.repeat(Math.max(1, Math.floor(bytes / Buffer.byteLength(ARTICLE))));
}

/** A pino destination that keeps every log line, for asserting what logs do and do not hold. */
export function captureLogs(): { stream: Writable; text: () => string; records: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      chunks.push(chunk.toString());
      callback();
    },
  });
  const text = () => chunks.join('');
  return { stream, text, records: () => text().split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>) };
}
