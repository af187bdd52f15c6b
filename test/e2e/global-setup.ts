import { ensureConsoleBuilt } from '../../scripts/console-build';
import integrationSetup from '../global-setup';

/** The console must be built (CI starts from a fresh clone), then the integration tests' setup runs. */
export default async function globalSetup(): Promise<void> {
  ensureConsoleBuilt();
  await integrationSetup();
}
