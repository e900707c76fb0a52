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
