import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';

export interface RateLimitTake {
  allowed: boolean;
  /** When refused: milliseconds until a token is back. */
  retryAfterMs: number;
}

/**
 * Takes `cost` tokens (one unless said; at most `capacity`) from the bucket `key` (`capacity` tokens, refilled at
 * `perSecond`) in one upsert, so every replica shares it. clock_timestamp(), not now(): a statement that waited
 * for the row lock refills from when it got the row, not from its transaction's start.
 */
export async function takeRateLimitToken(
  db: DbOrTx,
  params: { key: string; capacity: number; perSecond: number; cost?: number },
): Promise<RateLimitTake> {
  const { key, capacity, perSecond, cost = 1 } = params;
  const available = sql`least(${capacity}::real, r.tokens + greatest(0, extract(epoch from clock_timestamp() - r.refilled_at))::real * ${perSecond}::real)`;
  const result = await db.execute(sql`
    insert into rate_limits as r (key, tokens, refilled_at, allowed)
    values (${key}, ${capacity - cost}::real, clock_timestamp(), true)
    on conflict (key) do update set
      tokens = case when ${available} >= ${cost}::real then ${available} - ${cost}::real else ${available} end,
      allowed = ${available} >= ${cost}::real,
      refilled_at = clock_timestamp()
    returning tokens, allowed`);
  const row = (result as unknown as { rows: Array<{ tokens: number; allowed: boolean }> }).rows[0]!;
  if (row.allowed) return { allowed: true, retryAfterMs: 0 };
  return { allowed: false, retryAfterMs: Math.max(1, Math.ceil(((cost - Number(row.tokens)) / perSecond) * 1000)) };
}

/** Deletes buckets untouched for `idleMs` (longer than a full refill, so each reads as a full bucket anyway). */
export async function deleteIdleRateLimits(db: DbOrTx, idleMs: number): Promise<void> {
  await db.execute(sql`delete from rate_limits where refilled_at < clock_timestamp() - ${idleMs} * interval '1 millisecond'`);
}
