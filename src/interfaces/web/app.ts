/*
 * The web page at `/`: paste an article or drop a file, POST it to /v1/analyze, and
 * draw the answer with the shared report renderer (window.Unspin from the report bundle, src/outputs/web/report.ts).
 * No network requests except that same-origin POST.
 */
import type { Analysis } from '../../core/types.js';
import type { ReportLabel } from '../../outputs/report-label.js';
// For the Window.Unspin declaration only: the renderer itself is its own bundle, inlined before this one.
import type {} from '../../outputs/web/report.js';

/** What the server puts in <script id="unspin-config"> (src/interfaces/server/page.ts). */
interface PageConfig {
  endpoint: string;
  labels: ReportLabel[];
  maxBytes: number;
  keyRequired: boolean;
}

/** The page's element by id; the page is rendered with all of them, so a missing one is a bug. */
function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error('unspin: #' + id + ' is missing from the page');
  return node as T;
}

const config = JSON.parse(byId('unspin-config').textContent ?? '{}') as PageConfig;
const form = byId<HTMLFormElement>('u-form');
const textarea = byId<HTMLTextAreaElement>('u-text');
const fileInput = byId<HTMLInputElement>('u-file');
const drop = byId('u-drop');
const fileNote = byId('u-file-note');
const status = byId('u-status');
const button = byId<HTMLButtonElement>('u-analyze');
const result = byId('u-result');
const modeHtml = byId<HTMLInputElement>('u-mode-html');
const modeText = byId<HTMLInputElement>('u-mode-text');
const htmlNote = byId('u-html-note');
const htmlNoteText = byId('u-html-note-text');
const htmlSwitch = byId<HTMLButtonElement>('u-html-switch');
const keyRow = byId('u-key-row');
const keyInput = byId<HTMLInputElement>('u-key');
const keyKeep = byId<HTMLInputElement>('u-key-keep');
let busy = false;
// Set once the reader picks a mode, so detection never overrides their choice.
let modeChosen = false;
const KEY_STORE = 'unspin.apiKey';

// ---- API key: in memory, or in this tab's session storage when asked; never a cookie.
if (config.keyRequired) {
  keyRow.hidden = false;
  try {
    const kept = window.sessionStorage.getItem(KEY_STORE);
    if (kept) {
      keyInput.value = kept;
      keyKeep.checked = true;
    }
  } catch { /* storage blocked: memory only */ }
}
function storeKey() {
  try {
    if (keyKeep.checked && keyInput.value.trim()) window.sessionStorage.setItem(KEY_STORE, keyInput.value.trim());
    else window.sessionStorage.removeItem(KEY_STORE);
  } catch { /* storage blocked: memory only */ }
}
keyInput.addEventListener('change', storeKey);
keyKeep.addEventListener('change', storeKey);

function setStatus(message: string, kind: 'error' | 'busy' | 'ok' | null): void {
  status.textContent = message;
  status.className = 'u-status' + (kind ? ' u-status-' + kind : '');
  status.setAttribute('role', kind === 'error' ? 'alert' : 'status');
}

/** A whole page, or a fragment with several block or inline tags (a copied article's markup). */
function looksLikeHtml(s: string): boolean {
  if (/^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(s)) return true;
  const tags = s.slice(0, 200000).match(/<\/?(?:p|div|span|a|article|section|header|footer|main|nav|h[1-6]|br|img|ul|ol|li|strong|em|b|i|blockquote|figure|time|meta|script|style|table|tr|td)(?:\s[^<>]*)?\/?>/gi);
  return tags !== null && tags.length >= 3;
}

// ---- pasted HTML: switch to HTML analysis, say so, and offer the way back.
function showHtmlNote(switched: boolean): void {
  htmlNote.hidden = false;
  htmlNoteText.textContent = switched
    ? 'This looks like HTML, so it will be analysed as a web page: the markup is stripped and the article extracted.'
    : 'This looks like HTML but will be analysed as plain text, markup included.';
  htmlSwitch.textContent = switched ? 'Treat it as plain text' : 'Treat it as an HTML page';
}
function detectHtml() {
  const html = looksLikeHtml(textarea.value);
  if (!html) {
    // Switched by detection, not by the reader: back to text once the markup is gone.
    if (!modeChosen && modeHtml.checked && !htmlNote.hidden) modeText.checked = true;
    htmlNote.hidden = true;
    return;
  }
  if (modeChosen) return;
  if (!modeHtml.checked) modeHtml.checked = true;
  showHtmlNote(true);
}
htmlSwitch.addEventListener('click', function () {
  modeChosen = true;
  const toHtml = !modeHtml.checked;
  (toHtml ? modeHtml : modeText).checked = true;
  showHtmlNote(toHtml);
});
[modeHtml, modeText].forEach(function (radio) {
  radio.addEventListener('change', function () {
    modeChosen = true;
    if (looksLikeHtml(textarea.value)) showHtmlNote(modeHtml.checked);
  });
});

