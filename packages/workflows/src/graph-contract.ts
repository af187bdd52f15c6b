import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { ExecutionStatus, NodeStatus, Usage, WorkflowDefinition } from '@trellis/definition/pure';
import type { ReusedNode } from './rerun-contract';

/** Arguments of one graph run; the definition is a snapshot, so later edits never change a running execution. */
export interface GraphWorkflowInput {
  executionId: string;
  workflowId: string;
  workflowName: string;
  workflowVersion: number;
  ownerId: string;
  definition: WorkflowDefinition;
  inputData: unknown;
  variables?: Record<string, unknown>;
  /** Chat turns so far, for runs started by a test session. */
  messages?: Array<{ role: 'user' | 'assistant'; content: string }>;
  /** Ends the run as timed_out after this long (nodes in flight are cancelled). */
  runTimeoutMs?: number;
  /** Guards against runaway graphs: at most this many node runs. */
  maxSteps?: number;
  /** A re-run: nodes taken from the run `reusedFrom` as they ended there, by id; the others run. */
  reuse?: Record<string, ReusedNode>;
  reusedFrom?: string;
}

export interface NodeResult {
  status: NodeStatus;
  output?: unknown;
  branch?: 'true' | 'false';
  usage?: Usage;
  durationMs?: number;
  error?: { code: string; message: string };
}

export interface GraphWorkflowResult {
  status: Extract<ExecutionStatus, 'completed' | 'stopped'>;
  output: unknown;
  usage: Usage;
  nodes: Record<string, NodeResult>;
}

/** What the status query answers (seed 003's status, plus counts). */
export interface ExecutionStatusView {
  status: ExecutionStatus;
  current_nodes: string[];
  progress: number;
  completed: number;
  total: number;
  message: string;
}

/** Result of a control update: the status after the transition was accepted. */
export interface ControlResult {
  status: ExecutionStatus;
  message: string;
}

export const statusQuery = defineQuery<ExecutionStatusView>('status');
export const nodeResultsQuery = defineQuery<Record<string, NodeResult>>('nodeResults');
export const pauseUpdate = defineUpdate<ControlResult>('pause');
export const resumeUpdate = defineUpdate<ControlResult>('resume');
export const stopUpdate = defineUpdate<ControlResult>('stop');
