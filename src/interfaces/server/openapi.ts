import { ERRORS, type ErrorName } from '../../core/errors.js';
import { packageVersion } from '../cli/version.js';
import type { ResolvedServerOptions } from './options.js';
import {
  analysisSchema,
  analyzeBodyContent,
  batchRequestSchema,
  batchResponseSchema,
  errorSchema,
  healthSchema,
  readinessSchema,
  type JsonSchema,
} from './schemas.js';

const ref = (schema: JsonSchema) => ({ $ref: `#/components/schemas/${String(schema.title)}` });
const json = (schema: JsonSchema) => ({ 'application/json': { schema: ref(schema) } });

/** One response per status, listing the catalogue codes it can carry. */
function errorResponses(names: ErrorName[]): Record<string, unknown> {
  const byStatus = new Map<number, string[]>();
  for (const name of names) {
    const spec = ERRORS[name];
    byStatus.set(spec.status, [...(byStatus.get(spec.status) ?? []), `\`${spec.code}\`: ${spec.description}`]);
  }
  return Object.fromEntries([...byStatus].map(([status, lines]) => [String(status), { description: lines.join('\n\n'), content: json(errorSchema) }]));
}

const serverTiming = { 'Server-Timing': { description: 'analyze;dur=MS: time spent in analyze() in the worker.', schema: { type: 'string' } } };

const COMMON_ERRORS: ErrorName[] = ['UNAUTHORIZED', 'RATE_LIMITED', 'MALFORMED_JSON', 'VALIDATION', 'UNSUPPORTED_MEDIA_TYPE', 'BODY_TOO_LARGE', 'SERVER_BUSY', 'TIMEOUT', 'INTERNAL'];

/**
 * The OpenAPI 3.1 document, built from the schemas the routes validate with:
 * each request schema appears once under components and is referenced by its path.
 */
export function buildOpenApi(options: ResolvedServerOptions): Record<string, unknown> {
  const batchRequest = batchRequestSchema(options.maxBatch);
  const schemas = [analysisSchema, batchRequest, batchResponseSchema, errorSchema, healthSchema, readinessSchema, ...Object.values(analyzeBodyContent).map((c) => c.schema)];
  const security = options.apiKeys.length > 0 ? [{ bearer: [] }, { apiKey: [] }] : [];
  const limits = `Bodies up to ${options.bodyLimit} bytes (batch: ${options.batchBodyLimit}); ${options.timeoutMs} ms per request, queue wait included.`;

  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'unspin',
      version: packageVersion(),
      description: 'Offline analysis of news articles: quotes, speakers, outlets and author voice; hate speech, propaganda techniques and check-worthy claims, each an exact span with a reason.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    paths: {
      '/v1/analyze': {
        post: {
          operationId: 'analyze',
          summary: 'Analyse one article',
          description: `Takes JSON \`{text}\`, \`{html}\` or \`{url?, html}\`, or a raw text/plain or text/html body (UTF-8), and returns the same JSON as \`unspin analyze --format json\`. ${limits}`,
          security,
          requestBody: {
            required: true,
            content: Object.fromEntries(Object.entries(analyzeBodyContent).map(([type, { schema }]) => [type, { schema: ref(schema) }])),
          },
          responses: { 200: { description: 'The analysis.', headers: serverTiming, content: json(analysisSchema) }, ...errorResponses(['INPUT_EMPTY', 'INPUT_BINARY', ...COMMON_ERRORS]) },
        },
      },
      '/v1/analyze/batch': {
        post: {
          operationId: 'analyzeBatch',
          summary: `Analyse up to ${options.maxBatch} articles`,
          description: `Each document gets \`{id, analysis}\` or \`{id, error}\`; one failing does not fail the others. ${limits}`,
          security,
          requestBody: { required: true, content: json(batchRequest) },
          responses: { 200: { description: 'One result per document, in order.', content: json(batchResponseSchema) }, ...errorResponses(['BATCH_TOO_LARGE', ...COMMON_ERRORS]) },
        },
      },
      '/healthz': { get: { operationId: 'health', summary: 'Liveness', security: [], responses: { 200: { description: 'The server answers.', content: json(healthSchema) } } } },
      '/readyz': {
        get: {
          operationId: 'ready',
          summary: 'Readiness',
          security: [],
          responses: { 200: { description: 'Workers are up and models loaded.', content: json(readinessSchema) }, 503: { description: 'Not ready yet, or the workers failed to start.', content: json(readinessSchema) } },
        },
      },
      '/openapi.json': { get: { operationId: 'openapi', summary: 'This document', security: [], responses: { 200: { description: 'OpenAPI 3.1.', content: { 'application/json': {} } } } } },
      '/': { get: { operationId: 'page', summary: 'The web page', security: [], responses: { 200: { description: 'HTML.', content: { 'text/html': {} } } } } },
    },
    components: {
      schemas: Object.fromEntries(schemas.map((schema) => [String(schema.title), schema])),
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'An API key from UNSPIN_API_KEYS.' },
        apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key', description: 'An API key from UNSPIN_API_KEYS.' },
      },
    },
  };
}