function loadFile(file: File | null | undefined): void {
  if (!file) return;
  if (file.size > config.maxBytes) {
    setStatus(file.name + ' is ' + Math.round(file.size / 1024) + ' kB; the limit is ' + Math.round(config.maxBytes / 1024) + ' kB.', 'error');
    return;
  }
  file.text().then(function (content: string) {
    textarea.value = content;
    const html = /\.html?$/i.test(file.name) || file.type === 'text/html' || looksLikeHtml(content);
    (html ? modeHtml : modeText).checked = true;
    fileNote.textContent = 'Loaded ' + file.name + ' (' + Math.max(1, Math.round(file.size / 1024)) + ' kB) as ' + (html ? 'an HTML page' : 'plain text') + '.';
    setStatus('Ready: press Analyse.', null);
    button.focus();
  }, function () {
    setStatus('Could not read ' + file.name + '.', 'error');
  });
}

fileInput.addEventListener('change', function () {
  loadFile(fileInput.files && fileInput.files[0]);
  fileInput.value = '';
});
['dragenter', 'dragover'].forEach(function (type) {
  drop.addEventListener(type, function (event) {
    event.preventDefault();
    drop.classList.add('is-over');
  });
});
['dragleave', 'drop'].forEach(function (type) {
  drop.addEventListener(type, function () { drop.classList.remove('is-over'); });
});
drop.addEventListener('drop', function (event) {
  event.preventDefault();
  const files = event.dataTransfer && event.dataTransfer.files;
  loadFile(files && files[0]);
});
// A file dropped anywhere else must not navigate away from the page.
window.addEventListener('dragover', function (event) { event.preventDefault(); });
window.addEventListener('drop', function (event) { event.preventDefault(); });

textarea.addEventListener('paste', function () {
  modeChosen = false;
  setTimeout(detectHtml, 0);
});
textarea.addEventListener('input', detectHtml);
textarea.addEventListener('keydown', function (event) {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    analyse();
  }
});
form.addEventListener('submit', function (event) {
  event.preventDefault();
  analyse();
});

interface ErrorBody {
  error?: { message?: string; code?: string } | string;
  message?: unknown;
}

function errorMessage(body: ErrorBody | null, response: Response): string {
  const e = body && body.error;
  if (e && typeof e === 'object' && e.message) return e.message + (e.code ? ' (' + e.code + ')' : '');
  if (body && typeof body.message === 'string') return body.message;
  if (typeof e === 'string') return e;
  return 'The server answered ' + response.status + ' ' + response.statusText + '.';
}

function analyse() {
  if (busy) return;
  const value = textarea.value;
  if (!value.trim()) {
    setStatus('Paste an article or drop a file first.', 'error');
    textarea.focus();
    return;
  }
  busy = true;
  button.disabled = true;
  setStatus('Analysing\u2026', 'busy');
  const payload = modeHtml.checked ? { html: value } : { text: value };
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  const key = config.keyRequired ? keyInput.value.trim() : '';
  if (config.keyRequired && !key) {
    busy = false;
    button.disabled = false;
    setStatus('This server asks for an API key: enter it in the API key field.', 'error');
    keyInput.focus();
    return;
  }
  if (key) headers.authorization = 'Bearer ' + key;
  fetch(config.endpoint, { method: 'POST', headers: headers, body: JSON.stringify(payload) })
    .then(function (response) {
      return response.json().then(
        function (body: unknown) { return { response: response, body: body as (ErrorBody & { analysis?: Analysis }) | Analysis | null }; },
        function () { return { response: response, body: null }; });
    })
    .then(function (answer) {
      const body = answer.body;
      if (answer.response.status === 401) {
        keyRow.hidden = false;
        keyInput.focus();
        throw new Error(key ? 'The server did not accept this API key (401): check it and try again.' : 'This server asks for an API key (401): enter it in the API key field.');
      }
      if (answer.response.status === 429) {
        const retry = answer.response.headers.get('retry-after');
        throw new Error('Too many requests (429): the server\u2019s rate limit was reached' + (retry ? '; try again in ' + retry + ' s.' : '; try again in a moment.'));
      }
      if (!answer.response.ok) throw new Error(errorMessage(body as ErrorBody | null, answer.response));
      const analysis = (body && 'analysis' in body && body.analysis ? body.analysis : body) as Analysis | null;
      if (!analysis || typeof analysis.text !== 'string') throw new Error('The server answered without an analysis.');
      window.unspinReport = window.Unspin.render(result, analysis, config.labels);
      result.hidden = false;
      const n = analysis.findings ? analysis.findings.length : 0;
      const quotes = (analysis.quotes || []).filter(function (q) { return q.kind !== 'scare'; }).length;
      setStatus('Done: ' + quotes + ' quotes, ' + n + ' findings.', 'ok');
      result.scrollIntoView({ block: 'start' });
    })
    .catch(function (error) {
      setStatus(error && error.message ? error.message : 'The analysis failed.', 'error');
    })
    .then(function () {
      busy = false;
      button.disabled = false;
    });
}
