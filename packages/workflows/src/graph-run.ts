import type { CancellationScope } from '@temporalio/workflow';
import { ZERO_USAGE, type ExecutionStatus, type NodeDefinition, type Usage } from '@trellis/definition/pure';
import type { ExecutionRef } from './activity-types';
import type { GraphWorkflowInput, NodeResult } from './graph-contract';
import { GraphState } from './graph-state';

/** Why a run fails: the first node failure (with its node) or a limit it reached. */
export type RunError = { code: string; message: string; node_id?: string; details?: unknown };

/** What one graph run knows while it runs, shared by its control handlers, its node runners and its scheduler. */
export class GraphRun {
  readonly ref: ExecutionRef;
  readonly state: GraphState;
  readonly results: Record<string, NodeResult> = {};
  readonly outputs: Record<string, unknown> = {};
  /** The scope of each node in flight, so a failure elsewhere or a stop can cancel it. */
  readonly nodeScopes = new Map<string, CancellationScope>();
  status: ExecutionStatus = 'running';
  message = 'running';
  usage: Usage = ZERO_USAGE;
  stopRequested = false;
  failure: RunError | undefined;
  /** A chain that ends the run is in flight: it cannot be paused or stopped any more. */
  finishing = false;
  /** That chain, which the run waits for even when cancelled, and whether it wrote the completion. */
  finalChain: Promise<void> | undefined;
  finishedByChain = false;
  /** Bumped on every change the scheduler must look at. */
  wake = 0;

  constructor(readonly input: GraphWorkflowInput) {
    this.ref = { executionId: input.executionId, workflowId: input.workflowId };
    this.state = new GraphState(input.definition);
  }

  node(id: string): NodeDefinition {
    return this.state.graph.nodes.get(id)!;
  }
}
