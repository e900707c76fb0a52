import type { FastifyInstance } from 'fastify';
import type { AnalysisPool } from '../pool.js';

/**
 * Liveness answers from the main thread, which never analyses, so it stays quick
 * while every worker is busy; readiness waits for the workers' models.
 */
export function registerHealthRoutes(app: FastifyInstance, pool: AnalysisPool): void {
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    const readiness = pool.readiness();
    return reply.code(readiness.ready ? 200 : 503).send(readiness);
  });
}
