import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { findExecution } from '@trellis/db';
import { WebSocketServer, type WebSocket } from 'ws';
import { InvalidTokenError, verifyToken } from '../auth/jwt';
import type { ApiDeps } from '../deps';
import { streamAllExecutions } from './all-executions-stream';
import { ConnectionLimiter } from './connection-limiter';
import { ExecutionOwners } from './execution-owners';
import { startHeartbeat, watchAlive } from './heartbeat';
import { streamExecution } from './execution-stream';
import { rejectUpgrade } from './reject-upgrade';
import { BEARER_PROTOCOL, upgradeToken } from './upgrade-token';
import { resolveWsSettings } from './ws-settings';
import { parseWsTarget, type WsTarget } from './ws-target';
import { apiMetricsFor } from '../metrics';

export interface AttachedWebSockets {
  /** Terminates every socket and stops the heartbeat; call before closing the HTTP server. */
  close(): Promise<void>;
}

/** A request that passed the upgrade checks, ready to become a socket. */
interface AcceptedUpgrade {
  userId: string;
  target: WsTarget;
  afterSeq: number;
}

/**
 * Serves `/ws` and `/ws/:execution_id` (also under `/api/v1`) on the HTTP server. Every check happens
 * at the upgrade, before a socket exists: 401 without a valid token, 404 for an unknown path or an
 * execution that is not the user's, 400 for a bad `since`, 429 over the per-user connection cap.
 */
export function attachWebSockets(server: Server, deps: ApiDeps): AttachedWebSockets {
  const settings = resolveWsSettings(deps.settings.ws);
  const limiter = new ConnectionLimiter(settings.maxConnectionsPerUser);
  const owners = new ExecutionOwners(deps.database.db);
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: settings.maxPayloadBytes,
    handleProtocols: (offered) => (offered.has(BEARER_PROTOCOL) ? BEARER_PROTOCOL : false),
  });
  const stopHeartbeat = startHeartbeat(wss.clients, settings.heartbeatMs);
  const metrics = apiMetricsFor(deps);

  const accept = (req: IncomingMessage, socket: Duplex, head: Buffer, upgrade: AcceptedUpgrade): void => {
    wss.handleUpgrade(req, socket, head, (ws: WebSocket) => {
      watchAlive(ws);
      metrics.wsConnections.inc();
      ws.once('close', () => metrics.wsConnections.dec());
      // Client frames carry nothing we act on; errors (e.g. 1009 for an oversized frame) just close the socket.
      ws.on('error', (error) => deps.log.debug({ err: error, userId: upgrade.userId }, 'websocket error'));
      const common = { maxBufferedBytes: settings.maxBufferedBytes, connection: socket };
      if (upgrade.target.kind === 'all') {
        streamAllExecutions(ws, deps, { ...common, userId: upgrade.userId, owners });
      } else {
        streamExecution(ws, deps, { ...common, executionId: upgrade.target.executionId, afterSeq: upgrade.afterSeq });
      }
    });
  };

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    socket.on('error', () => socket.destroy());
    void checkUpgrade(req, socket)
      .then((upgrade) => upgrade && accept(req, socket, head, upgrade))
      .catch((error: unknown) => {
        deps.log.error({ err: error }, 'websocket upgrade failed');
        rejectUpgrade(socket, 503, 'SERVICE_UNAVAILABLE', 'a backing service is unreachable');
      });
  };

  /** Runs the upgrade checks; answers the request and returns undefined when one fails. */
  const checkUpgrade = async (req: IncomingMessage, socket: Duplex): Promise<AcceptedUpgrade | undefined> => {
    const reject = (status: number, code: string, message: string): undefined => {
      rejectUpgrade(socket, status, code, message);
      return undefined;
    };
    const url = new URL(req.url ?? '/', 'http://localhost');
    const target = parseWsTarget(url.pathname);
    if (!target) return reject(404, 'NOT_FOUND', `no WebSocket endpoint at ${url.pathname}`);
    const token = upgradeToken(req, url);
    if (!token) return reject(401, 'UNAUTHORIZED', 'missing bearer token');
    let userId: string;
    try {
      userId = verifyToken(token, deps.jwt);
    } catch (error) {
      if (!(error instanceof InvalidTokenError)) throw error;
      return reject(401, 'UNAUTHORIZED', `invalid token: ${error.message}`);
    }
    const since = url.searchParams.get('since');
    if (since !== null && !/^\d{1,9}$/.test(since)) {
      return reject(400, 'BAD_REQUEST', 'since must be a non-negative integer event seq');
    }
    if (target.kind === 'execution' && !(await findExecution(deps.database.db, target.executionId, userId))) {
      return reject(404, 'NOT_FOUND', `execution ${target.executionId} not found`);
    }
    if (socket.destroyed) return undefined;
    if (!limiter.tryAcquire(userId)) {
      return reject(429, 'TOO_MANY_CONNECTIONS', `at most ${settings.maxConnectionsPerUser} WebSocket connections per user`);
    }
    // The slot belongs to the TCP connection: released however that ends, upgraded or not.
    socket.once('close', () => limiter.release(userId));
    return { userId, target, afterSeq: since === null ? 0 : Number(since) };
  };

  server.on('upgrade', onUpgrade);
  return {
    close: async () => {
      server.off('upgrade', onUpgrade);
      stopHeartbeat();
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
