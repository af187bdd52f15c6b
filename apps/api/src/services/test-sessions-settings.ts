/** Limits and timings of workflow test sessions; env vars in config.ts, tests pass their own. */
export interface TestSessionSettings {
  /** A session ends this long after its last message, variables change or clear. */
  idleTimeoutMs: number;
  /** Sessions a user may have open at once. */
  maxSessionsPerUser: number;
  /** Messages (user and assistant together) one session may hold; clear empties it. */
  maxMessages: number;
  /** Characters one user message may have. */
  maxMessageLength: number;
  /** Each turn's graph run times out after this long. */
  turnTimeoutMs: number;
  /** Size of the variables as JSON, in bytes. */
  maxVariablesBytes: number;
  /** Updates one session workflow run handles before it continues as new. */
  updatesPerRun: number;
}

export const DEFAULT_TEST_SESSION_SETTINGS: TestSessionSettings = {
  idleTimeoutMs: 30 * 60_000,
  maxSessionsPerUser: 20,
  maxMessages: 200,
  maxMessageLength: 4_000,
  turnTimeoutMs: 5 * 60_000,
  maxVariablesBytes: 64 * 1024,
  updatesPerRun: 100,
};

/** The defaults overridden by whatever the deps set. */
export function testSessionSettings(overrides: Partial<TestSessionSettings> | undefined): TestSessionSettings {
  return { ...DEFAULT_TEST_SESSION_SETTINGS, ...overrides };
}
