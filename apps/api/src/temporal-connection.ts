import { Connection, defaultGrpcRetryOptions, makeGrpcRetryInterceptor } from '@temporalio/client';

/**
 * A client connection whose retries stop once it is being closed: the SDK's retry interceptor would
 * otherwise retry an interrupted call on the shut-down channel and throw from a timer.
 */
export async function connectTemporal(address: string): Promise<{ connection: Connection; close(): Promise<void> }> {
  let closing = false;
  const retry = defaultGrpcRetryOptions();
  const connection = await Connection.connect({
    address,
    interceptors: [
      makeGrpcRetryInterceptor({
        ...retry,
        retryableDecider: (attempt, status) => !closing && retry.retryableDecider(attempt, status),
      }),
    ],
  });
  return {
    connection,
    close: async () => {
      closing = true;
      await connection.close();
    },
  };
}
