import type { Socket } from 'node:net';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { UnspinError } from '../../core/errors.js';
import { decodeText } from '../../input/decode.js';

const UTF8_CHARSETS = new Set(['utf-8', 'utf8', 'us-ascii']);

/**
 * Raw `text/plain` and `text/html` bodies are read as bytes and decoded like a file
 * (UTF-8, or UTF-16 with a byte-order mark; binary refused), so the server and
 * `unspin analyze FILE` see the same text. Other charsets are refused rather than
 * guessed, since a wrong guess silently shifts every span.
 */
export function registerTextParsers(app: FastifyInstance): void {
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser(['text/plain', 'text/html'], { parseAs: 'buffer' }, (request: FastifyRequest, body: Buffer | string, done) => {
    try {
      const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(request.headers['content-type'] ?? '')?.[1]?.toLowerCase();
      if (charset !== undefined && !UTF8_CHARSETS.has(charset)) {
        throw new UnspinError('UNSUPPORTED_MEDIA_TYPE', `charset ${JSON.stringify(charset.slice(0, 40))} is not accepted; send the body in UTF-8`);
      }
      done(null, decodeText(typeof body === 'string' ? Buffer.from(body) : body, 'request body'));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * JSON bodies are held to the same rule as raw ones: invalid UTF-8, or a NUL in any
 * string (raw or escaped as \u0000), is binary input (415), not text to analyse.
 * Parsing itself stays Fastify's own (prototype-poisoning checks included).
 */
export function registerJsonParser(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request: FastifyRequest, body: Buffer | string, done) => {
    let text: string;
    try {
      text = typeof body === 'string' ? body : utf8.decode(body);
    } catch (cause) {
      done(new UnspinError('INPUT_BINARY', 'request body: not valid UTF-8, expected JSON text', { cause }), undefined);
      return;
    }
    parseJson(request, text, (error, value) => {
      if (error) return done(error, undefined);
      if (hasNul(value)) return done(new UnspinError('INPUT_BINARY', 'request body: looks binary (a NUL character in a string), expected text or HTML'), undefined);
      done(null, value);
    });
  });
}

/** Whether any string in a parsed JSON value holds U+0000; walked with a stack, not recursion. */
function hasNul(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item === 'string') {
      if (item.includes('\0')) return true;
    } else if (Array.isArray(item)) {
      for (const element of item) stack.push(element);
    } else if (item !== null && typeof item === 'object') {
      for (const [key, v] of Object.entries(item)) stack.push(key, v);
    }
  }
  return false;
}

/**
 * Node answers a client that is too slow to send its request (and other malformed
 * requests) with its own bare response; ours carries the catalogue's JSON body.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const unspin =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? new UnspinError('REQUEST_TIMEOUT', 'the request was not received in time; the connection is closed')
      : new UnspinError('BAD_REQUEST', `malformed HTTP request (${error.code ?? 'parse error'})`);
  const body = JSON.stringify({ error: { code: unspin.code, message: unspin.message } });
  const reason = unspin.status === 408 ? 'Request Timeout' : 'Bad Request';
  socket.end(`HTTP/1.1 ${unspin.status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}
