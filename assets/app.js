/*
 * The web page at `/`: paste an article or drop a file, POST it to /v1/analyze, and
 * draw the answer with the shared report renderer (window.Unspin from report.js).
 * No network requests except that same-origin POST.
 */
(function () {
  'use strict';

  var config = JSON.parse(document.getElementById('unspin-config').textContent);
  var form = document.getElementById('u-form');
  var textarea = document.getElementById('u-text');
  var fileInput = document.getElementById('u-file');
  var drop = document.getElementById('u-drop');
  var fileNote = document.getElementById('u-file-note');
  var status = document.getElementById('u-status');
  var button = document.getElementById('u-analyze');
  var result = document.getElementById('u-result');
  var modeHtml = document.getElementById('u-mode-html');
  var modeText = document.getElementById('u-mode-text');
  var busy = false;

  function setStatus(message, kind) {
    status.textContent = message;
    status.className = 'u-status' + (kind ? ' u-status-' + kind : '');
    status.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  }

  function looksLikeHtml(s) {
    return /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(s);
  }

  function loadFile(file) {
    if (!file) return;
    if (file.size > config.maxBytes) {
      setStatus(file.name + ' is ' + Math.round(file.size / 1024) + ' kB; the limit is ' + Math.round(config.maxBytes / 1024) + ' kB.', 'error');
      return;
    }
    file.text().then(function (content) {
      textarea.value = content;
      var html = /\.html?$/i.test(file.name) || file.type === 'text/html' || looksLikeHtml(content);
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
    var files = event.dataTransfer && event.dataTransfer.files;
    loadFile(files && files[0]);
  });
  // A file dropped anywhere else must not navigate away from the page.
  window.addEventListener('dragover', function (event) { event.preventDefault(); });
  window.addEventListener('drop', function (event) { event.preventDefault(); });

  textarea.addEventListener('paste', function () {
    setTimeout(function () {
      if (looksLikeHtml(textarea.value)) modeHtml.checked = true;
    }, 0);
  });
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

  function errorMessage(body, response) {
    var e = body && body.error;
    if (e && typeof e === 'object' && e.message) return e.message + (e.code ? ' (' + e.code + ')' : '');
    if (body && typeof body.message === 'string') return body.message;
    if (typeof e === 'string') return e;
    return 'The server answered ' + response.status + ' ' + response.statusText + '.';
  }

  function analyse() {
    if (busy) return;
    var value = textarea.value;
    if (!value.trim()) {
      setStatus('Paste an article or drop a file first.', 'error');
      textarea.focus();
      return;
    }
    busy = true;
    button.disabled = true;
    setStatus('Analysing\u2026', 'busy');
    var payload = modeHtml.checked ? { html: value } : { text: value };
    fetch(config.endpoint, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(payload) })
      .then(function (response) {
        return response.json().then(
          function (body) { return { response: response, body: body }; },
          function () { return { response: response, body: null }; });
      })
      .then(function (answer) {
        var body = answer.body;
        if (!answer.response.ok) throw new Error(errorMessage(body, answer.response));
        var analysis = body && body.analysis ? body.analysis : body;
        if (!analysis || typeof analysis.text !== 'string') throw new Error('The server answered without an analysis.');
        window.unspinReport = window.Unspin.render(result, analysis, config.labels);
        result.hidden = false;
        var n = analysis.findings ? analysis.findings.length : 0;
        var quotes = (analysis.quotes || []).filter(function (q) { return q.kind !== 'scare'; }).length;
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
})();
