import { dirname } from 'node:path';
import express, { Router } from 'express';
import { asyncApiDocument } from './asyncapi';
import { z } from 'zod';
import { apiRoute, type ApiRoute } from '../routing/api-route';
import { json } from './operation-kit';

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

const CSP =
  "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'";

const tags = ['platform'];
const AnyDocument = z.record(z.string(), z.unknown());

/** /api/v1/openapi.json, /api/v1/asyncapi.json and /docs: the interactive reference (Swagger UI). */
export function docsRoutes(openApiDocument: () => Record<string, unknown>): ApiRoute[] {
  let asyncApi: Record<string, unknown> | undefined;
  return [
    apiRoute({
      method: 'get',
      path: '/api/v1/openapi.json',
      operationId: 'getOpenApiDocument',
      tags,
      public: true,
      summary: 'This document (OpenAPI 3.1)',
      ok: { 200: json(AnyDocument, 'the document') },
      handler: ({ res }) => {
        res.json(openApiDocument());
      },
    }),
    apiRoute({
      method: 'get',
      path: '/api/v1/asyncapi.json',
      operationId: 'getAsyncApiDocument',
      tags,
      public: true,
      summary: 'The WebSocket channels and their messages (AsyncAPI 3)',
      ok: { 200: json(AnyDocument, 'the document') },
      handler: ({ res }) => {
        res.json((asyncApi ??= asyncApiDocument()));
      },
    }),
    apiRoute({
      method: 'get',
      path: '/docs',
      operationId: 'getDocs',
      tags,
      public: true,
      summary: 'This reference, interactive (Swagger UI): paste a bearer token under Authorize and try any call',
      ok: { 200: { description: 'the page', content: { 'text/html': { schema: z.string() } } } },
      handler: ({ res }) => {
        res.set('Content-Security-Policy', CSP).type('html').send(PAGE);
      },
    }),
  ];
}

/** The reference page's static files: middleware, not API operations, so they stay out of the route table. */
export function docsAssetsRouter(): Router {
  const router = Router();
  router.use('/docs/reference.js', (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    res.type('js').send(INIT_SCRIPT);
  });
  router.use('/docs/assets', express.static(SWAGGER_UI_DIR, { index: false, maxAge: '1d' }));
  return router;
}
