import { isStorableText } from '@trellis/definition';

/** What an upgrade asks to follow: every execution of the user, or one execution. */
export type WsTarget = { kind: 'all' } | { kind: 'execution'; executionId: string };

// /ws, /ws/:execution_id, and the same under /api/v1.
const WS_PATH = /^(?:\/api\/v1)?\/ws(?:\/([^/]+))?\/?$/;

/** Reads the target from the upgrade's path; undefined when the path is not a WebSocket endpoint. */
export function parseWsTarget(pathname: string): WsTarget | undefined {
  const match = WS_PATH.exec(pathname);
  if (!match) return undefined;
  if (match[1] === undefined) return { kind: 'all' };
  try {
    const executionId = decodeURIComponent(match[1]);
    // Text Postgres cannot store names no execution (and must not reach a query).
    return isStorableText(executionId) ? { kind: 'execution', executionId } : undefined;
  } catch {
    return undefined;
  }
}
