import type { Context } from '@temporalio/activity';
import { isDatabaseUnavailable } from '@trellis/db';

const FIRST_DELAY_MS = 250;
const MAX_DELAY_MS = 2_000;
/** Left of the attempt's start-to-close time when waiting gives up, so the failure is still reported. */
const MARGIN_MS = 1_000;

/**
 * Runs a database write, retrying it while Postgres is unreachable (heartbeating meanwhile) until the attempt's
 * deadline is near; then, or on any other error, throws. A node's bookkeeping thus waits out an outage
 * instead of spending the node's own retries, which are for the node's work.
 */
export async function waitForDatabase<T>(ctx: Context, deadline: number, write: () => Promise<T>): Promise<T> {
  for (let delay = FIRST_DELAY_MS; ; delay = Math.min(delay * 2, MAX_DELAY_MS)) {
    try {
      return await write();
    } catch (error) {
      if (!isDatabaseUnavailable(error) || Date.now() + delay > deadline) throw error;
      if (!ctx.info.isLocal) ctx.heartbeat(); // local activities cannot heartbeat
      await ctx.sleep(delay);
    }
  }
}

/** The latest moment this attempt should still wait for the database. */
export function databaseDeadline(ctx: Context, startedAt: number): number {
  return startedAt + ctx.info.startToCloseTimeoutMs - MARGIN_MS;
}
