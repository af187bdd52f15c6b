import { createHash } from 'node:crypto';
import { z } from 'zod';
import { listHumanWaitPage, type HumanWaitPosition } from '@trellis/db';
import { answerWait } from '../services/human-answers';
import { createAnswerLink } from '../services/answer-links';
import { AnswerLink, NodeAnswered, WaitPage } from '../openapi/human-responses';
import { json } from '../openapi/operation-kit';
import { apiRoute, type ApiRoute } from '../routing/api-route';
import { toWaitDto } from '../services/wait-views';
import { invalidCursor } from '../paging/page-cursor';

/** `{answer}`: any JSON value (null included) that matches the node's form. */
export const AnswerBody = z.object({ answer: z.unknown().refine((value) => value !== undefined, 'answer is required') }).strict();

export const ListWaitsQuery = z.object({
  status: z.enum(['open', 'answered', 'expired', 'cancelled']).optional(),
  size: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(500).optional().describe("the previous page's next_cursor, unchanged"),
});

const tags = ['human nodes'];
const NODE = '/api/v1/executions/{id}/nodes/{node_id}';

/** From the caller's waits to answering the newest one (a stateful tester follows them). */
const waitLinks = {
  AnswerNode: {
    operationId: 'answerNode',
    parameters: { id: '$response.body#/items/0/execution_id', node_id: '$response.body#/items/0/node_id' },
  },
  CreateAnswerLink: {
    operationId: 'createAnswerLink',
    parameters: { id: '$response.body#/items/0/execution_id', node_id: '$response.body#/items/0/node_id' },
  },
};

/** Waits of human nodes: the caller's inbox and answering a node (answer links: routes/answer-links.ts). */
export const humanWaitRoutes: ApiRoute[] = [
  apiRoute({
    method: 'get',
    path: '/api/v1/waits',
    operationId: 'listWaits',
    tags,
    summary: "The caller's waits across runs (as owner or assignee), newest first",
    query: ListWaitsQuery,
    ok: { 200: json(WaitPage, 'one page of waits', { links: waitLinks }) },
    handler: async ({ deps, query, userId, res }) => {
      const scope = digest(JSON.stringify([userId, query.status ?? null]));
      const after = query.cursor === undefined ? undefined : decodeWaitCursor(query.cursor, scope);
      const page = await listHumanWaitPage(deps.database.db, { userId, status: query.status, after, limit: query.size });
      const last = page.items.at(-1);
      res.json({
        items: page.items.map(toWaitDto),
        has_more: page.hasMore,
        next_cursor:
          page.hasMore && last
            ? encodeWaitCursor({ createdAt: last.createdAt, executionId: last.executionId, nodeId: last.nodeId }, scope)
            : null,
      });
    },
  }),
  apiRoute({
    method: 'post',
    path: `${NODE}/answer`,
    operationId: 'answerNode',
    tags,
    summary: 'Answer a waiting human node (once; 422 when the answer breaks its form)',
    body: AnswerBody,
    bodyExample: { answer: { approved: true } },
    rateLimit: 'write',
    errors: [404, 409],
    ok: { 200: json(NodeAnswered, 'the answer was recorded') },
    handler: async ({ deps, params, body, userId, res }) => {
      res.json(await answerWait(deps, userId, params.id, params.node_id, body.answer));
    },
  }),
  apiRoute({
    method: 'post',
    path: `${NODE}/answer-links`,
    operationId: 'createAnswerLink',
    tags,
    summary: 'A single-use link to answer the node without a token (the token is shown once)',
    rateLimit: 'write',
    errors: [404, 409],
    ok: {
      201: json(AnswerLink, 'the link', {
        links: {
          ReadAnswerLink: { operationId: 'readAnswerLink', parameters: { token: '$response.body#/token' } },
          AnswerWithLink: { operationId: 'answerWithLink', parameters: { token: '$response.body#/token' } },
        },
      }),
    },
    handler: async ({ deps, params, userId, res }) => {
      res.status(201).json(await createAnswerLink(deps, userId, params.id, params.node_id));
    },
  }),
];

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
  if (fields[3] !== scope)
    throw invalidCursor('cursor belongs to another query: pass the same filters as the request that returned it', 'foreign');
  return { createdAt: new Date(fields[0]), executionId: fields[1], nodeId: fields[2] };
}
