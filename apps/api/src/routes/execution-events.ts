import type { Request, Response } from 'express';
import { z } from 'zod';
import { isTerminal } from '@trellis/definition';
import { badRequest } from '../errors';
import { eventMessageJson } from '../events/event-dto';
import { isTerminalEvent } from '../events/execution-feed';
import { toTokenMessage } from '../events/token-message';
import type { ApiDeps } from '../deps';
import { EventStream } from '../openapi/server-sent-event';
import { apiRoute, type ApiRoute } from '../routing/api-route';
import { ownedExecution } from '../services/owned-execution';

const DEFAULT_KEEPALIVE_MS = 15_000;

export const EventStreamQuery = z.object({
  since: z.coerce.number().int().min(0).optional().describe('resume after this seq (as the Last-Event-ID header does; the header wins)'),
});

/** The Last-Event-ID header: a seq, or blank for none. */
export const LastEventIdHeader = z
  .string()
  .regex(/^\s*(\d{1,15})?\s*$/)
  .describe('the seq of the last event already seen (what EventSource sends on reconnect): the stream resumes after it');

/** The seq a stream resumes after: the Last-Event-ID header (what EventSource sends on reconnect), else `since`, else 0. */
export function resumeSeqOf(req: Request, since?: number): number {
  const header = req.get('Last-Event-ID');
  if (header === undefined) return since ?? 0;
  if (!LastEventIdHeader.safeParse(header).success) throw badRequest('Last-Event-ID must be the seq of an event (a whole number)');
  return header.trim() === '' ? (since ?? 0) : Number(header.trim());
}

/** GET /api/v1/executions/{id}/events: the run's events as Server-Sent Events, resumable with Last-Event-ID. */
export const executionEventRoutes: ApiRoute[] = [
  apiRoute({
    method: 'get',
    path: '/api/v1/executions/{id}/events',
    operationId: 'streamExecutionEvents',
    tags: ['executions'],
    summary: "Follow the execution's events as Server-Sent Events",
    description:
      'Replays the stored events after Last-Event-ID (or ?since=), then follows live until the terminal event; ends at once for a finished run with nothing left to send.',
    query: EventStreamQuery,
    headers: z.object({ 'Last-Event-ID': LastEventIdHeader.optional() }),
    errors: [404],
    ok: { 200: { description: 'the event stream', content: { 'text/event-stream': EventStream } } },
    handler: async ({ deps, params, query, userId, req, res }) => {
      const afterSeq = resumeSeqOf(req, query.since);
      const row = await ownedExecution(deps.database.db, params.id, userId);
      // No client has seen past the row's last seq; a run that ended before that seq has nothing left to send.
      const resumeAfter = Math.min(afterSeq, row.lastSeq);
      if (isTerminal(row.status) && resumeAfter >= row.lastSeq) return void openStream(res, row.id).end();
      streamEvents(deps, res, row.id, resumeAfter);
    },
  }),
];

/**
 * Server-Sent Events of the execution's events after `afterSeq` until its terminal event, with live `node.token`
 * deltas in between; those carry no `id:`, so Last-Event-ID always names a stored event's seq. A comment line goes
 * out when the stream is idle for the keep-alive interval. When the client reads slower than events come, the
 * stream stops following until the socket drains and then resumes from the last seq it wrote (tokens meanwhile
 * are dropped: they are ephemeral), so a slow reader costs no memory.
 */
export function streamEvents(deps: ApiDeps, res: Response, executionId: string, afterSeq = 0): void {
  openStream(res, executionId);
  let lastSeq = afterSeq;
  let finished = false;
  let stopFollowing: (() => void) | undefined;
  let wroteAt = Date.now();
  const write = (text: string): boolean => {
    wroteAt = Date.now();
    return res.write(text);
  };
  const keepAliveMs = deps.settings.sseKeepAliveMs ?? DEFAULT_KEEPALIVE_MS;
  const keepAlive = setInterval(
    () => {
      if (Date.now() - wroteAt >= keepAliveMs - 50 && !res.writableNeedDrain) write(': keep-alive\n\n');
    },
    Math.max(50, Math.floor(keepAliveMs / 3)),
  );
  const stopTokens = deps.hub.onTokens(executionId, (delta) => {
    if (!res.writableNeedDrain) write(`event: node.token\ndata: ${JSON.stringify(toTokenMessage(delta))}\n\n`);
  });
  const finish = () => {
    if (finished) return;
    finished = true;
    clearInterval(keepAlive);
    stopTokens();
    stopFollowing?.();
    res.end();
  };
  const follow = () => {
    stopFollowing = deps.hub.follow({
      executionId,
      afterSeq: lastSeq,
      onEvents: (events) => {
        const drained = write(events.map((e) => `id: ${e.seq}\nevent: ${e.type}\ndata: ${eventMessageJson(e)}\n\n`).join(''));
        lastSeq = events.at(-1)!.seq;
        if (events.some(isTerminalEvent)) return finish();
        if (drained) return;
        stopFollowing?.();
        stopFollowing = undefined;
        res.once('drain', () => {
          if (!finished) follow();
        });
      },
      onEnd: finish,
    });
  };
  follow();
  res.on('close', () => {
    finished = true;
    clearInterval(keepAlive);
    stopTokens();
    stopFollowing?.();
  });
}

function openStream(res: Response, executionId: string): Response {
  res.status(200).set({
    'Content-Type': 'text/event-stream',
    'Cache-Control': 'no-cache',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
    'X-Execution-Id': executionId,
  });
  res.flushHeaders();
  return res;
}
