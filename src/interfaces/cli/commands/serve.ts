import { defineCommand } from 'citty';
import { UnspinError } from '../../../core/errors.js';
import { buildServer } from '../../server/app.js';
import { resolveServeConfig, type ServeFlags } from '../../server/config.js';
import { SERVE_WARM_UP_ROUNDS } from '../../server/options.js';

export const serveCommand = defineCommand({
  meta: {
    name: 'serve',
    description: 'Start the HTTP API and web page: POST /v1/analyze, POST /v1/analyze/batch, GET /healthz, /readyz, /openapi.json and /. API keys: UNSPIN_API_KEYS=key1,key2.',
  },
  args: {
    port: { type: 'string', description: 'port to listen on; 0 picks a free one (default 8080, or UNSPIN_PORT)' },
    host: { type: 'string', description: 'address to listen on (default 127.0.0.1, or UNSPIN_HOST)' },
    workers: { type: 'string', description: 'analysis worker threads (default: number of cores, or UNSPIN_WORKERS)' },
    timeout: { type: 'string', description: 'per-request time limit in ms (default 30000, or UNSPIN_TIMEOUT_MS)' },
    'body-limit': { type: 'string', description: 'largest request body, e.g. 2mb (default 2mb, or UNSPIN_BODY_LIMIT)' },
    'max-batch': { type: 'string', description: 'most documents per batch request (default 100, or UNSPIN_MAX_BATCH)' },
    'rate-limit': { type: 'string', description: 'requests per minute per API key or address, 0 for none (default 600, or UNSPIN_RATE_LIMIT)' },
    'log-level': { type: 'string', description: 'fatal, error, warn, info, debug, trace or silent (default info, or UNSPIN_LOG_LEVEL)' },
  },
  async run({ args }) {
    const config = resolveServeConfig(args as ServeFlags, process.env);
    const app = await buildServer({ warmUpRounds: SERVE_WARM_UP_ROUNDS, ...config.server });
    try {
      await app.listen({ port: config.port, host: config.host });
    } catch (error) {
      await app.close();
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
        throw new UnspinError('USAGE', `cannot listen on ${config.host}:${config.port} (${code})`, { cause: error });
      }
      throw error;
    }
    app.analysisPool.whenReady().then(
      () => app.log.info({ workers: app.analysisPool.readiness().workers }, 'workers ready'),
      (error: unknown) => app.log.error({ err: error }, 'workers failed to start; /readyz answers 503'),
    );

    // SIGTERM (or Ctrl-C): stop accepting, let in-flight requests finish, close the pool, exit 0.
    const signal = await new Promise<NodeJS.Signals>((resolve) => {
      process.once('SIGTERM', resolve);
      process.once('SIGINT', resolve);
    });
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    // A second signal drops open connections instead of waiting for them.
    const force = () => app.server.closeAllConnections();
    process.once('SIGTERM', force);
    process.once('SIGINT', force);
    await app.close();
    process.off('SIGTERM', force);
    process.off('SIGINT', force);
    app.log.info('stopped');
    return 0;
  },
});
