import { createHash } from 'node:crypto';

const sha256 = (content: string): string => `'sha256-${createHash('sha256').update(content, 'utf8').digest('base64')}'`;

/** The contents of every inline element `tag` (no `src`), as the browser hashes them. */
function inlineContents(html: string, tag: 'script' | 'style'): string[] {
  const pattern = new RegExp(`<${tag}\\b([^>]*)>([\\s\\S]*?)</${tag}\\s*>`, 'gi');
  return [...html.matchAll(pattern)].filter((m) => !/\ssrc\s*=/i.test(m[1] ?? '')).map((m) => m[2] ?? '');
}

/**
 * A strict Content-Security-Policy for a page that inlines its script and style:
 * exactly those inline blocks may run (by hash), nothing may load from elsewhere,
 * and the page may only call this server. A nonce would need a fresh page per
 * request; hashes let the page be rendered once.
 */
export function contentSecurityPolicy(html: string): string {
  const scripts = [...new Set(inlineContents(html, 'script').map(sha256))];
  const styles = [...new Set(inlineContents(html, 'style').map(sha256))];
  const directives = [
    "default-src 'none'",
    `script-src ${scripts.length ? scripts.join(' ') : "'none'"}`,
    `style-src ${styles.length ? styles.join(' ') : "'none'"}`,
    "connect-src 'self'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  // style="" attributes cannot be hashed without 'unsafe-hashes'; allowed only when the page uses them.
  if (/<[a-z][^>]*\sstyle\s*=/i.test(html)) directives.push("style-src-attr 'unsafe-inline'");
  return directives.join('; ');
}
