import { asset, webBundle } from '../../outputs/html-assets.js';
import { cspMeta, cspPolicy, inlineScript, inlineStyle, jsonScript, type InlineBlock } from '../../outputs/html-inline.js';
import { defaultReportLabels, type ReportLabel } from '../../outputs/html-labels.js';

export interface AppPageOptions {
  /** Where the page POSTs `{text}` or `{html}`; same origin. */
  endpoint?: string;
  /** Label definitions for hovers and the legend; the default detectors' labels when omitted. */
  labels?: readonly ReportLabel[];
  /** The largest file the page accepts before it even asks the server. */
  maxBytes?: number;
  /** The server has API keys: the page shows a key field and sends the key as a Bearer token. */
  keyRequired?: boolean;
}

/**
 * The web page served at `/`: paste an article or drop a file, see it unspun. The page
 * holds no input text; the answer is drawn by the report's renderer with textContent,
 * and its Content-Security-Policy allows only its own scripts and same-origin requests.
 */
export function renderAppPage(options: AppPageOptions = {}): string {
  const { styles, scripts } = blocks();
  const config = { endpoint: options.endpoint ?? '/v1/analyze', labels: options.labels ?? defaultReportLabels(), maxBytes: options.maxBytes ?? 5 * 1024 * 1024, keyRequired: options.keyRequired ?? false };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
${cspMeta(scripts, styles, "'self'")}
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>unspin: who is speaking in this article?</title>
${styles.map((s) => s.html).join('\n')}
</head>
<body>
<header class="app-bar"><div class="app-bar-inner"><p class="app-brand">unspin</p><p class="app-tagline">Quotes, speakers, state outlets, hate speech, propaganda techniques and check-worthy claims, each with its reason.</p></div></header>
<section class="app-input" aria-label="Article to analyse">
<form id="u-form" class="app-card" novalidate>
<label class="app-label" for="u-text">Article text</label>
<textarea id="u-text" class="app-text" name="text" rows="10" spellcheck="false" placeholder="Paste a news article or post here, or drop a saved web page (.html) or a .txt file below."></textarea>
<p id="u-html-note" class="app-note" role="status" hidden><span id="u-html-note-text"></span> <button id="u-html-switch" type="button" class="u-button u-button-quiet"></button></p>
<div id="u-key-row" class="app-key" hidden><label class="app-label" for="u-key">API key</label><input id="u-key" class="app-key-input" type="password" autocomplete="off" spellcheck="false" placeholder="This server asks for an API key"><label class="app-key-keep"><input id="u-key-keep" type="checkbox"> keep it in this tab until it closes</label><p class="app-hint">Sent only to this server, as Authorization: Bearer. Kept in memory, or in this tab’s session storage if you tick the box; never in a cookie.</p></div>
<div class="app-row">
<div id="u-drop" class="app-drop"><span>Drop an .html or .txt file here, or</span><label class="app-file">choose a file<input id="u-file" type="file" accept=".html,.htm,.txt,text/html,text/plain"></label><p id="u-file-note" class="app-file-note" aria-live="polite"></p></div>
<fieldset class="app-mode"><legend>Input is</legend><label><input type="radio" name="mode" id="u-mode-text" value="text" checked> plain text</label><label><input type="radio" name="mode" id="u-mode-html" value="html"> an HTML page</label></fieldset>
<div class="app-actions"><p id="u-status" class="u-status" role="status" aria-live="polite"></p><button id="u-analyze" class="u-button" type="submit">Analyse</button></div>
</div>
<p class="app-hint">Everything runs on this server; nothing is sent anywhere else. Ctrl+Enter analyses.</p>
</form>
</section>
<div id="u-result" hidden></div>
${jsonScript('unspin-config', config)}
${scripts.map((s) => s.html).join('\n')}
</body>
</html>
`;
}

function blocks(): { styles: InlineBlock[]; scripts: InlineBlock[] } {
  return {
    styles: [inlineStyle(asset('report.css')), inlineStyle(asset('app.css'))],
    scripts: [inlineScript(webBundle('report.js')), inlineScript(webBundle('app.js'))],
  };
}

/**
 * The page's Content-Security-Policy, for a server that sends it as a header too (a
 * header policy stricter than this, such as `script-src 'self'`, would block the page).
 */
export function appPageCsp(): string {
  const { styles, scripts } = blocks();
  return cspPolicy(scripts, styles, "'self'");
}
