import { Router } from 'express';
import { documentedOperations, openApiDocument } from './document';

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** /api/v1/openapi.json and a readable, self-contained /docs page (no CDN: works offline). */
export function docsRouter(): Router {
  const router = Router();
  const document = openApiDocument();
  const rows = documentedOperations()
    .map((op) => `<tr><td><code>${op.method.toUpperCase()}</code></td><td><code>${escape(op.path)}</code></td><td>${escape(op.summary)}</td></tr>`)
    .join('\n');
  const page = `<!doctype html><html><head><meta charset="utf-8"><title>Trellis API</title>
<style>body{font:15px system-ui,sans-serif;margin:2rem;max-width:72rem}td{padding:.3rem .8rem;border-bottom:1px solid #ddd;vertical-align:top}code{font-size:13px}</style>
</head><body><h1>Trellis API</h1>
<p>Bearer JWT on every <code>/api/v1</code> route. Errors: <code>{"error": {"code", "message", "details"}}</code>.
Machine-readable: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1).</p>
<table>${rows}</table></body></html>`;
  router.get('/api/v1/openapi.json', (_req, res) => {
    res.json(document);
  });
  router.get('/docs', (_req, res) => {
    res.type('html').send(page);
  });
  return router;
}
