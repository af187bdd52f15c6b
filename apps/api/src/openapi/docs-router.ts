import { dirname } from 'node:path';
import express, { Router } from 'express';
import { asyncApiDocument } from './asyncapi';
import { openApiDocument, type DocumentOptions } from './document';

/** swagger-ui-dist's files, served from the installed package (no CDN: works offline). */
const SWAGGER_UI_DIR = dirname(require.resolve('swagger-ui-dist/absolute-path.js'));

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Trellis API reference</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/docs/assets/swagger-ui.css">
</head><body><div id="reference"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/reference.js"></script>
</body></html>`;

// "Authorize" takes a bearer token (npm run token, or the one npm start prints); "Try it out" calls this API with it.
const INIT_SCRIPT = `window.ui = SwaggerUIBundle({
  url: '/api/v1/openapi.json',
  dom_id: '#reference',
  deepLinking: true,
  persistAuthorization: true,
  tryItOutEnabled: true,
  displayRequestDuration: true,
  filter: true,
  presets: [SwaggerUIBundle.presets.apis],
  layout: 'BaseLayout',
});`;

const CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'";

/** /api/v1/openapi.json, /api/v1/asyncapi.json and /docs: the interactive reference (Swagger UI). */
export function docsRouter(options: DocumentOptions): Router {
  const router = Router();
  const openApi = openApiDocument(options);
  const asyncApi = asyncApiDocument();
  router.get('/api/v1/openapi.json', (_req, res) => {
    res.json(openApi);
  });
  router.get('/api/v1/asyncapi.json', (_req, res) => {
    res.json(asyncApi);
  });
  router.get('/docs', (_req, res) => {
    res.set('Content-Security-Policy', CSP).type('html').send(PAGE);
  });
  // Static files of the page, not API operations: served by middleware, so they stay out of the route table.
  router.use('/docs/reference.js', (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    res.type('js').send(INIT_SCRIPT);
  });
  router.use('/docs/assets', express.static(SWAGGER_UI_DIR, { index: false, maxAge: '1d' }));
  return router;
}
