import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { humanAnswerLinks } from '../schema/human-waits';

export type AnswerLink = typeof humanAnswerLinks.$inferSelect;

export async function insertAnswerLink(db: DbOrTx, link: typeof humanAnswerLinks.$inferInsert): Promise<void> {
  await db.insert(humanAnswerLinks).values(link);
}

export async function findAnswerLink(db: DbOrTx, tokenHash: string): Promise<AnswerLink | undefined> {
  const rows = await db.select().from(humanAnswerLinks).where(eq(humanAnswerLinks.tokenHash, tokenHash));
  return rows[0];
}

/** Marks an unused, unexpired link used, atomically: of concurrent claims exactly one gets the link back. */
export async function claimAnswerLink(db: DbOrTx, tokenHash: string): Promise<AnswerLink | undefined> {
  const rows = await db
    .update(humanAnswerLinks)
    .set({ usedAt: sql`now()` })
    .where(and(eq(humanAnswerLinks.tokenHash, tokenHash), isNull(humanAnswerLinks.usedAt), gt(humanAnswerLinks.expiresAt, sql`now()`)))
    .returning();
  return rows[0];
}

/** Gives a claimed link back when its answer could not be delivered (e.g. Temporal unreachable), so it can be retried. */
export async function releaseAnswerLink(db: DbOrTx, tokenHash: string): Promise<void> {
  await db.update(humanAnswerLinks).set({ usedAt: null }).where(eq(humanAnswerLinks.tokenHash, tokenHash));
}
