import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import { eventMessageJson } from '../events/event-dto';
import { toTokenMessage } from '../events/token-message';
import type { ApiDeps } from '../deps';
import { sendJson, sendTexts } from './send-json';

/**
 * `/ws/:execution_id`: sends every stored event after `afterSeq`, then live ones in seq order, each once,
 * through the terminal event. The socket then stays open but quiet; the client closes it. Live LLM token
 * deltas (`node.token`, no seq) are interleaved as they arrive; they are not replayed.
 */
export function streamExecution(
  socket: WebSocket,
  deps: ApiDeps,
  options: { executionId: string; afterSeq: number; maxBufferedBytes: number; connection: Duplex },
): void {
  const stop = deps.hub.follow({
    executionId: options.executionId,
    afterSeq: options.afterSeq,
    onEvents: (events) => sendTexts(socket, options.connection, events.map(eventMessageJson), options.maxBufferedBytes),
  });
  const stopTokens = deps.hub.onTokens(options.executionId, (delta) => sendJson(socket, toTokenMessage(delta), options.maxBufferedBytes));
  socket.once('close', () => {
    stop();
    stopTokens();
  });
}
