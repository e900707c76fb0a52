import type { FastifyInstance } from 'fastify';
import { contentSecurityPolicy } from '../csp.js';
import { renderAppPage, type AppPageOptions } from '../page.js';

/** GET / (the web page, under a strict CSP) and GET /openapi.json. */
export function registerMetaRoutes(app: FastifyInstance, openApi: object, pageOptions: AppPageOptions = {}): void {
  const page = renderAppPage(pageOptions);
  const csp = contentSecurityPolicy(page);
  app.get('/', async (_request, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', csp)
      .header('referrer-policy', 'no-referrer')
      .header('cache-control', 'no-cache')
      .send(page),
  );
  const document = JSON.stringify(openApi);
  app.get('/openapi.json', async (_request, reply) => reply.type('application/json; charset=utf-8').send(document));
}
