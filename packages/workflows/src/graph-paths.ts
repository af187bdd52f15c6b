import { patched } from '@temporalio/workflow';
import { chainsCarryRunRecords } from './chain-versions';

// Every code path of the graph workflow that a patch keeps alive for runs recorded by earlier code is decided here.

/** Marks runs whose cheap nodes and bookkeeping are local activities; runs started before it replay as they ran. */
export const LOCAL_ACTIVITIES_PATCH = 'cheap-nodes-as-local-activities';
/** Marks runs whose straight chains of cheap nodes run as one local activity each (after LOCAL_ACTIVITIES_PATCH). */
export const CHAINS_PATCH = 'cheap-node-chains';
/** Marks re-runs that write their start together with their reused nodes (one local activity, not two). */
export const REUSE_WITH_START_PATCH = 'rerun-start-with-reused-nodes';
/** Marks re-runs whose reused nodes are written with the start by whatever writes it: the first chain, when that is how the run begins. */
export const REUSE_IN_FIRST_CHAIN_PATCH = 'rerun-reused-nodes-in-first-chain';

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

/**
 * How a re-run writes its reused nodes; asked once its reused nodes are settled, before anything is written. Newest
 * first: with the start, by whatever writes it (REUSE_IN_FIRST_CHAIN_PATCH, when chains carry the start); else by a local activity of their own,
 * which carries the start (REUSE_WITH_START_PATCH) or follows it.
 */
export function reuseWritePath(paths: GraphPaths): 'with-start' | 'own-activity-with-start' | 'own-activity-after-start' {
  if (paths.chainRecords && patched(REUSE_IN_FIRST_CHAIN_PATCH)) return 'with-start';
  return patched(REUSE_WITH_START_PATCH) ? 'own-activity-with-start' : 'own-activity-after-start';
}
