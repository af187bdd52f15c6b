/** End-to-end tests: Debian's Chromium (playwright-core) against the real stack serving the built console. */
const transform = { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] };

module.exports = {
  displayName: 'e2e',
  testEnvironment: 'node',
  transform,
  testMatch: ['<rootDir>/test/e2e/**/*.e2e.test.ts'],
  // Builds the console when stale, bundles the workflows and starts one Temporal dev server for the run.
  globalSetup: '<rootDir>/test/e2e/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  setupFilesAfterEnv: ['<rootDir>/test/e2e/e2e-timeout.ts'],
  // One browser and one stack at a time: the machine has two cores.
  maxWorkers: 1,
};
