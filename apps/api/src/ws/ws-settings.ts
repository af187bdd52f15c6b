/** Limits and timings of the WebSocket endpoints. */
export interface WsSettings {
  /** How often every socket is pinged; a socket that missed the previous ping is terminated. */
  heartbeatMs: number;
  /** Largest client frame accepted; a bigger one closes the socket with 1009. */
  maxPayloadBytes: number;
  /** Open sockets per user; one more is refused with 429 at the upgrade. */
  maxConnectionsPerUser: number;
  /** Unsent bytes a socket may queue before it is dropped as a slow consumer. */
  maxBufferedBytes: number;
}

export const DEFAULT_WS_SETTINGS: Readonly<WsSettings> = Object.freeze({
  heartbeatMs: 30_000,
  maxPayloadBytes: 64 * 1024,
  maxConnectionsPerUser: 20,
  maxBufferedBytes: 4 * 1024 * 1024,
});

/** The defaults with the configured overrides applied. */
export function resolveWsSettings(overrides: Partial<WsSettings> = {}): WsSettings {
  return { ...DEFAULT_WS_SETTINGS, ...overrides };
}
