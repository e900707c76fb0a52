import { escapeHtml } from '../../outputs/html.js';

/** The web page served at `/`: paste an article, see it unspun. */
export function renderAppPage(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml('unspin')}</title></head><body><h1>unspin</h1><textarea id="input"></textarea><button id="analyze">Analyse</button><pre id="out"></pre><script>document.getElementById('analyze').onclick=async()=>{const r=await fetch('/v1/analyze',{method:'POST',headers:{'content-type':'application/json'},body:JSON.stringify({text:document.getElementById('input').value})});document.getElementById('out').textContent=JSON.stringify(await r.json(),null,2)}</script></body></html>`;
}
