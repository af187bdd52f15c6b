import { existsSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import express, { Router, type Response } from 'express';

/** Paths the console never answers: the API, WebSockets, docs, metrics and health checks keep their own 404s. */
const RESERVED = /^\/(?:api|ws|docs|metrics|healthz|readyz)(?:\/|$)/;

/**
 * Where `vite build` puts the console: apps/console/dist, found from the sources (apps/api/src/console) or from
 * the compiled API (dist/bin), whichever exists.
 */
export function findConsoleDir(): string {
  const candidates = [
    resolve(__dirname, '../../../console/dist'),
    resolve(__dirname, '../../apps/console/dist'),
    resolve('apps/console/dist'),
  ];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? candidates[0]!;
}

// The console talks only to this origin; React Flow and CodeMirror set inline styles.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self' ws: wss:",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/**
 * Serves the operator console at `/`: hashed assets with a year-long immutable cache, and index.html (never cached)
 * for every other page GET so client-side routes load. Without a build, pages answer 503 with how to build it;
 * the API keeps working either way.
 */
export function consoleRouter(dir: string = findConsoleDir()): Router {
  const router = Router();
  const indexFile = join(dir, 'index.html');

  router.use(
    '/assets',
    express.static(join(dir, 'assets'), {
      index: false,
      fallthrough: true,
      setHeaders: (res) => res.setHeader('Cache-Control', 'public, max-age=31536000, immutable'),
    }),
  );

  router.get(/.*/, (req, res, next) => {
    if (RESERVED.test(req.path) || req.path.startsWith('/assets/')) return next();
    // A missing file (favicon.png, robots.txt…) is a 404, not the app.
    if (extname(req.path) && req.path !== '/index.html') return next();
    if (!existsSync(indexFile)) return notBuilt(res);
    res.set({
      'Cache-Control': 'no-store',
      'Content-Security-Policy': CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    });
    res.sendFile(indexFile);
  });

  return router;
}

function notBuilt(res: Response): void {
  res
    .status(503)
    .set('Cache-Control', 'no-store')
    .type('text/plain')
    .send(
      'CONSOLE_NOT_BUILT: the Trellis console has not been built (apps/console/dist is missing).\n' +
        'Run `npm run build:console` (`npm start` builds it for you). The API is up at /api/v1 and documented at /docs.\n',
    );
}
