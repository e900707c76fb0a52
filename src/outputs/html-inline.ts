import { createHash } from 'node:crypto';

/**
 * Inline <script>/<style> blocks plus the Content-Security-Policy sources that allow
 * exactly them. A page built from these runs only its own code, even if some input
 * text were ever to slip through unescaped.
 */
export interface InlineBlock {
  html: string;
  /** CSP source expression, e.g. 'sha256-…'. */
  source: string;
}

function sha256(content: string): string {
  return `'sha256-${createHash('sha256').update(content, 'utf8').digest('base64')}'`;
}

export function inlineScript(code: string): InlineBlock {
  if (/<\/script|<!--/i.test(code)) throw new Error('inline script contains </script or <!--');
  return { html: `<script>${code}</script>`, source: sha256(code) };
}

export function inlineStyle(css: string): InlineBlock {
  if (/<\/style/i.test(css)) throw new Error('inline style contains </style');
  return { html: `<style>${css}</style>`, source: sha256(css) };
}

/**
 * A JSON data block. `<` becomes \u003c, so no `</script>` or `<!--` in the data can end
 * the block; U+2028/U+2029 are escaped too so the text is also valid as a JS literal.
 */
export function jsonScript(id: string, value: unknown): string {
  const json = JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return `<script type="application/json" id="${id}">${json}</script>`;
}

/** A CSP meta tag: nothing loads or connects except what is listed. */
export function cspMeta(scripts: InlineBlock[], styles: InlineBlock[], connect: "'none'" | "'self'"): string {
  return `<meta http-equiv="Content-Security-Policy" content="${cspPolicy(scripts, styles, connect)}">`;
}

/** The policy itself: only the listed inline blocks run, and requests go nowhere or to the same origin. */
export function cspPolicy(scripts: InlineBlock[], styles: InlineBlock[], connect: "'none'" | "'self'"): string {
  return [
    "default-src 'none'",
    `script-src ${scripts.map((s) => s.source).join(' ')}`,
    `style-src ${styles.map((s) => s.source).join(' ')}`,
    "img-src 'none'",
    `connect-src ${connect}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}
