import type { IncomingMessage } from 'node:http';
import { bearerToken } from '../auth/jwt';

/** The subprotocol a browser offers next to its token (`Sec-WebSocket-Protocol: bearer, <token>`). */
export const BEARER_PROTOCOL = 'bearer';

/**
 * Finds the token of an upgrade request: `Authorization: Bearer <token>`, else the subprotocol pair
 * `bearer, <token>`, else `?token=` (kept for older clients; less safe, as URLs end up in logs).
 */
export function upgradeToken(req: IncomingMessage, url: URL): string | undefined {
  const fromHeader = bearerToken(req.headers.authorization);
  if (fromHeader) return fromHeader;
  const fromProtocol = protocolToken(req.headers['sec-websocket-protocol']);
  if (fromProtocol) return fromProtocol;
  return url.searchParams.get('token') || undefined;
}

function protocolToken(header: string | undefined): string | undefined {
  const offered = (header ?? '').split(',').map((p) => p.trim());
  const index = offered.indexOf(BEARER_PROTOCOL);
  return index >= 0 ? offered[index + 1] || undefined : undefined;
}
