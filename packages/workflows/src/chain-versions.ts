import { patched, workflowInfo } from '@temporalio/workflow';

/** Marks runs whose chains carry the run's start and completion (a small run is one local activity). */
export const CHAIN_RECORDS_PATCH = 'chains-carry-run-records';

/**
 * Worker builds that ran the first chains code (b2cb6f0): the start written on its own first, a chain of one node
 * run as a plain node, the completion written on its own last. The next code (c245f2b) folded start and completion
 * into chains under the same CHAINS_PATCH and added no marker, so a history without CHAIN_RECORDS_PATCH says only
 * which build recorded it. The build id (the SDK's hash of the workflow bundle, `workerVersion` in each workflow task
 * of the history) is deterministic across replays; a deployment that ran b2cb6f0 under another build id adds it here.
 */
const FIRST_CHAINS_BUILD_IDS: ReadonlySet<string> = new Set([
  '@temporalio/worker@1.24.0+fa8d46440aa9c6cbbc7186787223861fe431708b8da776feb05650ac577344b9',
]);

/**
 * Whether this run's chains carry its start and completion; ask once, only when CHAINS_PATCH holds. New runs record
 * CHAIN_RECORDS_PATCH; a run recorded before it carries them unless a first-chains build recorded it.
 */
export function chainsCarryRunRecords(): boolean {
  return patched(CHAIN_RECORDS_PATCH) || !FIRST_CHAINS_BUILD_IDS.has(workflowInfo().currentBuildId ?? '');
}
