import { WebSocket } from 'ws';

/** Sends a JSON message if the socket is open; drops a client that has stopped reading (too much unsent data). */
export function sendJson(socket: WebSocket, message: unknown, maxBufferedBytes: number): void {
  if (socket.readyState !== WebSocket.OPEN) return;
  if (socket.bufferedAmount > maxBufferedBytes) {
    socket.terminate();
    return;
  }
  socket.send(JSON.stringify(message));
}
