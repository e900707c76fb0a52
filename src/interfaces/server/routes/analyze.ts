import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ERRORS, UnspinError } from '../../../core/errors.js';
import type { AnalyzeInput } from '../../../input/document.js';
import { jsonBuffer } from '../../../pipeline/worker/protocol.js';
import { errorBody, toUnspinError } from '../http-errors.js';
import type { ResolvedServerOptions } from '../options.js';
import type { AnalysisPool } from '../pool.js';
import { analyzeBodyContent, batchRequestSchema } from '../schemas.js';

interface DocumentBody {
  id?: string | number;
  text?: string;
  html?: string;
  url?: string;
}

const JSON_TYPE = 'application/json; charset=utf-8';
const CLOSE_BRACE = Buffer.from('}');
const COMMA = Buffer.from(',');
const RESULTS_OPEN = Buffer.from('{"results":[');
const RESULTS_CLOSE = Buffer.from(']}');

/** POST /v1/analyze and POST /v1/analyze/batch: documents go to the worker pool, JSON comes back as the worker wrote it (UTF-8 bytes, sent as they are). */
export function registerAnalyzeRoutes(app: FastifyInstance, pool: AnalysisPool, options: ResolvedServerOptions): void {
  app.post('/v1/analyze', { bodyLimit: options.bodyLimit, schema: { body: { content: analyzeBodyContent } } }, async (request, reply) => {
    const input = inputFromBody(request);
    checkNotEmpty(input, 'request body');
    const result = await pool.analyze({ kind: 'analyze', input, source: null }, AbortSignal.timeout(options.timeoutMs));
    return sendJson(reply.header('server-timing', serverTiming(result.analyzeMs, result.phases)), jsonBuffer(result.json));
  });

  app.post<{ Body: { documents: DocumentBody[] } }>(
    '/v1/analyze/batch',
    { bodyLimit: options.batchBodyLimit, schema: { body: batchRequestSchema(options.maxBatch) } },
    async (request, reply) => {
      // One deadline for the whole request: documents still unfinished when it fires get TIMEOUT, the others keep their results.
      const deadline = AbortSignal.timeout(options.timeoutMs);
      const results = await Promise.all(
        request.body.documents.map(async (doc, index) => {
          const id = doc.id ?? index;
          try {
            const input = documentInput(doc);
            checkNotEmpty(input, `document ${String(id)}`);
            const size = Buffer.byteLength(input.html ?? input.text ?? '', 'utf8');
            if (size > options.bodyLimit) {
              throw new UnspinError('INPUT_TOO_LARGE', `document ${String(id)}: ${size} bytes is over the ${options.bodyLimit}-byte limit for one document`, { input: String(id) });
            }
            const result = await pool.analyze({ kind: 'analyze', input, source: String(id) }, deadline);
            return Buffer.concat([Buffer.from(`{"id":${JSON.stringify(id)},"analysis":`), jsonBuffer(result.json), CLOSE_BRACE]);
          } catch (error) {
            const failure = toUnspinError(error, request);
            if (failure.code === ERRORS.INTERNAL.code) request.log.error({ err: error, document: index }, 'internal error in a batch document');
            return Buffer.from(JSON.stringify({ id, ...errorBody(failure) }));
          }
        }),
      );
      const parts: Buffer[] = [RESULTS_OPEN];
      results.forEach((result, i) => parts.push(...(i > 0 ? [COMMA, result] : [result])));
      parts.push(RESULTS_CLOSE);
      return sendJson(reply, Buffer.concat(parts));
    },
  );
}

/**
 * Server-Timing: the whole analysis in its thread, then each phase (text model,
 * provenance, each detector, and the rest: input reading and JSON), so a slow request
 * shows where its time went.
 */
function serverTiming(analyzeMs: number, phases: Record<string, number> = {}): string {
  return [`analyze;dur=${analyzeMs.toFixed(1)}`, ...Object.entries(phases).map(([name, ms]) => `${name};dur=${ms.toFixed(1)}`)].join(', ');
}

/** The document a request carries: a raw text or HTML body, or a JSON object the schema has already checked. */
function inputFromBody(request: FastifyRequest): AnalyzeInput {
  const body = request.body as string | DocumentBody;
  if (typeof body === 'string') {
    const html = /^text\/html\b/i.test(request.headers['content-type'] ?? '');
    return html ? { html: body } : { text: body };
  }
  return documentInput(body);
}

function documentInput(doc: DocumentBody): AnalyzeInput {
  return typeof doc.html === 'string' ? { html: doc.html, url: doc.url } : { text: doc.text ?? '', url: doc.url };
}

/** Whitespace-only documents are refused here, without a trip to a worker. */
function checkNotEmpty(input: AnalyzeInput, name: string): void {
  if ((input.html ?? input.text ?? '').trim() === '') throw new UnspinError('INPUT_EMPTY', `${name}: empty, nothing to analyse`, { input: name });
}

function sendJson(reply: FastifyReply, json: Buffer): FastifyReply {
  return reply.type(JSON_TYPE).send(json);
}
