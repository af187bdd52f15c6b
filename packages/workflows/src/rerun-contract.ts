import type { ExecutionRef, RecordStatusInput } from './activity-types';
import type { ReusedRecords } from './reused-records';

export type { ReusedNode, ReusedRecords } from './reused-records';

export interface RecordReusedNodesInput extends ExecutionRef, ReusedRecords {
  totalNodes: number;
  /** The run's start, written first in the same transaction (REUSE_WITH_START_PATCH). */
  start?: RecordStatusInput;
}

/** The activity behind re-runs; the worker implements it (apps/worker/src/activities/rerun-activities.ts). */
export interface RerunActivities {
  /** Records the reused nodes (rows marked reused, `node.reused` events, progress): no executor runs, no tokens. */
  recordReusedNodes(input: RecordReusedNodesInput): Promise<void>;
}

/** The branch a reused condition took, from its recorded output `{result}`; other nodes take none. */
export function reusedBranch(type: string, output: unknown): 'true' | 'false' | undefined {
  if (type !== 'condition') return undefined;
  return (output as { result?: unknown } | null)?.result ? 'true' : 'false';
}
