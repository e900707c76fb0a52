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
        url: request.url.length > 200 ? `${request.url.slice(0, 200)}…` : request.url,
        contentType: request.headers['content-type'],
        contentLength: numberOrUndefined(request.headers['content-length']),
        remoteAddress: request.ip,
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
