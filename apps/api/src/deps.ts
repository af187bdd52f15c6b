import type { Client } from '@temporalio/client';
import type { Registry } from 'prom-client';
import type { DatabaseHandle } from '@trellis/db';
import type { Logger } from 'pino';
import type { JwtSettings } from './auth/jwt';
import type { EventHub } from './events/event-hub';
import type { StartLimits } from './limits/limit-settings';
import type { WsSettings } from './ws/ws-settings';
import type { TestSessionSettings } from './services/test-sessions-settings';

/** Everything the API's routes and services use; built once in index.ts (or by tests). */
export interface ApiDeps {
  database: DatabaseHandle;
  temporal: Client;
  log: Logger;
  hub: EventHub;
  jwt: JwtSettings;
  /** Registries served on /metrics beside the API's own (e.g. the in-process worker's). */
  metricsRegistries?: Registry[];
  /** Prometheus endpoints whose text /metrics appends (e.g. the in-process Temporal SDK runtime's). */
  metricsForward?: string[];
  settings: {
    namespace: string;
    taskQueue: string;
    temporalUiUrl: string;
    syncWaitMs: number;
    bodyLimit: string;
    /** Express's `trust proxy` (TRUST_PROXY): whose X-Forwarded-For names the client; unset: nobody's. */
    trustProxy?: number | string;
    /** WebSocket tuning; unset fields take the defaults in ws/ws-settings.ts (tests shorten the heartbeat). */
    ws?: Partial<WsSettings>;
    /** Test-session expiry and caps; defaults in services/test-sessions-settings.ts (tests shorten the TTL). */
    testSessions?: Partial<TestSessionSettings>;
    /** Per-user start rate and live-execution cap; defaults in limits/limit-settings.ts. */
    limits?: Partial<StartLimits>;
    /** Where /metrics is served: a port of its own and/or the API port behind a bearer token; neither: not served. */
    metrics?: { port?: number; host?: string; token?: string };
    /** Keep-alive comment interval of Server-Sent Event streams (default 15 s). */
    sseKeepAliveMs?: number;
    /** Deadline for the API's calls to Temporal (default 10 s); past it the request answers 503. */
    temporalCallTimeoutMs?: number;
    /**
     * Ask Temporal to hand each new run's first workflow task straight to the worker in this process (eager start).
     * Only possible when `temporal` shares the worker's NativeConnection (npm start, the benchmark).
     */
    eagerStart?: boolean;
    /** Check every JSON answer against the route's declared response and fail on drift (default on; off in production). */
    checkResponses?: boolean;
  };
}
