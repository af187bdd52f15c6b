import { createHash } from 'node:crypto';
import { Router } from 'express';
import { z } from 'zod';
import { listHumanWaitPage, type HumanWaitPosition } from '@trellis/db';
import { answerWait } from '../services/human-answers';
import { createAnswerLink } from '../services/answer-links';
import type { ApiDeps } from '../deps';
import { invalidCursor } from '../paging/page-cursor';
import { parseBody, parseQuery } from '../validation';

/** `{answer}`: any JSON value (null included) that matches the node's form. */
export const AnswerBody = z.object({ answer: z.unknown().refine((value) => value !== undefined, 'answer is required') }).strict();

export const ListWaitsQuery = z.object({
  status: z.enum(['open', 'answered', 'expired', 'cancelled']).optional(),
  size: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(500).optional().describe("the previous page's next_cursor, unchanged"),
});

/** POST /executions/:id/nodes/:node_id/answer and …/answer-links: answering a waiting human node. */
export function humanAnswersRouter(deps: ApiDeps): Router {
  const router = Router();
  router.post('/:id/nodes/:nodeId/answer', async (req, res) => {
    const body = parseBody(AnswerBody, req.body);
    res.json(await answerWait(deps, req.userId, req.params.id, req.params.nodeId, body.answer));
  });
  router.post('/:id/nodes/:nodeId/answer-links', async (req, res) => {
    res.status(201).json(await createAnswerLink(deps, req.userId, req.params.id, req.params.nodeId));
  });
  return router;
}

/** GET /waits: the caller's waits across runs (as owner or assignee), newest first, cursor-paged. */
export function humanWaitsRouter(deps: ApiDeps): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const query = parseQuery(ListWaitsQuery, req.query);
    const scope = digest(JSON.stringify([req.userId, query.status ?? null]));
    const after = query.cursor === undefined ? undefined : decodeWaitCursor(query.cursor, scope);
    const page = await listHumanWaitPage(deps.database.db, { userId: req.userId, status: query.status, after, limit: query.size });
    const last = page.items.at(-1);
    res.json({
      items: page.items.map((w) => ({
        execution_id: w.executionId,
        workflow_id: w.workflowId,
        node_id: w.nodeId,
        prompt: w.prompt,
        form: w.form,
        assignees: w.assignees,
        created_at: w.createdAt.toISOString(),
        expires_at: w.expiresAt.toISOString(),
        status: w.view,
        answered_by: w.answeredBy,
        answered_at: w.answeredAt?.toISOString() ?? null,
      })),
      has_more: page.hasMore,
      next_cursor: page.hasMore && last ? encodeWaitCursor({ createdAt: last.createdAt, executionId: last.executionId, nodeId: last.nodeId }, scope) : null,
    });
  });
  return router;
}

const digest = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 12);

/** Opaque, checksummed and tied to the user and filter, like the executions list's cursors. */
function encodeWaitCursor(position: HumanWaitPosition, scope: string): string {
  const body = JSON.stringify([position.createdAt.toISOString(), position.executionId, position.nodeId, scope]);
  return `${Buffer.from(body).toString('base64url')}.${digest(body).slice(0, 8)}`;
}

function decodeWaitCursor(cursor: string, scope: string): HumanWaitPosition {
  const [encoded = '', checksum] = cursor.split('.');
  const body = Buffer.from(encoded, 'base64url').toString('utf8');
  if (digest(body).slice(0, 8) !== checksum) throw invalidCursor('cursor is malformed or was altered', 'malformed');
  const fields = JSON.parse(body) as [string, string, string, string];
  if (fields[3] !== scope) throw invalidCursor('cursor belongs to another query: pass the same filters as the request that returned it', 'foreign');
  return { createdAt: new Date(fields[0]), executionId: fields[1], nodeId: fields[2] };
}
