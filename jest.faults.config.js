/**
 * `npm run test:faults`: the fault-injection suite and the bad-input matrix (test/faults), one file at a
 * time (one of them stops Postgres), against real Temporal and Postgres. The reporter writes docs/reliability.md.
 */
module.exports = {
  displayName: 'faults',
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  testMatch: ['<rootDir>/test/faults/**/*.faults.test.ts'],
  globalSetup: '<rootDir>/test/faults/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  maxWorkers: 1,
  testTimeout: 180_000,
  reporters: ['default', '<rootDir>/test/faults/reliability-reporter.js'],
};
