import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import integrationSetup from '../global-setup';

/**
 * The integration setup (workflow bundle, Temporal dev server, migrations) plus a directory for measured
 * outcomes; says up front which faults this environment cannot inject.
 */
export default async function globalSetup(): Promise<void> {
  process.env.TRELLIS_FAULTS_RESULTS_DIR ??= mkdtempSync(join(tmpdir(), 'trellis-faults-'));
  if (!process.env.DATABASE_URL) {
    console.log(
      '\ntest/faults: DATABASE_URL is not set (PGlite mode): the process-level faults F1–F5 and F7 are skipped (separate processes cannot share PGlite); .ci/run sets it and runs them all.',
    );
  } else if (!process.env.PG_BIN || !process.env.PG_DIR || !process.env.PG_CTL_OPTS) {
    console.log(
      '\ntest/faults: PG_BIN, PG_DIR or PG_CTL_OPTS is not set: F4 (Postgres outage) is skipped; .ci/run sets them for its own Postgres.',
    );
  }
  await integrationSetup();
}
