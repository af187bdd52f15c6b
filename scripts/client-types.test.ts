import { spawnSync } from 'node:child_process';

describe('packages/client wire types', () => {
  it('are the ones generated from the current OpenAPI document (npm run generate:client-types)', () => {
    // openapi-typescript loads ES modules jest cannot require, so the check runs in a process of its own.
    const check = spawnSync('node_modules/.bin/tsx', ['scripts/generate-client-types.ts', '--check'], { encoding: 'utf8' });
    expect([check.status, check.stdout.trim()]).toEqual([0, 'packages/client/src/generated/openapi.ts is current']);
  });
});
