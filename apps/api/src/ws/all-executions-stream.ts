import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import type { EventRange } from '@trellis/db';
import { eventMessageJson } from '../events/event-dto';
import type { SubscribedMessage } from '../events/event-messages';
import type { ApiDeps } from '../deps';
import type { ExecutionOwners } from './execution-owners';
import { sendJson, sendTexts } from './send-json';

/**
 * `/ws`: live events of every execution the user owns, from the moment of the `subscribed` hello.
 * The first notification about an execution starts a follower at the first event that notification
 * announced; the follower then delivers each later event once, in seq order, until the terminal one.
 */
export function streamAllExecutions(
  socket: WebSocket,
  deps: ApiDeps,
  options: { userId: string; owners: ExecutionOwners; maxBufferedBytes: number; connection: Duplex },
): void {
  const send = (message: unknown) => sendJson(socket, message, options.maxBufferedBytes);
  // executionId → its follower's stop function, or a marker while starting / when not the user's.
  const followed = new Map<string, (() => void) | 'starting' | 'ignored'>();
  let closed = false;

  const follow = async ({ executionId, firstSeq }: EventRange): Promise<void> => {
    try {
      if ((await options.owners.ownerOf(executionId)) !== options.userId) {
        followed.set(executionId, 'ignored');
        return;
      }
      if (closed) return;
      followed.set(
        executionId,
        deps.hub.follow({
          executionId,
          afterSeq: firstSeq - 1,
          onEvents: (events) => sendTexts(socket, options.connection, events.map(eventMessageJson), options.maxBufferedBytes),
        }),
      );
    } catch (error) {
      // Postgres hiccup: forget the execution so its next notification tries again.
      followed.delete(executionId);
      deps.log.warn({ err: error, executionId }, 'could not follow execution for /ws');
    }
  };

  const unsubscribe = deps.hub.onAny((range) => {
    if (closed || followed.has(range.executionId)) return;
    followed.set(range.executionId, 'starting');
    void follow(range);
  });
  socket.once('close', () => {
    closed = true;
    unsubscribe();
    for (const entry of followed.values()) if (typeof entry === 'function') entry();
  });
  const hello: SubscribedMessage = { type: 'subscribed', scope: 'all', timestamp: new Date().toISOString() };
  send(hello);
}
