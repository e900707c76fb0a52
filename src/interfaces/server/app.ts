import { randomUUID } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { UnspinError } from '../../core/errors.js';
import { createFailureLimiter } from './auth-failures.js';
import { createKeyChecker } from './auth.js';
import { answerClientError, registerJsonParser, registerTextParsers } from './content-types.js';
import { errorBody, handleError } from './http-errors.js';
import { loggerConfig } from './logging.js';
import { buildOpenApi } from './openapi.js';
import { resolveServerOptions, type ServerOptions } from './options.js';
import { createAnalysisPool, type AnalysisPool } from './pool.js';
import { registerAnalyzeRoutes } from './routes/analyze.js';
import { registerHealthRoutes } from './routes/health.js';
import { registerMetaRoutes } from './routes/meta.js';

export type { ServerOptions } from './options.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The worker pool, for readiness checks by the caller (the serve command logs when it is ready). */
    analysisPool: AnalysisPool;
  }
  interface FastifyRequest {
    /** Short id of the API key the request authenticated with; null without keys. */
    apiKeyId: string | null;
  }
}

/**
 * The HTTP API: POST /v1/analyze, POST /v1/analyze/batch, GET /healthz, /readyz,
 * /openapi.json and the page at /. Analyses run in a pool of worker threads, so the
 * main thread stays free to answer; the pool closes when the server does, after
 * in-flight requests have finished.
 */
export async function buildServer(options: ServerOptions = {}): Promise<FastifyInstance> {
  const resolved = resolveServerOptions(options);
  const app = Fastify({
    logger: loggerConfig(resolved.logger),
    // Fastify's default Ajv coerces types and drops unknown fields; a wrong type or a typo must be an error instead.
    ajv: { customOptions: { allowUnionTypes: true, coerceTypes: false, removeAdditional: false, useDefaults: false, allErrors: false } },
    bodyLimit: resolved.bodyLimit,
    // Slow-sending clients may hold a connection this long at most.
    requestTimeout: resolved.timeoutMs + 10_000,
    return503OnClosing: true,
    // A slow client's 408 (and a malformed request's 400) carry our error body, not Node's bare one.
    clientErrorHandler: answerClientError,
    genReqId: () => randomUUID(),
  });

  const pool = createAnalysisPool({ size: resolved.workers, maxQueue: resolved.maxQueue, timeoutMs: resolved.timeoutMs, warmUpRounds: resolved.warmUpRounds });
  app.decorate('analysisPool', pool);
  app.decorateRequest('apiKeyId', null);
  // Fastify closes the listening socket and waits for in-flight requests before its onClose hooks; piscina's close then lets queued tasks finish.
  app.addHook('onClose', async () => {
    await pool.close();
  });

  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send(errorBody(new UnspinError('NOT_FOUND', `no endpoint ${request.method} ${request.url.split('?')[0]?.slice(0, 200) ?? ''}`))),
  );
  // Once closing, answers end their keep-alive connection; otherwise close would wait for the client to drop it (up to keepAliveTimeout).
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id).header('x-content-type-options', 'nosniff');
    if (closing) reply.header('connection', 'close');
  });
  registerTextParsers(app);
  registerJsonParser(app);

  const keys = createKeyChecker(resolved.apiKeys);
  await app.register(async (api) => {
    if (keys.required) {
      const failures = createFailureLimiter();
      api.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
        const wait = failures.blocked(request.ip);
        if (wait !== null) {
          void reply.header('retry-after', String(wait));
          throw new UnspinError('RATE_LIMITED', `too many failed API-key attempts from this address; retry in ${wait} s`);
        }
        const result = keys.check(request.headers);
        if (!result.ok) {
          if (result.reason === 'unknown') failures.fail(request.ip);
          throw new UnspinError('UNAUTHORIZED', result.reason === 'missing' ? 'an API key is required: send Authorization: Bearer KEY or X-API-Key: KEY' : 'the API key is not valid');
        }
        request.apiKeyId = result.keyId;
        // Later log lines of this request (including "request completed") say which key it used.
        request.log = reply.log = request.log.child({ keyId: result.keyId });
      });
    }
    if (resolved.rateLimit) {
      const { max, windowMs } = resolved.rateLimit;
      await api.register(rateLimit, {
        max,
        timeWindow: windowMs,
        // After authentication, so the limit is per verified key; by address when the server has no keys.
        hook: 'preParsing',
        keyGenerator: (request) => (request.apiKeyId ? `key:${request.apiKeyId}` : `ip:${request.ip}`),
        errorResponseBuilder: (_request, context) => new UnspinError('RATE_LIMITED', `rate limit reached: ${context.max} requests per ${windowMs / 1000} s; retry in ${context.after}`),
      });
    }
    registerAnalyzeRoutes(api, pool, resolved);
  });
  registerHealthRoutes(app, pool);
  registerMetaRoutes(app, buildOpenApi(resolved), { keyRequired: keys.required });
  return app;
}
