import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import integrationSetup from '../global-setup';

/** The integration setup (workflow bundle, Temporal dev server, migrations) plus a directory for measured outcomes. */
export default async function globalSetup(): Promise<void> {
  process.env.TRELLIS_FAULTS_RESULTS_DIR ??= mkdtempSync(join(tmpdir(), 'trellis-faults-'));
  await integrationSetup();
}
