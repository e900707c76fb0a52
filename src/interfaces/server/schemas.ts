/**
 * The JSON schemas of the HTTP API, written once: Fastify validates requests with
 * them and /openapi.json is built from them (openapi.ts), so the two cannot drift.
 * They use the subset of JSON Schema that draft-07 (Fastify's Ajv) and 2020-12
 * (OpenAPI 3.1) read the same way.
 */
import { analysisJsonSchema } from '../../core/analysis-schema.js';

export type JsonSchema = Record<string, unknown>;

/** The longest `url` or `id` accepted; longer ones are a client bug, not an article. */
const MAX_URL = 2048;
const MAX_ID = 256;

const documentFields = {
  text: { type: 'string', description: 'The article as plain text. Spans in the response are UTF-16 offsets into it (after a leading byte-order mark is dropped).' },
  html: { type: 'string', description: 'The article as an HTML page; the main text is extracted with Mozilla Readability and spans point into that extracted text.' },
  url: { type: 'string', maxLength: MAX_URL, description: 'Where the article came from; copied into meta.url.' },
} as const;

/** Exactly one of text and html: both or neither is a client bug worth naming. */
const textOrHtml = [{ required: ['text'] }, { required: ['html'] }];

export const analyzeRequestSchema: JsonSchema = {
  title: 'AnalyzeRequest',
  description: 'One article: `{text}`, `{html}` or `{url?, html}`.',
  type: 'object',
  properties: documentFields,
  additionalProperties: false,
  oneOf: textOrHtml,
};

export const rawTextSchema: JsonSchema = { title: 'RawText', description: 'The article as a plain-text body, in UTF-8.', type: 'string' };
export const rawHtmlSchema: JsonSchema = { title: 'RawHtml', description: 'The article as an HTML page, in UTF-8; its main text is extracted.', type: 'string' };

/** The bodies POST /v1/analyze takes, by media type (Fastify validates each with its own schema). */
export const analyzeBodyContent = {
  'application/json': { schema: analyzeRequestSchema },
  'text/plain': { schema: rawTextSchema },
  'text/html': { schema: rawHtmlSchema },
};

export const batchDocumentSchema: JsonSchema = {
  title: 'BatchDocument',
  description: 'One article of a batch; `id` is echoed in its result (the document\'s position when absent) and becomes meta.source.',
  type: 'object',
  properties: {
    id: { type: ['string', 'integer'], maxLength: MAX_ID, description: 'The caller\'s id for this document.' },
    ...documentFields,
  },
  additionalProperties: false,
  oneOf: textOrHtml,
};

export function batchRequestSchema(maxBatch: number): JsonSchema {
  return {
    title: 'BatchRequest',
    description: `Up to ${maxBatch} articles, analysed in parallel; one failing does not fail the others.`,
    type: 'object',
    required: ['documents'],
    properties: { documents: { type: 'array', minItems: 1, maxItems: maxBatch, items: batchDocumentSchema } },
    additionalProperties: false,
  };
}

const errorBodySchema: JsonSchema = {
  type: 'object',
  required: ['code', 'message'],
  properties: {
    code: { type: 'string', pattern: '^UNSPIN_E_[A-Z_]+$', description: 'A stable code from the error catalogue (docs/errors.md).' },
    message: { type: 'string', description: 'One line: what was wrong and what was expected.' },
  },
};

export const errorSchema: JsonSchema = { title: 'Error', type: 'object', required: ['error'], properties: { error: errorBodySchema } };


/** The Analysis object: the repository's schema/analysis.schema.json, the same JSON `unspin analyze --format json` prints. */
export const analysisSchema: JsonSchema = analysisJsonSchema();

export const batchResponseSchema: JsonSchema = {
  title: 'BatchResponse',
  description: 'One result per document, in request order: `{id, analysis}` or `{id, error}`.',
  type: 'object',
  required: ['results'],
  properties: {
    results: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id'],
        properties: { id: { type: ['string', 'integer'] }, analysis: { $ref: '#/components/schemas/Analysis' }, error: errorBodySchema },
        oneOf: [{ required: ['analysis'] }, { required: ['error'] }],
      },
    },
  },
};

export const healthSchema: JsonSchema = {
  title: 'Health',
  type: 'object',
  required: ['status'],
  properties: { status: { const: 'ok' } },
};

export const readinessSchema: JsonSchema = {
  title: 'Readiness',
  type: 'object',
  required: ['ready', 'workers'],
  properties: {
    ready: { type: 'boolean', description: 'True once every worker has loaded the models.' },
    workers: { type: 'integer', description: 'Worker threads running.' },
    active: { type: 'integer', description: 'Documents being analysed now.' },
    queued: { type: 'integer', description: 'Documents waiting for a worker.' },
    error: { type: 'string', description: 'Why the workers failed to start, when they did.' },
  },
};
