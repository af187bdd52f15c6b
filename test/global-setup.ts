import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@trellis/db';
import { startTemporalDevServer } from '@trellis/devstack';
import { workflowBundle } from '../apps/worker/src/worker';

/**
 * Starts one Temporal dev server for the whole integration run (unless TEMPORAL_ADDRESS names one)
 * and bundles the workflow code once; webpack cannot run inside jest's module sandbox.
 */
export default async function globalSetup(): Promise<void> {
  const bundle = await workflowBundle();
  const bundlePath = join(tmpdir(), `trellis-workflows-${process.pid}.js`);
  writeFileSync(bundlePath, bundle.code);
  process.env.TRELLIS_TEST_WORKFLOW_BUNDLE = bundlePath;
  if (process.env.DATABASE_URL) {
    // Migrate the shared Postgres once, before test files run in parallel.
    const database = await openDatabase({ url: process.env.DATABASE_URL });
    await database.migrate();
    await database.close();
  }
  if (process.env.TEMPORAL_ADDRESS) return;
  const server = await startTemporalDevServer({ log: (m) => console.log(m) });
  process.env.TEMPORAL_ADDRESS = server.address;
  (globalThis as { __temporalDevServer?: typeof server }).__temporalDevServer = server;
}
