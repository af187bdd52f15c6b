import { Client, type ConnectionLike } from '@temporalio/client';
import type { DatabaseHandle } from '@trellis/db';
import type { Logger } from 'pino';
import type { ApiConfig } from './config';
import { EventHub } from './events/event-hub';
import type { ApiDeps } from './deps';
import { connectTemporal } from './temporal-connection';

/**
 * Connects to Temporal and assembles the API's dependencies from its config and an open database. Given the
 * in-process worker's NativeConnection (npm start), the API shares it and starts runs eagerly on that worker.
 */
export async function buildApiDeps(
  config: ApiConfig,
  database: DatabaseHandle,
  log: Logger,
  workerConnection?: ConnectionLike,
): Promise<ApiDeps> {
  const connection = workerConnection ?? (await connectTemporal(config.TEMPORAL_ADDRESS)).connection;
  return {
    database,
    temporal: new Client({ connection, namespace: config.TEMPORAL_NAMESPACE }),
    log,
    hub: new EventHub(database, log),
    jwt: {
      secret: config.JWT_SECRET,
      publicKey: config.JWT_PUBLIC_KEY,
      issuer: config.JWT_ISSUER,
      audience: config.JWT_AUDIENCE,
    },
    settings: {
      namespace: config.TEMPORAL_NAMESPACE,
      taskQueue: config.TEMPORAL_TASK_QUEUE,
      temporalUiUrl: config.TEMPORAL_UI_URL,
      syncWaitMs: config.SYNC_WAIT_MS,
      bodyLimit: config.BODY_LIMIT,
      trustProxy: config.TRUST_PROXY,
      temporalCallTimeoutMs: config.TEMPORAL_CALL_TIMEOUT_MS,
      eagerStart: workerConnection !== undefined,
      testSessions: {
        idleTimeoutMs: config.TEST_SESSION_IDLE_TIMEOUT_MS,
        maxSessionsPerUser: config.TEST_SESSION_MAX_PER_USER,
        maxMessages: config.TEST_SESSION_MAX_MESSAGES,
        maxMessageLength: config.TEST_SESSION_MAX_MESSAGE_LENGTH,
        turnTimeoutMs: config.TEST_SESSION_TURN_TIMEOUT_MS,
      },
      limits: {
        startsPerMinute: config.START_RATE_PER_MINUTE,
        writesPerMinute: config.WRITE_RATE_PER_MINUTE,
        historyReadsPerMinute: config.HISTORY_RATE_PER_MINUTE,
        answerLinkRequestsPerMinute: config.ANSWER_LINK_RATE_PER_MINUTE,
        maxLiveExecutions: config.MAX_LIVE_EXECUTIONS_PER_USER,
      },
      metrics: { port: config.METRICS_PORT, host: config.METRICS_HOST, token: config.METRICS_TOKEN },
      sseKeepAliveMs: config.SSE_KEEPALIVE_MS,
      checkResponses: config.NODE_ENV !== 'production',
    },
  };
}
