import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { Ajv } from 'ajv';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { analyze, type Analysis } from '../../src/index.js';
import { buildServer } from '../../src/interfaces/server/app.js';
import { renderAppPage } from '../../src/interfaces/server/page.js';
import { analysisSchema, analyzeRequestSchema, batchRequestSchema, errorSchema } from '../../src/interfaces/server/schemas.js';
import { assertSpansConsistent } from '../helpers.js';
import { ARTICLE, bigText, captureLogs } from './support.js';

const MAX_BATCH = 3;
// A word that appears only in documents sent in this file: it must never reach the logs.
const MARKER = 'Zyxwquorblat';
const logs = captureLogs();
let app: FastifyInstance;

const ajv = new Ajv({ allowUnionTypes: true, strict: false });
const validAnalysis = ajv.compile(analysisSchema);
const validError = ajv.compile(errorSchema);

before(async () => {
  app = await buildServer({ workers: 1, maxBatch: MAX_BATCH, rateLimit: false, logger: { level: 'info', stream: logs.stream } });
  await app.analysisPool.whenReady();
});
after(() => app.close());

const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url, payload: payload as InjectOptions['payload'], headers });

/** The same JSON `analyze()` (and so `unspin analyze --format json`) gives, through a JSON round trip. */
const expected = (...args: Parameters<typeof analyze>) => JSON.parse(JSON.stringify(analyze(...args))) as Analysis;

async function assertError(response: Awaited<ReturnType<typeof post>>, status: number, code: string, messagePart?: RegExp) {
  const body = response.json() as { error: { code: string; message: string } };
  assert.equal(response.statusCode, status, response.body);
  assert.ok(validError(body), JSON.stringify(validError.errors));
  assert.equal(body.error.code, code);
  assert.match(response.headers['content-type'] as string, /^application\/json/);
  if (messagePart) assert.match(body.error.message, messagePart);
  assert.doesNotMatch(body.error.message, /\n/, 'one line');
}

