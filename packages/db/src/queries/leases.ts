import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';

export interface HeldLease {
  /** Where the job left off (whoever held the lease last), if it keeps a position. */
  cursor: string | null;
}

/**
 * Takes or renews the lease `name` for `holder` for `ttlMs`; undefined while another holder's lease is unexpired.
 * One upsert, so two replicas asking at once get one winner.
 */
export async function acquireLease(db: DbOrTx, params: { name: string; holder: string; ttlMs: number }): Promise<HeldLease | undefined> {
  const { name, holder, ttlMs } = params;
  const result = await db.execute(sql`
    insert into leases as l (name, holder, expires_at) values (${name}, ${holder}, clock_timestamp() + ${ttlMs} * interval '1 millisecond')
    on conflict (name) do update set holder = excluded.holder, expires_at = excluded.expires_at
      where l.holder = excluded.holder or l.expires_at < clock_timestamp()
    returning cursor`);
  const row = (result as unknown as { rows: Array<{ cursor: string | null }> }).rows[0];
  return row ? { cursor: row.cursor } : undefined;
}

/** Stores the job's position; only while `holder` still holds the lease. */
export async function saveLeaseCursor(db: DbOrTx, params: { name: string; holder: string; cursor: string | null }): Promise<void> {
  await db.execute(sql`update leases set cursor = ${params.cursor} where name = ${params.name} and holder = ${params.holder}`);
}

/** Gives the lease up at once (on shutdown), so another replica need not wait for it to expire. */
export async function releaseLease(db: DbOrTx, name: string, holder: string): Promise<void> {
  await db.execute(sql`update leases set expires_at = clock_timestamp() where name = ${name} and holder = ${holder}`);
}
