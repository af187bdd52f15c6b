import { docsRoutes } from './openapi/docs-router';
import { buildOpenApiDocument, type DocumentOptions } from './openapi/document';
import type { ApiRoute } from './routing/api-route';
import { answerLinkRoutes } from './routes/answer-links';
import { bulkRoutes } from './routes/bulk';
import { executeCompatRoutes } from './routes/execute-compat';
import { executionEventRoutes } from './routes/execution-events';
import { executionTimelineRoutes } from './routes/execution-timeline';
import { executionStatusPutRoutes } from './routes/execution-status-put';
import { executionRoutes } from './routes/executions';
import { healthRoutes } from './routes/health';
import { humanWaitRoutes } from './routes/human-waits';
import { metricsRoutes } from './routes/metrics';
import { rerunRoutes } from './routes/reruns';
import { runHistoryRoutes } from './routes/run-history';
import { testSessionRoutes } from './routes/workflow-test-sessions';
import { workflowRoutes } from './routes/workflows';

/** Every route the app serves, by where app.ts mounts them (each group behind its own middleware). */
export interface ApiRouteGroups {
  /** Before body parsing and without a token: health, the reference, metrics. */
  platform: ApiRoute[];
  /** Without a JWT: the single-use link token is the credential. */
  answerLinks: ApiRoute[];
  /** Behind the bearer JWT and the per-user rate limits. */
  authenticated: ApiRoute[];
  /** Behind the JWT too, answering their 4xx in the test-session API's own shape. */
  testSessions: ApiRoute[];
}

/** The app's routes; /metrics is among them only when it is served on the API port. */
export function apiRouteGroups(options: DocumentOptions): ApiRouteGroups {
  return {
    platform: [...healthRoutes, ...docsRoutes(() => openApiDocument(options)), ...(options.metricsOnApiPort ? metricsRoutes : [])],
    answerLinks: answerLinkRoutes,
    authenticated: [
      ...workflowRoutes,
      ...runHistoryRoutes,
      ...executionRoutes,
      ...executionStatusPutRoutes,
      ...executionTimelineRoutes,
      ...executionEventRoutes,
      ...humanWaitRoutes,
      ...rerunRoutes,
      ...bulkRoutes,
      ...executeCompatRoutes,
    ],
    testSessions: testSessionRoutes,
  };
}

const documents = new Map<boolean, Record<string, unknown>>();

/** The OpenAPI 3.1 document of every route the app serves (built once per option set). */
export function openApiDocument(options: DocumentOptions): Record<string, unknown> {
  let document = documents.get(options.metricsOnApiPort);
  if (!document) {
    const groups = apiRouteGroups(options);
    document = buildOpenApiDocument([...groups.authenticated, ...groups.answerLinks, ...groups.testSessions, ...groups.platform], options);
    documents.set(options.metricsOnApiPort, document);
  }
  return document;
}

/** Every documented operation's method, path and summary. */
export function documentedOperations(options: DocumentOptions): Array<{ method: string; path: string; summary: string }> {
  const paths = openApiDocument(options).paths as Record<string, Record<string, { summary: string }>>;
  return Object.entries(paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ method, path, summary: op.summary })),
  );
}
