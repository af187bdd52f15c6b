import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * One row per background job that must run on one replica at a time (the reconciler, retention): whoever holds
 * an unexpired lease runs it; the holder renews it each pass, another takes it over once it expires. The job's
 * position between passes (e.g. the reconciler's cursor) lives here too, so a new holder continues where the last left.
 */
export const leases = pgTable('leases', {
  name: text('name').primaryKey(),
  holder: text('holder').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  cursor: text('cursor'),
});
