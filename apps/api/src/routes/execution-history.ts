import { Router } from 'express';
import { z } from 'zod';
import { findExecution } from '@trellis/db';
import { notFound } from '../errors';
import type { ApiDeps } from '../deps';
import { buildExecutionTimeline } from '../services/execution-timeline';
import { parseQuery } from '../validation';

export const HistoryQuery = z.object({
  source: z.enum(['platform', 'temporal']).optional(),
});

/** GET /executions/:id/history: the run's timeline from our events and Temporal's history. */
export function executionHistoryRouter(deps: ApiDeps): Router {
  const router = Router();

  router.get('/:id/history', async (req, res) => {
    const query = parseQuery(HistoryQuery, req.query);
    const execution = await findExecution(deps.database.db, req.params.id, req.userId);
    if (!execution) throw notFound('execution', req.params.id);
    res.json({ items: await buildExecutionTimeline(deps, execution, query.source) });
  });

  return router;
}
