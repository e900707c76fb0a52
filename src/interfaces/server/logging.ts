import type { FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import type { ResolvedServerOptions } from './options.js';

/**
 * Fastify's pino logger, set up so that a log line never holds a document: requests
 * are logged as method, url, id and sizes (no headers, no body), responses as status
 * and size, and any field that could carry text or a key is redacted in case a
 * future log call passes a whole object.
 */
export function loggerConfig(logger: ResolvedServerOptions['logger']): FastifyServerOptions['logger'] {
  if (logger === false) return false;
  return {
    level: logger?.level ?? 'info',
    ...(logger?.stream ? { stream: logger.stream } : {}),
    serializers: {
      req: (request: FastifyRequest) => ({
        method: request.method,
        // The path only: a query string is the one place a client could put text in the URL.
        url: (request.url.split('?')[0] ?? '').slice(0, 200),
        contentType: request.headers['content-type'],
        contentLength: numberOrUndefined(request.headers['content-length']),
        remoteAddress: request.ip,
      }),
      err: (error: Error & { code?: string }) => ({
        type: error.name,
        code: error.code,
        message: withoutQuotedText(error.message ?? ''),
        stack: (error.stack ?? '').split('\n').slice(1).join('\n'),
      }),
      res: (reply: Partial<FastifyReply> & Pick<FastifyReply, 'statusCode'>) => ({
        statusCode: reply.statusCode,
        contentLength: numberOrUndefined(reply.getHeader?.('content-length')),
      }),
    },
    redact: {
      paths: ['body', 'text', 'html', 'input', 'json', 'req.body', 'req.headers', '*.body', '*.text', '*.html', '*.input', 'headers.authorization', 'headers["x-api-key"]'],
      censor: '[redacted]',
    },
  };
}

function numberOrUndefined(value: unknown): number | undefined {
  const n = typeof value === 'string' ? Number(value) : typeof value === 'number' ? value : Number.NaN;
  return Number.isFinite(n) ? n : undefined;
}

/**
 * An internal error's message can quote the document (a parser naming the token it
 * choked on); quoted runs are blanked so the log keeps the error but not the text.
 */
export function withoutQuotedText(message: string): string {
  return message.replace(/"[^"]*"|'[^']*'|“[^”]*”|‘[^’]*’|`[^`]*`/g, '[quoted text removed]').slice(0, 500);
}
