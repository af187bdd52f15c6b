import type { ExpressionContext, NodeDefinition, StatusChangeRequest, Usage } from '@trellis/definition/pure';
import type { ReusedRecords } from './reused-records';

/** Where a node runs: one execution's identity, shared by every record the worker writes. */
export interface ExecutionRef {
  executionId: string;
  workflowId: string;
}

export interface RunNodeInput extends ExecutionRef {
  node: NodeDefinition;
  context: ExpressionContext;
  predecessors: string[];
  totalNodes: number;
}

export interface RunNodeOutput {
  /** The node's id, echoed so a local activity's marker in the history names its node. */
  nodeId?: string;
  output: unknown;
  branch?: 'true' | 'false';
  usage?: Usage;
  durationMs: number;
}

/** A chain of cheap nodes run back to back in one activity (see GraphState.chainFrom). */
export interface RunChainInput extends ExecutionRef {
  nodes: NodeDefinition[];
  /** What the first node sees; each later node also sees the outputs of the chain's nodes before it. */
  context: ExpressionContext;
  /** The first node's taken predecessors; each later node's is the node before it. */
  predecessors: string[];
  totalNodes: number;
  /** The run's start, written before the nodes when this chain is the first thing the run does. */
  start?: RecordStatusInput;
  /** A re-run's reused nodes, written with the start (REUSE_IN_FIRST_CHAIN_PATCH). */
  reuse?: ReusedRecords;
  /** Present when this chain ends the run: once every node completed, the run's completion is written too. */
  finish?: ChainFinish;
}

/** The completed status of a run a chain ends; its output and usage are completed from the chain's nodes. */
export interface ChainFinish extends Omit<RecordStatusInput, 'output' | 'usage'> {
  /** The run's output nodes that will have completed (see runOutput), and the outputs of those that already did. */
  outputNodeIds: string[];
  outputs: Record<string, unknown>;
  usage: Usage;
}

export interface RunChainOutput {
  /** The chain's node ids, so a local activity's marker in the history names them. */
  nodeIds: string[];
  /**
   * The nodes that completed, in order. Shorter than the chain when a node's attempt failed: nothing is recorded
   * for that node, and the workflow runs it on its own, with its own retries and failure records.
   */
  completed: RunNodeOutput[];
  /** The run's completion was written (every node completed and `finish` was given). */
  finished?: boolean;
}

export interface NodeFailedInput extends ExecutionRef {
  node: Pick<NodeDefinition, 'id' | 'type'>;
  error: { code: string; message: string; details?: unknown };
}

export interface NodesSkippedInput extends ExecutionRef {
  nodes: Array<Pick<NodeDefinition, 'id' | 'type'>>;
  totalNodes: number;
}

/** A status change of the run, written with its event by the worker. */
export interface RecordStatusInput extends ExecutionRef, StatusChangeRequest {}

/** The activities the graph workflow calls; the worker implements them (apps/worker/src/activities). */
export interface GraphActivities {
  /** Runs one node's executor and records its start, result and events. The activity type name is in recorded histories: keep it. */
  runNode(input: RunNodeInput): Promise<RunNodeOutput>;
  /** Runs a chain of cheap nodes in order and records their completions (batched, at most ~50 ms behind). */
  runChain(input: RunChainInput): Promise<RunChainOutput>;
  /** Records a node that failed for good (after its last attempt). */
  recordNodeFailed(input: NodeFailedInput): Promise<void>;
  /** Records nodes on branches not taken. */
  recordNodesSkipped(input: NodesSkippedInput): Promise<void>;
  /** Moves the execution row to a status (monotonic) and appends its event; false when not allowed or already recorded. */
  recordExecutionStatus(input: RecordStatusInput): Promise<boolean>;
}
