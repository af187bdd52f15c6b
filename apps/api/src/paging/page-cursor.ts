import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { ExecutionFilters, ExecutionPosition } from '@trellis/db';
import { AppError } from '../errors';

/** Thrown when a `cursor` was not issued by this API, was altered, or belongs to other filters or another user. */
export const invalidCursor = (message: string, reason: 'malformed' | 'foreign') => new AppError(400, 'INVALID_CURSOR', message, { reason });

/** The `cursor` query parameter: a previous page's `next_cursor`, passed back unchanged. */
export const CursorParam = z
  .string()
  .min(1)
  .max(1000)
  .describe("the previous page's next_cursor, unchanged; continues that same query (same filters) after its last item");

/** An optional page number for OFFSET paging, where a route offers it beside the cursor. */
export const PageNumberParam = z.coerce
  .number()
  .int()
  .min(1)
  .max(1_000_000)
  .optional()
  .describe('page number from 1 (default 1); OFFSET-based, slower the deeper it goes: prefer cursor; ignored when a cursor is given');

const VERSION = 1;
/** ISO 8601, UTC, microseconds: what Postgres stores; year 0000 does not exist there. */
const EXACT_TIMESTAMP = /^(?!0000)\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

const digest = (text: string, length: number) => createHash('sha256').update(text).digest('base64url').slice(0, length);

/** Identifies the query a cursor continues: the user and every filter, normalised. */
function scopeOf(filters: ExecutionFilters): string {
  return digest(
    JSON.stringify([
      filters.ownerId,
      filters.workflowId ?? null,
      [...new Set(filters.statuses ?? [])].sort(),
      filters.createdAfter?.toISOString() ?? null,
      filters.createdBefore?.toISOString() ?? null,
      filters.includeTest ?? false,
      ...(filters.rerunOf ? [filters.rerunOf] : []),
    ]),
    12,
  );
}

/**
 * An opaque cursor for the page after `position` of the query given by `filters`: base64url JSON plus a
 * checksum, so a truncated or edited cursor is refused rather than silently starting somewhere else.
 * Not a secret: a cursor only says where to continue; the owner filter still applies to every read.
 */
export function encodeCursor(position: ExecutionPosition, filters: ExecutionFilters): string {
  const body = JSON.stringify([VERSION, position.createdAt, position.id, scopeOf(filters)]);
  return `${Buffer.from(body).toString('base64url')}.${digest(body, 8)}`;
}

/** The position a cursor encodes; INVALID_CURSOR (400) when it is malformed or was issued for another query. */
export function decodeCursor(cursor: string, filters: ExecutionFilters): ExecutionPosition {
  const [encoded, checksum, extra] = cursor.split('.');
  const body = encoded ? Buffer.from(encoded, 'base64url').toString('utf8') : '';
  if (extra !== undefined || !checksum || digest(body, 8) !== checksum)
    throw invalidCursor('cursor is malformed or was altered', 'malformed');
  const fields = parseBody(body);
  if (!fields) throw invalidCursor('cursor is malformed', 'malformed');
  const [, createdAt, id, scope] = fields;
  if (scope !== scopeOf(filters)) {
    throw invalidCursor('cursor belongs to another query: pass the same filters as the request that returned it', 'foreign');
  }
  return { createdAt, id };
}

function parseBody(body: string): [number, string, string, string] | undefined {
  let fields: unknown;
  try {
    fields = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (!Array.isArray(fields) || fields.length !== 4) return undefined;
  const [version, createdAt, id, scope] = fields as unknown[];
  if (version !== VERSION || typeof id !== 'string' || id.length === 0 || id.length > 200 || typeof scope !== 'string') return undefined;
  if (typeof createdAt !== 'string' || !isExactTimestamp(createdAt)) return undefined;
  return [version, createdAt, id, scope];
}

/** True for an existing calendar instant in the exact format (Date would roll 02-30 over to March). */
function isExactTimestamp(text: string): boolean {
  if (!EXACT_TIMESTAMP.test(text)) return false;
  const date = new Date(text);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 23) === text.slice(0, 23);
}
