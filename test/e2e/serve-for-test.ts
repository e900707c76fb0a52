/**
 * A stand-in for the real server while it is built in parallel: `renderAppPage()` at `/`
 * and `analyze` at POST /v1/analyze, on node:http. Swap for `buildServer()` at merge.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isUnspinError, UnspinError } from '../../src/core/errors.js';
import type { Analysis } from '../../src/core/types.js';
import type { AnalyzeInput } from '../../src/input/document.js';
import type { ReportLabel } from '../../src/outputs/html-labels.js';
import { analyze } from '../../src/pipeline/analyze.js';
import { renderAppPage } from '../../src/interfaces/server/page.js';

export interface TestServer {
  url: string;
  /** Every body POSTed to /v1/analyze, parsed. */
  posted: unknown[];
  close(): Promise<void>;
}

export interface TestServerOptions {
  /** Replaces the pipeline (the e2e tests hand in the fixture analysis). */
  analyze?: (input: AnalyzeInput) => Analysis;
  labels?: readonly ReportLabel[];
}

const LIMIT = 5 * 1024 * 1024;

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > LIMIT) throw new UnspinError('INPUT_TOO_LARGE', `request body over ${LIMIT} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function serveForTest(options: TestServerOptions = {}): Promise<TestServer> {
  const run = options.analyze ?? ((input: AnalyzeInput) => analyze(input));
  const page = renderAppPage(options.labels ? { labels: options.labels } : {});
  const posted: unknown[] = [];
  const server = createServer((req, res) => {
    const send = (status: number, type: string, body: string) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    if (req.method === 'GET' && req.url === '/') return send(200, 'text/html; charset=utf-8', page);
    if (req.method === 'POST' && req.url === '/v1/analyze') {
      readBody(req)
        .then((raw) => {
          let body: { text?: unknown; html?: unknown };
          try {
            body = JSON.parse(raw);
          } catch {
            throw new UnspinError('BAD_REQUEST', 'request body is not JSON');
          }
          posted.push(body);
          const input: AnalyzeInput | null = typeof body.html === 'string' ? { html: body.html } : typeof body.text === 'string' ? { text: body.text } : null;
          if (!input) throw new UnspinError('BAD_REQUEST', 'request needs a string `text` or `html` field');
          send(200, 'application/json', JSON.stringify(run(input)));
        })
        .catch((error: unknown) => {
          if (isUnspinError(error)) send(error.status, 'application/json', JSON.stringify({ error: { code: error.code, message: error.message } }));
          else send(500, 'application/json', JSON.stringify({ error: { code: 'UNSPIN_E_INTERNAL', message: String(error) } }));
        });
      return;
    }
    send(404, 'text/plain', 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    posted,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