describe('POST /v1/analyze', () => {
  test('JSON {text} gives the same analysis as analyze()', async () => {
    const text = `${ARTICLE}\n\n${MARKER} said "this is a test", according to the Daily Planet.`;
    const response = await post('/v1/analyze', { text });
    assert.equal(response.statusCode, 200);
    assert.match(response.headers['content-type'] as string, /^application\/json/);
    const timing = response.headers['server-timing'] as string;
    assert.match(timing, /^analyze;dur=\d+(\.\d+)?(, [a-z]+;dur=\d+(\.\d+)?)+$/);
    assert.deepEqual(timing.split(', ').map((m) => m.split(';')[0]), ['analyze', 'text', 'provenance', 'hate', 'propaganda', 'claims', 'rest']);
    const analysis = response.json() as Analysis;
    assert.deepEqual(analysis, expected(text, { meta: { source: null } }));
    assert.ok(validAnalysis(analysis), JSON.stringify(validAnalysis.errors));
    assertSpansConsistent(analysis);
  });

  test('the body is byte for byte the JSON analyze() gives, characters outside ASCII included (it crosses from the thread as UTF-8 bytes)', async () => {
    const text = `${MARKER} said “naïve señores” cost €5m — 東京 officials 😀 disagreed.`;
    const response = await post('/v1/analyze', { text });
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-length'], String(response.rawPayload.length));
    assert.ok(response.rawPayload.equals(Buffer.from(JSON.stringify(analyze(text, { meta: { source: null } })), 'utf8')));
    // The batch answer wraps the same bytes.
    const batch = await post('/v1/analyze/batch', { documents: [{ id: 7, text }, { id: 'x', text: ' ' }] });
    const one = JSON.stringify(analyze(text, { meta: { source: '7' } }));
    assert.match(batch.body, /^\{"results":\[\{"id":7,"analysis":/);
    assert.ok(batch.body.startsWith(`{"results":[{"id":7,"analysis":${one}},{"id":"x","error":`), batch.body.slice(0, 80));
  });

  test('a raw text/plain body is analysed as text', async () => {
    const text = `The mayor ${MARKER} said the plan "will work".`;
    const response = await post('/v1/analyze', text, { 'content-type': 'text/plain; charset=utf-8' });
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json(), expected(text, { meta: { source: null } }));
  });

  test('a text/plain body with a byte-order mark gives the text without it', async () => {
    const response = await post('/v1/analyze', `\ufeffPlain ${MARKER} words.`, { 'content-type': 'text/plain' });
    assert.equal(response.statusCode, 200);
    assert.equal(response.json().text, `Plain ${MARKER} words.`);
  });

  test('a raw text/html body goes through article extraction', async () => {
    const html = `<!doctype html><html lang="en"><head><title>Water plan approved</title><meta name="author" content="Maria Lindqvist"></head>
      <body><nav>Home | Sport | Weather</nav><script>var tracking = "do-not-show";</script>
      <article><h1>Water plan approved</h1>${ARTICLE.split('\n\n').slice(2, 6).map((p) => `<p>${p}</p>`).join('')}<p>${MARKER} agreed.</p></article>
      <footer>Copyright footer text</footer></body></html>`;
    const response = await post('/v1/analyze', html, { 'content-type': 'text/html' });
    assert.equal(response.statusCode, 200);
    const analysis = response.json() as Analysis;
    assert.equal(analysis.meta.format, 'html');
    assert.equal(analysis.meta.title, 'Water plan approved');
    assert.match(analysis.text, /The city council of Northbridge voted 7 to 4/);
    assert.match(analysis.text, new RegExp(`${MARKER} agreed`));
    assert.doesNotMatch(analysis.text, /do-not-show|Copyright footer/);
    assert.deepEqual(analysis, expected({ html }, { meta: { source: null } }));
    assertSpansConsistent(analysis);
  });

  test('JSON {url, html} keeps the url in meta', async () => {
    const html = `<article><p>${ARTICLE.split('\n\n')[2]}</p></article>`;
    const response = await post('/v1/analyze', { url: 'https://example.org/news/water', html });
    assert.equal(response.statusCode, 200);
    const analysis = response.json() as Analysis;
    assert.equal(analysis.meta.url, 'https://example.org/news/water');
    assert.equal(analysis.meta.format, 'html');
  });

  test('malformed JSON is UNSPIN_E_MALFORMED_JSON, and the message does not quote the body', async () => {
    const response = await post('/v1/analyze', `{"text": "${MARKER}`, { 'content-type': 'application/json' });
    await assertError(response, 400, 'UNSPIN_E_MALFORMED_JSON', /not valid JSON/);
    assert.doesNotMatch(response.body, new RegExp(MARKER));
  });

  test('an empty JSON body is UNSPIN_E_MALFORMED_JSON', async () => {
    await assertError(await post('/v1/analyze', '', { 'content-type': 'application/json' }), 400, 'UNSPIN_E_MALFORMED_JSON', /empty/);
  });

  test('wrong types, unknown fields, and neither or both of text and html are UNSPIN_E_VALIDATION', async () => {
    await assertError(await post('/v1/analyze', { text: 42 }), 400, 'UNSPIN_E_VALIDATION', /body\/text must be string/);
    await assertError(await post('/v1/analyze', { html: ['<p>a</p>'] }), 400, 'UNSPIN_E_VALIDATION', /body\/html must be string/);
    await assertError(await post('/v1/analyze', { text: 'ok', url: 7 }), 400, 'UNSPIN_E_VALIDATION', /body\/url must be string/);
    await assertError(await post('/v1/analyze', { txt: 'typo' }), 400, 'UNSPIN_E_VALIDATION', /unknown field "txt"/);
    await assertError(await post('/v1/analyze', { text: 'a', extra: true }), 400, 'UNSPIN_E_VALIDATION', /unknown field "extra"/);
    await assertError(await post('/v1/analyze', {}), 400, 'UNSPIN_E_VALIDATION', /exactly one of "text" or "html"/);
    await assertError(await post('/v1/analyze', { text: 'a', html: '<p>b</p>' }), 400, 'UNSPIN_E_VALIDATION', /exactly one of/);
    await assertError(await post('/v1/analyze', [1, 2]), 400, 'UNSPIN_E_VALIDATION');
    await assertError(await post('/v1/analyze', 'null', { 'content-type': 'application/json' }), 400, 'UNSPIN_E_VALIDATION');
  });

  test('an empty or whitespace-only document is UNSPIN_E_INPUT_EMPTY, in JSON or raw', async () => {
    await assertError(await post('/v1/analyze', { text: '' }), 400, 'UNSPIN_E_INPUT_EMPTY');
    await assertError(await post('/v1/analyze', { text: ' \n\t ' }), 400, 'UNSPIN_E_INPUT_EMPTY');
    await assertError(await post('/v1/analyze', '   ', { 'content-type': 'text/plain' }), 400, 'UNSPIN_E_INPUT_EMPTY');
    // HTML whose article has no text at all once markup is removed.
    await assertError(await post('/v1/analyze', { html: '<html><body><script>x()</script><div> </div></body></html>' }), 400, 'UNSPIN_E_INPUT_EMPTY');
  });

  test('an unsupported content type or charset is UNSPIN_E_UNSUPPORTED_MEDIA_TYPE', async () => {
    await assertError(await post('/v1/analyze', '<a/>', { 'content-type': 'application/xml' }), 415, 'UNSPIN_E_UNSUPPORTED_MEDIA_TYPE', /application\/xml/);
    await assertError(await post('/v1/analyze', 'text=a', { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'UNSPIN_E_UNSUPPORTED_MEDIA_TYPE');
    await assertError(await post('/v1/analyze', 'caf\xe9', { 'content-type': 'text/plain; charset=iso-8859-1' }), 415, 'UNSPIN_E_UNSUPPORTED_MEDIA_TYPE', /charset "iso-8859-1"/);
  });

  test('a binary body is UNSPIN_E_INPUT_BINARY', async () => {
    await assertError(await post('/v1/analyze', Buffer.from([0x41, 0x00, 0x42, 0xff]), { 'content-type': 'text/plain' }), 415, 'UNSPIN_E_INPUT_BINARY');
  });

  test('a body over the 2 MB default limit is 413 UNSPIN_E_BODY_TOO_LARGE', async () => {
    const over = 'a'.repeat(2 * 1024 * 1024 + 1);
    await assertError(await post('/v1/analyze', over, { 'content-type': 'text/plain' }), 413, 'UNSPIN_E_BODY_TOO_LARGE', /2097152-byte limit/);
    await assertError(await post('/v1/analyze', { text: over }), 413, 'UNSPIN_E_BODY_TOO_LARGE');
  });
});

describe('POST /v1/analyze/batch', () => {
  test('one bad document does not fail the others; results keep order and ids', async () => {
    const docs = [
      { id: 'a', text: `First ${MARKER} document. "Quoted words," she said.` },
      { id: 'b', text: '   ' },
      { html: `<article><p>Third document, given as HTML with ${MARKER}.</p></article>`, url: 'https://example.org/3' },
    ];
    const response = await post('/v1/analyze/batch', { documents: docs });
    assert.equal(response.statusCode, 200);
    const { results } = response.json() as { results: Array<{ id: string | number; analysis?: Analysis; error?: { code: string; message: string } }> };
    assert.deepEqual(results.map((r) => r.id), ['a', 'b', 2]);
    assert.deepEqual(results[0]!.analysis, expected({ text: docs[0]!.text! }, { meta: { source: 'a' } }));
    assert.equal(results[1]!.analysis, undefined);
    assert.equal(results[1]!.error?.code, 'UNSPIN_E_INPUT_EMPTY');
    assert.match(results[1]!.error!.message, /document b/);
    assert.equal(results[2]!.analysis?.meta.url, 'https://example.org/3');
    assert.equal(results[2]!.analysis?.meta.source, '2');
    for (const r of results) if (r.analysis) assert.ok(validAnalysis(r.analysis), JSON.stringify(validAnalysis.errors));
  });

  test('a document over the per-document size limit fails alone with UNSPIN_E_INPUT_TOO_LARGE', async () => {
    const response = await post('/v1/analyze/batch', { documents: [{ id: 'big', text: 'a'.repeat(2 * 1024 * 1024 + 1) }, { id: 'small', text: 'Small one.' }] });
    assert.equal(response.statusCode, 200);
    const { results } = response.json() as { results: Array<{ id: string; analysis?: Analysis; error?: { code: string } }> };
    assert.equal(results[0]!.error?.code, 'UNSPIN_E_INPUT_TOO_LARGE');
    assert.equal(results[1]!.analysis?.text, 'Small one.');
  });

  test('more documents than the limit is 413 UNSPIN_E_BATCH_TOO_LARGE', async () => {
    const documents = Array.from({ length: MAX_BATCH + 1 }, (_, i) => ({ text: `doc ${i}` }));
    await assertError(await post('/v1/analyze/batch', { documents }), 413, 'UNSPIN_E_BATCH_TOO_LARGE', new RegExp(`${MAX_BATCH + 1} documents; the limit is ${MAX_BATCH}`));
  });

  test('a malformed batch is UNSPIN_E_VALIDATION naming the document', async () => {
    await assertError(await post('/v1/analyze/batch', { documents: [{ text: 'fine' }, { text: 3 }] }), 400, 'UNSPIN_E_VALIDATION', /body\/documents\/1\/text must be string/);
    await assertError(await post('/v1/analyze/batch', { documents: [] }), 400, 'UNSPIN_E_VALIDATION', /documents/);
    await assertError(await post('/v1/analyze/batch', { docs: [] }), 400, 'UNSPIN_E_VALIDATION', /documents/);
    await assertError(await post('/v1/analyze/batch', { documents: [{ id: true, text: 'x' }] }), 400, 'UNSPIN_E_VALIDATION', /id/);
  });
});

describe('health, readiness, pages', () => {
  test('GET /healthz and GET /readyz', async () => {
    const health = await app.inject({ method: 'GET', url: '/healthz' });
    assert.equal(health.statusCode, 200);
    assert.deepEqual(health.json(), { status: 'ok' });
    const ready = await app.inject({ method: 'GET', url: '/readyz' });
    assert.equal(ready.statusCode, 200);
    assert.equal(ready.json().ready, true);
    assert.equal(ready.json().workers, 1);
  });

  test('/healthz answers while the only worker is busy with a big document', async () => {
    const big = bigText(512 * 1024);
    const order: string[] = [];
    const analysing = post('/v1/analyze', big, { 'content-type': 'text/plain' }).then((r) => {
      order.push('analysis');
      return r;
    });
    // Let the request reach the worker before probing.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = performance.now();
    const health = await app.inject({ method: 'GET', url: '/healthz' });
    order.push('healthz');
    const healthMs = performance.now() - started;
    assert.equal(health.statusCode, 200);
    const response = await analysing;
    assert.equal(response.statusCode, 200);
    assert.deepEqual(order, ['healthz', 'analysis'], `healthz took ${healthMs.toFixed(0)} ms`);
  });

  test('GET / serves the page with a CSP that allows exactly its inline script and style', async () => {
    const response = await app.inject({ method: 'GET', url: '/' });
    assert.equal(response.statusCode, 200);
    assert.match(response.headers['content-type'] as string, /^text\/html/);
    assert.equal(response.body, renderAppPage());
    const csp = response.headers['content-security-policy'] as string;
    assert.match(csp, /default-src 'none'/);
    assert.doesNotMatch(csp, /script-src[^;]*unsafe-inline/);
    const inline = [...response.body.matchAll(/<(script|style)\b([^>]*)>([\s\S]*?)<\/\1>/g)].filter((m) => !/\ssrc=/.test(m[2]!));
    for (const [, tag, , content] of inline) {
      const hash = createHash('sha256').update(content!).digest('base64');
      const directive = csp.split('; ').find((d) => d.startsWith(`${tag}-src `))!;
      assert.ok(directive.includes(`'sha256-${hash}'`), `inline ${tag} hash is allowed`);
    }
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
  });

  test('unknown paths are 404 UNSPIN_E_NOT_FOUND', async () => {
    await assertError(await app.inject({ method: 'GET', url: '/v2/nothing' }), 404, 'UNSPIN_E_NOT_FOUND', /GET \/v2\/nothing/);
    await assertError(await app.inject({ method: 'GET', url: '/v1/analyze' }), 404, 'UNSPIN_E_NOT_FOUND');
  });
});

describe('GET /openapi.json', () => {
  test('is an OpenAPI 3.1 document built from the schemas that validate requests', async () => {
    const response = await app.inject({ method: 'GET', url: '/openapi.json' });
    assert.equal(response.statusCode, 200);
    const doc = response.json();
    assert.equal(doc.openapi, '3.1.0');
    assert.equal(typeof doc.info.title, 'string');
    assert.equal(typeof doc.info.version, 'string');
    for (const path of ['/v1/analyze', '/v1/analyze/batch', '/healthz', '/readyz', '/openapi.json', '/']) assert.ok(doc.paths[path], path);
    assert.deepEqual(doc.components.schemas.AnalyzeRequest, JSON.parse(JSON.stringify(analyzeRequestSchema)));
    assert.deepEqual(doc.components.schemas.BatchRequest, JSON.parse(JSON.stringify(batchRequestSchema(MAX_BATCH))));
    assert.equal(doc.components.schemas.BatchRequest.properties.documents.maxItems, MAX_BATCH);
    const analyzeBody = doc.paths['/v1/analyze'].post.requestBody.content;
    assert.deepEqual(Object.keys(analyzeBody).sort(), ['application/json', 'text/html', 'text/plain']);
    // Every $ref points at a component that exists.
    const refs = [...response.body.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    assert.ok(refs.length > 5);
    for (const name of refs) assert.ok(doc.components.schemas[name], `$ref ${name}`);
    // The published response schemas accept what the server really answers.
    const published = new Ajv({ allowUnionTypes: true, strict: false });
    published.addSchema(doc, 'openapi');
    const batchResponse = published.getSchema('openapi#/components/schemas/BatchResponse')!;
    const batch = await post('/v1/analyze/batch', { documents: [{ id: 'ok', text: 'Fine, the mayor said.' }, { id: 'empty', text: '' }] });
    assert.ok(batchResponse(batch.json()), JSON.stringify(batchResponse.errors));
    const analysisResponse = published.getSchema('openapi#/components/schemas/Analysis')!;
    assert.ok(analysisResponse((await post('/v1/analyze', { text: ARTICLE })).json()), JSON.stringify(analysisResponse.errors));
    assert.ok(!analysisResponse({ ...batch.json().results[0].analysis, findings: [{ start: 'x' }] }), 'the schema is not vacuous');
    const errorResponse = published.getSchema('openapi#/components/schemas/Error')!;
    assert.ok(errorResponse((await post('/v1/analyze', { text: 1 })).json()));
    // Each documented error status names the catalogue codes it can carry.
    assert.match(doc.paths['/v1/analyze/batch'].post.responses['413'].description, /UNSPIN_E_BATCH_TOO_LARGE/);
    assert.match(doc.paths['/v1/analyze'].post.responses['415'].description, /UNSPIN_E_UNSUPPORTED_MEDIA_TYPE/);
  });
});

describe('logs', () => {
  test('hold method, url, status and sizes of each request, and never the document text', async () => {
    // Even text put in the query string stays out of the logs.
    assert.equal((await post(`/v1/analyze?note=${MARKER}`, { text: 'Query string test.' })).statusCode, 200);
    const text = logs.text();
    const records = logs.records();
    const completed = records.filter((r) => r.msg === 'request completed');
    assert.ok(completed.length > 10, 'requests were logged');
    const incoming = records.find((r) => r.msg === 'incoming request' && (r.req as { url?: string }).url === '/v1/analyze/batch');
    assert.ok(incoming, 'batch request logged');
    assert.equal((incoming!.req as { method: string }).method, 'POST');
    assert.ok(typeof (incoming!.req as { contentLength?: number }).contentLength === 'number');
    assert.ok(completed.every((r) => typeof (r.res as { statusCode?: number }).statusCode === 'number' && typeof r.responseTime === 'number'));
    assert.ok(records.some((r) => r.code === 'UNSPIN_E_MALFORMED_JSON'), 'refusals are logged by code');
    assert.doesNotMatch(text, new RegExp(MARKER), 'no document text in the logs');
    assert.doesNotMatch(text, /Northbridge/, 'no article text in the logs');
  });
});

describe('responses', () => {
  test('carry a request id', async () => {
    const a = await app.inject({ method: 'GET', url: '/healthz' });
    const b = await post('/v1/analyze', { text: 1 });
    assert.ok(a.headers['x-request-id']);
    assert.ok(b.headers['x-request-id']);
    assert.notEqual(a.headers['x-request-id'], b.headers['x-request-id']);
  });
});
