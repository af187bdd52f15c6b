import type { Duplex } from 'node:stream';
import { WebSocket } from 'ws';

/** False (after terminating it) for a client that has stopped reading: too much unsent data; false too when not open. */
function canSend(socket: WebSocket, maxBufferedBytes: number): boolean {
  if (socket.readyState !== WebSocket.OPEN) return false;
  if (socket.bufferedAmount > maxBufferedBytes) {
    socket.terminate();
    return false;
  }
  return true;
}

/** Sends a message as JSON if the socket is open; drops a client that has stopped reading. */
export function sendJson(socket: WebSocket, message: unknown, maxBufferedBytes: number): void {
  if (canSend(socket, maxBufferedBytes)) socket.send(JSON.stringify(message));
}

/**
 * Sends text messages as one write on the socket's connection (corked: one syscall instead of one per
 * message, which is what fan-out to many sockets spends its time on). Drops a client that has stopped reading.
 */
export function sendTexts(socket: WebSocket, connection: Duplex, texts: readonly string[], maxBufferedBytes: number): void {
  if (!canSend(socket, maxBufferedBytes)) return;
  connection.cork();
  try {
    for (const text of texts) socket.send(text);
  } finally {
    connection.uncork();
  }
}
