import { json } from '../openapi/operation-kit';
import { Health, Readiness } from '../openapi/responses';
import { apiRoute, type ApiRoute } from '../routing/api-route';

const READY_TIMEOUT_MS = 2_000;

const tags = ['platform'];

/** /healthz (the process answers) and /readyz (Temporal and Postgres answer within 2 s). */
export const healthRoutes: ApiRoute[] = [
  apiRoute({
    method: 'get',
    path: '/healthz',
    operationId: 'getHealth',
    tags,
    public: true,
    summary: 'The process answers',
    ok: { 200: json(Health, 'alive') },
    handler: ({ res }) => {
      res.json({ status: 'ok' });
    },
  }),
  apiRoute({
    method: 'get',
    path: '/readyz',
    operationId: 'getReadiness',
    tags,
    public: true,
    summary: 'Temporal and Postgres answer within 2 s',
    ok: { 200: json(Readiness, 'ready'), 503: json(Readiness, 'a backing service does not answer') },
    handler: async ({ deps, res }) => {
      const [postgres, temporal] = await Promise.all([
        probe(() => deps.database.ping()),
        probe(() => deps.temporal.connection.workflowService.getSystemInfo({})),
      ]);
      const ready = postgres && temporal;
      res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', checks: { postgres, temporal } });
    },
  }),
];

async function probe(check: () => Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([check(), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), READY_TIMEOUT_MS)))]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
