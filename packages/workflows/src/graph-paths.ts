import { patched } from '@temporalio/workflow';
import { chainsCarryRunRecords } from './chain-versions';

// Every code path of the graph workflow that a patch keeps alive for runs recorded by earlier code is decided here.

/** Marks runs whose cheap nodes and bookkeeping are local activities; runs started before it replay as they ran. */
export const LOCAL_ACTIVITIES_PATCH = 'cheap-nodes-as-local-activities';
/** Marks runs whose straight chains of cheap nodes run as one local activity each (after LOCAL_ACTIVITIES_PATCH). */
export const CHAINS_PATCH = 'cheap-node-chains';
/** Marks re-runs that write their start together with their reused nodes (one local activity, not two). */
export const REUSE_WITH_START_PATCH = 'rerun-start-with-reused-nodes';

/** The paths a run takes, as the markers in its history say (a new run takes the newest of each). */
export interface GraphPaths {
  /** Cheap nodes and bookkeeping run as local activities (LOCAL_ACTIVITIES_PATCH); else every node is a regular activity. */
  local: boolean;
  /** Straight chains of cheap nodes run as one local activity (CHAINS_PATCH). */
  chains: boolean;
  /** The run's first chain writes its start and a chain that ends it its completion (chainsCarryRunRecords). */
  chainRecords: boolean;
}

/** Asked first thing in the workflow, before any command, always in this order. */
export function graphPaths(): GraphPaths {
  const local = patched(LOCAL_ACTIVITIES_PATCH);
  const chains = local && patched(CHAINS_PATCH);
  return { local, chains, chainRecords: chains && chainsCarryRunRecords() };
}

/** Whether a re-run writes its start with its reused nodes (REUSE_WITH_START_PATCH); asked just before that write. */
export function reuseWritesStart(): boolean {
  return patched(REUSE_WITH_START_PATCH);
}
