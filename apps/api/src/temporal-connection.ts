import { Connection, defaultGrpcRetryOptions, makeGrpcRetryInterceptor } from '@temporalio/client';

const MAX_CLOSE_WAIT_MS = 5_000;

/**
 * A client connection that closes cleanly: the SDK's retry interceptor would otherwise run an
 * already-scheduled retry on the shut-down channel and throw from a timer. Once closing, no new
 * retry is scheduled, and close() waits for the ones already scheduled to start first.
 */
export async function connectTemporal(
  address: string,
): Promise<{ connection: Connection; close(options?: { graceMs?: number }): Promise<void> }> {
  let closing = false;
  let lastRetryAt = 0;
  const retry = defaultGrpcRetryOptions();
  const connection = await Connection.connect({
    address,
    interceptors: [
      makeGrpcRetryInterceptor({
        retryableDecider: (attempt, status) => !closing && retry.retryableDecider(attempt, status),
        delayFunction: (attempt, status) => {
          const delay = retry.delayFunction(attempt, status);
          lastRetryAt = Math.max(lastRetryAt, Date.now() + delay);
          return delay;
        },
      }),
    ],
  });
  return {
    connection,
    /** `graceMs` keeps the channel open that long for calls still settling (tests close while runs go on). */
    close: async ({ graceMs = 0 } = {}) => {
      closing = true;
      const wait = Math.min(Math.max(lastRetryAt + 50 - Date.now(), graceMs), MAX_CLOSE_WAIT_MS);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      await connection.close();
    },
  };
}
