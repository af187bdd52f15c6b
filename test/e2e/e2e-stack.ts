import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { attachWebSockets } from '../../apps/api/src/ws/websocket-server';
import { startTestStack, type TestStack } from '../stack';

/** The real stack (Temporal, Postgres/PGlite, worker with the loopback LLM server, API) listening on a free port. */
export interface E2eStack extends TestStack {
  baseUrl: string;
  server: Server;
}

export async function startE2eStack(): Promise<E2eStack> {
  const stack = await startTestStack({ wireLlm: true });
  const server = createServer(stack.app);
  const sockets = attachWebSockets(server, stack.deps);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    ...stack,
    server,
    baseUrl: `http://127.0.0.1:${port}`,
    close: async () => {
      await sockets.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await stack.close();
    },
  };
}
