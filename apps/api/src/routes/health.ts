import { Router } from 'express';
import type { ApiDeps } from '../deps';

const READY_TIMEOUT_MS = 2_000;

/** /healthz (the process answers) and /readyz (Temporal and Postgres answer within 2 s). */
export function healthRouter(deps: ApiDeps): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const [postgres, temporal] = await Promise.all([
      probe(() => deps.database.ping()),
      probe(() => deps.temporal.connection.workflowService.getSystemInfo({})),
    ]);
    const ready = postgres && temporal;
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', checks: { postgres, temporal } });
  });
  return router;
}

async function probe(check: () => Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), READY_TIMEOUT_MS))),
    ]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
