import { randomUUID } from 'node:crypto';
import express, { type Express } from 'express';
import { requireUser } from './auth/require-user';
import { consoleRouter } from './console/console-static';
import { errorHandler, unknownRoute } from './error-handler';
import { httpMethodSemantics } from './http-methods';
import { limitJsonDepth } from './json-depth';
import { limitRequestRates } from './limits/request-rates';
import { answerLinksRouter } from './routes/answer-links';
import { executeCompatRouter } from './routes/execute-compat';
import { executionEventsRouter } from './routes/execution-events';
import { executionHistoryRouter } from './routes/execution-history';
import { executionStatusPutRouter } from './routes/execution-status-put';
import { executionsRouter } from './routes/executions';
import { healthRouter } from './routes/health';
import { humanAnswersRouter, humanWaitsRouter } from './routes/human-waits';
import { rerunsRouter } from './routes/reruns';
import { bulkRouter, bulkStartRouter } from './routes/bulk';
import { workflowHistoryRouter } from './routes/workflow-history';
import { workflowTestSessionsRouter } from './routes/workflow-test-sessions';
import { workflowsRouter } from './routes/workflows';
import { apiMetricsFor, metricsRouter } from './metrics';
import { docsRouter } from './openapi/docs-router';
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
  app.use((req, res, next) => {
    req.id = req.get('X-Request-Id')?.slice(0, 100) || randomUUID();
    res.set('X-Request-Id', req.id);
    next();
  });
  const { httpDuration } = apiMetricsFor(deps);
  app.use(requestLog(deps.log, (route, method, status, seconds) => httpDuration.observe({ route, method, status: String(status) }, seconds)));
  app.use(httpMethodSemantics(app));
  app.use(healthRouter(deps));
  app.use(docsRouter({ metricsOnApiPort: Boolean(deps.settings.metrics?.token) }));
  app.use(metricsRouter(deps));
  app.use(express.json({ limit: deps.settings.bodyLimit, strict: false }));
  app.use(limitJsonDepth());
  app.use(refuseUnstorableText());

  // Answer links need no JWT: the single-use token is the credential.
  app.use('/api/v1/answers', answerLinksRouter(deps));
  const api = express.Router();
  api.use(requireUser(deps.jwt));
  api.use(limitRequestRates(deps));
  api.use('/workflows/:id/history', workflowHistoryRouter(deps));
  api.use('/workflows', workflowsRouter(deps));
  api.use('/executions', executionsRouter(deps));
  api.use('/executions', executionHistoryRouter(deps));
  api.use('/executions', executionEventsRouter(deps));
  api.use('/executions', executionStatusPutRouter(deps));
  api.use('/executions', humanAnswersRouter(deps));
  api.use('/executions', rerunsRouter(deps));
  api.use('/executions', bulkStartRouter(deps));
  api.use('/bulk', bulkRouter(deps));
  api.use('/waits', humanWaitsRouter(deps));
  api.use('/execute', executeCompatRouter(deps));
  api.use('/workflow-test/sessions', workflowTestSessionsRouter(deps));
  app.use('/api/v1', api);
  app.use(consoleRouter());

  app.use(unknownRoute);
  app.use(errorHandler(deps.log));
  return app;
}
