import { boolean, pgTable, real, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Token buckets shared by every API replica: one row per user and request class, refilled by elapsed time and
 * taken from in one upsert (queries/rate-limits.ts). A row idle past a full refill is deleted as harmless.
 */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  tokens: real('tokens').notNull(),
  refilledAt: timestamp('refilled_at', { withTimezone: true }).notNull().defaultNow(),
  /** Whether the last take succeeded (read back by the statement that took). */
  allowed: boolean('allowed').notNull().default(true),
});
