/** RESP2, the Redis wire protocol: command encoding and an incremental reply parser. */

export type RedisArg = string | number | Buffer;
export type RedisReply = string | number | null | Error | RedisReply[];

const CRLF = Buffer.from('\r\n');

export function encodeCommand(args: readonly RedisArg[]): Buffer {
  const parts: Buffer[] = [Buffer.from(`*${args.length}\r\n`)];
  for (const arg of args) {
    const bytes = Buffer.isBuffer(arg) ? arg : Buffer.from(String(arg));
    parts.push(Buffer.from(`$${bytes.length}\r\n`), bytes, CRLF);
  }
  return Buffer.concat(parts);
}

/** An error reply from the server (not a connection error). */
export class ReplyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReplyError';
  }
}

/**
 * Parses replies from a stream of chunks. Bulk strings are UTF-8 strings, as ioredis
 * returns them. A reply that is not complete yet waits for more bytes; a large one
 * (a 10 MB job) is joined once, when enough bytes have arrived.
 */
export class ReplyParser {
  private chunks: Buffer[] = [];
  private length = 0;
  /** Bytes needed before the next parse attempt can succeed. */
  private needed = 0;

  constructor(private readonly onReply: (reply: RedisReply) => void) {}

  feed(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.length += chunk.length;
    if (this.length < this.needed) return;
    this.needed = 0;
    let buffer = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks, this.length);
    let offset = 0;
    for (;;) {
      const result = this.parse(buffer, offset);
      if (result === undefined) break;
      offset = result.next;
      this.onReply(result.reply);
      if (offset >= buffer.length) break;
    }
    // `needed` was measured from the start of `buffer`; what is kept starts at `offset`.
    this.needed = Math.max(0, this.needed - offset);
    buffer = offset >= buffer.length ? Buffer.alloc(0) : buffer.subarray(offset);
    this.chunks = buffer.length > 0 ? [buffer] : [];
    this.length = buffer.length;
  }

  reset(): void {
    this.chunks = [];
    this.length = 0;
    this.needed = 0;
  }

  private parse(buffer: Buffer, offset: number): { reply: RedisReply; next: number } | undefined {
    if (offset >= buffer.length) return undefined;
    const lineEnd = buffer.indexOf(CRLF, offset + 1);
    if (lineEnd < 0) {
      this.needed = buffer.length + 1;
      return undefined;
    }
    const type = buffer[offset];
    const line = buffer.toString('utf8', offset + 1, lineEnd);
    const next = lineEnd + 2;
    switch (type) {
      case 0x2b: // +
        return { reply: line, next };
      case 0x2d: // -
        return { reply: new ReplyError(line), next };
      case 0x3a: // :
        return { reply: Number(line), next };
      case 0x24: {
        // $
        const size = Number(line);
        if (size < 0) return { reply: null, next };
        if (buffer.length < next + size + 2) {
          this.needed = next + size + 2;
          return undefined;
        }
        return { reply: buffer.toString('utf8', next, next + size), next: next + size + 2 };
      }
      case 0x2a: {
        // *
        const count = Number(line);
        if (count < 0) return { reply: null, next };
        const items: RedisReply[] = [];
        let at = next;
        for (let i = 0; i < count; i++) {
          const item = this.parse(buffer, at);
          if (item === undefined) return undefined;
          items.push(item.reply);
          at = item.next;
        }
        return { reply: items, next: at };
      }
      default:
        throw new Error(`Redis protocol error: unexpected byte ${type} in reply`);
    }
  }
}
