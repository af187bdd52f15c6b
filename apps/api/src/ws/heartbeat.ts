import type { WebSocket } from 'ws';

const alive = new WeakMap<WebSocket, boolean>();

/** Marks the socket alive now and again whenever it answers a ping. */
export function watchAlive(socket: WebSocket): void {
  alive.set(socket, true);
  socket.on('pong', () => alive.set(socket, true));
}

/**
 * Every `intervalMs`, terminates the sockets that did not answer the previous ping and pings the rest
 * (the ws `isAlive` pattern). Returns the function that stops it.
 */
export function startHeartbeat(sockets: Iterable<WebSocket>, intervalMs: number): () => void {
  const timer = setInterval(() => {
    for (const socket of sockets) {
      if (alive.get(socket) === false) {
        socket.terminate();
        continue;
      }
      alive.set(socket, false);
      socket.ping();
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
