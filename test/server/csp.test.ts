import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { contentSecurityPolicy } from '../../src/interfaces/server/csp.js';

const hash = (content: string) => `'sha256-${createHash('sha256').update(content).digest('base64')}'`;

test('allows exactly the inline scripts and styles, by hash, and nothing from elsewhere', () => {
  const script = 'console.log("hi")';
  const style = 'body { color: #222 }';
  const csp = contentSecurityPolicy(`<html><head><style>${style}</style></head><body><script>${script}</script><script type="module">${script}</script></body></html>`);
  const directive = (name: string) => csp.split('; ').find((d) => d.startsWith(`${name} `));
  assert.equal(directive('script-src'), `script-src ${hash(script)}`);
  assert.equal(directive('style-src'), `style-src ${hash(style)}`);
  assert.equal(directive('default-src'), "default-src 'none'");
  assert.equal(directive('connect-src'), "connect-src 'self'");
  assert.equal(directive('frame-ancestors'), "frame-ancestors 'none'");
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
});

test('a page without scripts allows none; external scripts are not hashed', () => {
  const csp = contentSecurityPolicy('<html><body><script src="/x.js"></script><p>hi</p></body></html>');
  assert.match(csp, /script-src 'none'/);
  assert.match(csp, /style-src 'none'/);
});

test('style attributes are allowed only when the page uses them', () => {
  assert.match(contentSecurityPolicy('<div style="color:red">x</div>'), /style-src-attr 'unsafe-inline'/);
  assert.doesNotMatch(contentSecurityPolicy('<div class="a">style=</div>'), /style-src-attr/);
});
