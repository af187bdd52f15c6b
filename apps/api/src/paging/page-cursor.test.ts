import { createHash } from 'node:crypto';
import type { ExecutionFilters } from '@trellis/db';
import { AppError } from '../errors';
import { decodeCursor, encodeCursor } from './page-cursor';

const filters: ExecutionFilters = { ownerId: 'ann', workflowId: 'wf_1', statuses: ['failed', 'completed'] };
const position = { createdAt: '2026-03-01T10:00:00.000123Z', id: 'exec-42' };

function refusal(cursor: string, scope: ExecutionFilters = filters): { code: string; details: unknown } {
  try {
    decodeCursor(cursor, scope);
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, details: error.details };
    throw error;
  }
  throw new Error('cursor was accepted');
}

/** A cursor whose body is `body` with a valid checksum (what someone re-signing an edited cursor would send). */
function forged(body: unknown): string {
  const json = JSON.stringify(body);
  return `${Buffer.from(json).toString('base64url')}.${createHash('sha256').update(json).digest('base64url').slice(0, 8)}`;
}

describe('page cursor', () => {
  it('round-trips the exact position, microseconds included', () => {
    const cursor = encodeCursor(position, filters);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{8}$/);
    expect(decodeCursor(cursor, filters)).toEqual(position);
  });

  it('accepts the same filters given in another order or with defaults spelled out', () => {
    const cursor = encodeCursor(position, filters);
    expect(decodeCursor(cursor, { ...filters, statuses: ['completed', 'failed'], includeTest: false })).toEqual(position);
  });

  it('refuses a cursor issued for another user or other filters as foreign', () => {
    const cursor = encodeCursor(position, filters);
    for (const other of [
      { ...filters, ownerId: 'bob' },
      { ...filters, workflowId: 'wf_2' },
      { ...filters, statuses: undefined },
      { ...filters, includeTest: true },
      { ...filters, createdAfter: new Date('2026-01-01T00:00:00Z') },
    ]) {
      expect(refusal(cursor, other)).toEqual({ code: 'INVALID_CURSOR', details: { reason: 'foreign' } });
    }
  });

  it('refuses truncated, altered and made-up cursors as malformed', () => {
    const cursor = encodeCursor(position, filters);
    const [body, checksum] = cursor.split('.') as [string, string];
    const flipped = `${body.slice(0, 5)}${body[5] === 'x' ? 'y' : 'x'}${body.slice(6)}.${checksum}`;
    for (const bad of ['', 'garbage', body, `${body}.`, cursor.slice(0, -1), flipped, `${cursor}.more`, '.AAAAAAAA']) {
      expect([bad, refusal(bad)]).toEqual([bad, { code: 'INVALID_CURSOR', details: { reason: 'malformed' } }]);
    }
  });

  it('refuses a re-checksummed body that is not a position Postgres can compare', () => {
    const scope = JSON.parse(Buffer.from(encodeCursor(position, filters).split('.')[0]!, 'base64url').toString())[3];
    for (const body of [
      [2, position.createdAt, position.id, scope],
      [1, '2026-02-30T00:00:00.000000Z', position.id, scope],
      [1, '0000-01-01T00:00:00.000000Z', position.id, scope],
      [1, '2026-03-01T10:00:00.123Z', position.id, scope],
      [1, '2026-03-01 10:00:00.000123+00', position.id, scope],
      [1, position.createdAt, '', scope],
      [1, position.createdAt, 42, scope],
      [1, position.createdAt, position.id],
      { createdAt: position.createdAt, id: position.id },
    ]) {
      expect([body, refusal(forged(body)).code]).toEqual([body, 'INVALID_CURSOR']);
    }
    expect(decodeCursor(forged([1, position.createdAt, position.id, scope]), filters)).toEqual(position);
  });
});
