import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ERRORS, isUnspinError, UnspinError } from '../../core/errors.js';

/** The media types the analyse endpoints read. */
export const ACCEPTED_TYPES = ['application/json', 'text/plain', 'text/html'] as const;

interface AjvError {
  keyword: string;
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
}

/**
 * Turns whatever a request failed with into a catalogue error: Fastify's own parser,
 * limit and validation errors each get their own code; an error that is not a user
 * error is a bug and becomes INTERNAL (500), logged with its stack by the caller.
 */
export function toUnspinError(error: unknown, request: FastifyRequest): UnspinError {
  if (isUnspinError(error)) return error;
  const fastifyError = error as Partial<FastifyError> & { validation?: AjvError[]; validationContext?: string };
  if (Array.isArray(fastifyError.validation)) return fromValidation(fastifyError.validation, fastifyError.validationContext ?? 'body', request);
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new UnspinError('UNSUPPORTED_MEDIA_TYPE', `content type ${describeType(request)} is not accepted here; send ${ACCEPTED_TYPES.join(', ')}`);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new UnspinError('BODY_TOO_LARGE', `request body is over this endpoint's ${request.routeOptions.bodyLimit ?? '?'}-byte limit`);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new UnspinError('MALFORMED_JSON', 'request body is empty but declared as JSON; expected an object such as {"text": "..."}');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      // Fastify's message is used, never the parser's: that one quotes the body, which must not reach logs.
      return new UnspinError('MALFORMED_JSON', 'request body is not valid JSON (truncated? a trailing comma? a __proto__ key?)');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new UnspinError('BAD_REQUEST', 'request body length does not match its Content-Length header');
  }
  const status = fastifyError.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new UnspinError('BAD_REQUEST', `bad request (${fastifyError.code ?? status})`);
  }
  return new UnspinError('INTERNAL', 'internal error; it has been logged', { cause: error });
}

function fromValidation(errors: AjvError[], context: string, request: FastifyRequest): UnspinError {
  // Ajv reports a oneOf's branches before the oneOf itself; the oneOf says it best here.
  const error = errors.find((e) => e.keyword === 'oneOf') ?? errors[0];
  if (!error) return new UnspinError('VALIDATION', `${context} does not match the endpoint's schema`);
  const where = `${context}${error.instancePath}`;
  if (error.keyword === 'maxItems' && error.instancePath === '/documents') {
    const documents = (request.body as { documents?: unknown[] } | undefined)?.documents;
    return new UnspinError('BATCH_TOO_LARGE', `batch has ${documents?.length ?? 'too many'} documents; the limit is ${String(error.params.limit)}`);
  }
  switch (error.keyword) {
    case 'oneOf': {
      // A misspelt field ({"txt": ...}) fails the oneOf first; naming the stray field says more.
      const unknown = Object.keys(valueAt(request.body, error.instancePath) ?? {}).find((key) => !DOCUMENT_FIELDS.has(key));
      if (unknown !== undefined) return new UnspinError('VALIDATION', `${where} has an unknown field "${unknown.slice(0, 50)}"; expected "text" or "html", and optionally "url"`);
      return new UnspinError('VALIDATION', `${where} must have exactly one of "text" or "html" (a string)`);
    }
    case 'additionalProperties':
      return new UnspinError('VALIDATION', `${where} has an unknown field "${String(error.params.additionalProperty)}"`);
    case 'required':
      return new UnspinError('VALIDATION', `${where} is missing the required field "${String(error.params.missingProperty)}"`);
    default:
      return new UnspinError('VALIDATION', `${where} ${error.message ?? 'is invalid'}`);
  }
}

const DOCUMENT_FIELDS = new Set(['id', 'text', 'html', 'url']);

/** The part of the body a JSON pointer from Ajv points at, when it is an object. */
function valueAt(body: unknown, pointer: string): Record<string, unknown> | undefined {
  let value = body;
  for (const part of pointer.split('/').slice(1)) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function describeType(request: FastifyRequest): string {
  const type = request.headers['content-type'];
  return type ? JSON.stringify(type.slice(0, 100)) : '(none)';
}

/** The JSON body of every error response. */
export function errorBody(error: UnspinError): { error: { code: string; message: string } } {
  return { error: { code: error.code, message: error.message } };
}

/** Fastify's error handler: one JSON shape, 5xx logged with the stack, 4xx logged by code only. */
export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const unspin = toUnspinError(error, request);
  if (unspin.status >= 500 && unspin.code === ERRORS.INTERNAL.code) request.log.error({ err: error }, 'internal error');
  else request.log.info({ code: unspin.code }, 'request refused');
  if (unspin.code === ERRORS.UNAUTHORIZED.code) void reply.header('www-authenticate', 'Bearer realm="unspin"');
  // Busy is transient; a timeout is not (the same document would take as long again), so it gets no Retry-After.
  if (unspin.code === ERRORS.SERVER_BUSY.code) void reply.header('retry-after', '5');
  return reply.code(unspin.status).type('application/json; charset=utf-8').send(errorBody(unspin));
}
