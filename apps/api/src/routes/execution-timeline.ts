import { z } from 'zod';
import { json } from '../openapi/operation-kit';
import { TimelineResponse } from '../openapi/responses';
import { apiRoute, type ApiRoute } from '../routing/api-route';
import { buildExecutionTimeline } from '../services/execution-timeline';
import { ownedExecution } from '../services/owned-execution';

export const HistoryQuery = z.object({
  source: z.enum(['platform', 'temporal']).optional(),
});

/** GET /api/v1/executions/{id}/history: the run's timeline from our events and Temporal's history. */
export const executionTimelineRoutes: ApiRoute[] = [
  apiRoute({
    method: 'get',
    path: '/api/v1/executions/{id}/history',
    operationId: 'getExecutionTimeline',
    tags: ['executions'],
    summary: 'One timeline: platform events merged with the Temporal event history',
    description: 'Reads the Temporal history, so it has a per-user rate limit of its own (429).',
    query: HistoryQuery,
    rateLimit: 'history',
    errors: [404],
    ok: { 200: json(TimelineResponse, 'the timeline in time order') },
    handler: async ({ deps, params, query, userId, res }) => {
      const execution = await ownedExecution(deps.database.db, params.id, userId);
      res.json({ items: await buildExecutionTimeline(deps, execution, query.source) });
    },
  }),
];
