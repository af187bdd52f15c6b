import { randomUUID } from 'node:crypto';
import { releaseLease, type Database } from '@trellis/db';
import type { Logger } from 'pino';

/** A periodic job whose passes never overlap in this process; a lease (taken by the pass) keeps replicas apart. */
export interface LeasedJob<T> {
  /** Runs one pass after any pass in progress. */
  runOnce(): Promise<T>;
  /** Stops the timer, waits for the pass in progress and releases the lease. */
  stop(): Promise<void>;
}

/**
 * The scaffolding the reconciler and retention share: `pass` gets this process's lease holder id and whether
 * the job was stopped, runs every `intervalMs` (a failure is logged and retried next time) and one at a time.
 */
export function startLeasedJob<T>(options: {
  db: Database;
  log: Logger;
  /** What the log calls it when a pass fails. */
  name: string;
  leaseName: string;
  intervalMs: number;
  pass: (context: { holder: string; stopped: () => boolean }) => Promise<T>;
}): LeasedJob<T> {
  const holder = randomUUID();
  let stopped = false;
  let current: Promise<unknown> = Promise.resolve();
  const runOnce = (): Promise<T> => {
    const next = current.then(() => options.pass({ holder, stopped: () => stopped }));
    current = next.catch(() => undefined);
    return next;
  };
  const timer = setInterval(() => {
    runOnce().catch((error) => options.log.warn({ err: error }, `${options.name} pass failed; will retry`));
  }, options.intervalMs);
  timer.unref();
  return {
    runOnce,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await current;
      await releaseLease(options.db, options.leaseName, holder).catch(() => undefined);
    },
  };
}
