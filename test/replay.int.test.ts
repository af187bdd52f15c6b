import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from '@temporalio/worker';
import { HISTORY_FIXTURES_DIR } from './engine-helpers';

// Histories recorded from real runs (UPDATE_HISTORY_FIXTURES=1 npm run test:int adds missing ones) are replayed
// against the current workflow code: a change that is not deterministic for runs already in flight fails here.
// Each folder keeps the histories of one earlier workflow code (e.g. before-local-activities/): they are never
// rewritten (history-fixtures.int.test.ts checks their SHA-256), so runs started under that code must keep replaying.
const fixtures = readdirSync(HISTORY_FIXTURES_DIR, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json'));

describe('workflow replay', () => {
  it('has recorded histories to replay', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(5);
  });

  it.each(fixtures)('replays %s without non-determinism', async (file) => {
    const history = JSON.parse(readFileSync(join(HISTORY_FIXTURES_DIR, file), 'utf8'));
    await Worker.runReplayHistory(
      { workflowBundle: { codePath: process.env.TRELLIS_TEST_WORKFLOW_BUNDLE! } },
      history,
      file.replace(/\.json$/, '').replace(/\//g, '-'),
    );
  });
});
