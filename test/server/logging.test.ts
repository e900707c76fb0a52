import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pino, type LoggerOptions } from 'pino';
import { loggerConfig, withoutQuotedText } from '../../src/interfaces/server/logging.js';
import { captureLogs } from './support.js';

test('an internal error is logged with its type and stack, but not the text it quotes', () => {
  const logs = captureLogs();
  const logger = pino(loggerConfig({ level: 'info' }) as LoggerOptions, logs.stream);
  const error = new Error('tokeniser drift: token "Qwertzmarker" not found after offset 12');
  logger.error({ err: error, text: 'Qwertzmarker body', html: '<p>Qwertzmarker</p>' }, 'internal error');
  const [record] = logs.records();
  const err = record!.err as { type: string; message: string; stack: string };
  assert.equal(err.type, 'Error');
  assert.equal(err.message, 'tokeniser drift: token [quoted text removed] not found after offset 12');
  assert.match(err.stack, /at /);
  assert.equal(record!.text, '[redacted]');
  assert.equal(record!.html, '[redacted]');
  assert.doesNotMatch(logs.text(), /Qwertzmarker/);
});

test('quoted runs of every common kind are removed', () => {
  assert.equal(withoutQuotedText(`a "b" c 'd' e “f” g ‘h’ i \`j\``), 'a [quoted text removed] c [quoted text removed] e [quoted text removed] g [quoted text removed] i [quoted text removed]');
});
