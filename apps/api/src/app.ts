import { randomUUID } from 'node:crypto';
import express, { type Express } from 'express';
import { requireUser } from './auth/require-user';
import { consoleRouter } from './console/console-static';
import { errorHandler, unknownRoute } from './error-handler';
import { httpMethodSemantics } from './http-methods';
import { limitJsonDepth } from './json-depth';
import { limitRequestRates } from './limits/request-rates';
import { apiRouteGroups } from './api-routes';
import { apiMetricsFor } from './metrics';
import { docsAssetsRouter } from './openapi/docs-router';
import { routerOf } from './routing/mount-routes';
import { testSessionErrors } from './routes/workflow-test-sessions';
import { requestLog } from './request-log';
import { refuseUnstorableText } from './storable-text';
import type { ApiDeps } from './deps';

declare module 'express-serve-static-core' {
  interface Request {
    id: string;
  }
}

/** Builds the Express app without listening, so tests drive it with supertest. */
export function createApp(deps: ApiDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  if (deps.settings.trustProxy !== undefined) app.set('trust proxy', deps.settings.trustProxy);
  app.use((req, res, next) => {
    req.id = req.get('X-Request-Id')?.slice(0, 100) || randomUUID();
    res.set('X-Request-Id', req.id);
    next();
  });
  const { httpDuration } = apiMetricsFor(deps);
  app.use(
    requestLog(deps.log, (route, method, status, seconds) => httpDuration.observe({ route, method, status: String(status) }, seconds)),
  );
  app.use(httpMethodSemantics(app));
  const routes = apiRouteGroups({ metricsOnApiPort: Boolean(deps.settings.metrics?.token) });
  app.use(routerOf(deps, routes.platform));
  app.use(docsAssetsRouter());
  app.use(express.json({ limit: deps.settings.bodyLimit, strict: false }));
  app.use(limitJsonDepth());
  app.use(refuseUnstorableText());

  app.use('/api/v1/answers', limitRequestRates(deps, routes.answerLinks));
  app.use(routerOf(deps, routes.answerLinks));
  app.use('/api/v1', requireUser(deps.jwt), limitRequestRates(deps, [...routes.authenticated, ...routes.testSessions]));
  app.use(routerOf(deps, routes.authenticated));
  app.use(routerOf(deps, routes.testSessions).use(testSessionErrors(deps.log)));
  app.use(consoleRouter());

  app.use(unknownRoute);
  app.use(errorHandler(deps.log));
  return app;
}
