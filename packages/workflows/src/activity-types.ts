import type { ExecutionStatus, ExpressionContext, NodeDefinition, Usage } from '@trellis/core/pure';

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

export interface NodeFailedInput extends ExecutionRef {
  node: Pick<NodeDefinition, 'id' | 'type'>;
  error: { code: string; message: string; details?: unknown };
}

export interface NodesSkippedInput extends ExecutionRef {
  nodes: Array<Pick<NodeDefinition, 'id' | 'type'>>;
  totalNodes: number;
}

export interface RecordStatusInput extends ExecutionRef {
  status: ExecutionStatus;
  /** Makes the write idempotent across activity retries: one event per key. */
  eventKey: string;
  eventType: string;
  message: string;
  runId?: string;
  output?: unknown;
  error?: { code: string; message: string; node_id?: string; details?: unknown };
  usage?: Usage;
}

/** The activities the graph workflow calls; the worker implements them (apps/worker/src/activities). */
export interface GraphActivities {
  /** Runs one node's executor and records its start, result and events. */
  runNode(input: RunNodeInput): Promise<RunNodeOutput>;
  /** Records a node that failed for good (after its last attempt). */
  recordNodeFailed(input: NodeFailedInput): Promise<void>;
  /** Records nodes on branches not taken. */
  recordNodesSkipped(input: NodesSkippedInput): Promise<void>;
  /** Moves the execution row to a status (monotonic) and appends its event; false when not allowed or already recorded. */
  recordExecutionStatus(input: RecordStatusInput): Promise<boolean>;
}
