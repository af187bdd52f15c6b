import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import {
  findExecution,
  listEvents,
  listNodeExecutions,
  temporalWorkflowIdOf,
  type Database,
  type Execution,
  type ExecutionEvent,
} from '@trellis/db';
import { isTerminal } from '@trellis/definition';

/** What a finished run looks like in Postgres and Temporal; gathered without asserting, so it can be reported. */
export interface RunSummary {
  status: Execution['status'] | 'missing';
  temporalStatus: string;
  events: ExecutionEvent[];
  gapless: boolean;
  /** Nodes whose row is completed with an output. */
  nodesWithOutput: string[];
  /** Node ids of every node row, any status. */
  nodeRows: string[];
  /** node.completed events by node id (a node listed twice was recorded twice). */
  nodeCompletedEvents: string[];
  terminalEvents: string[];
  /** Highest attempt any node needed. */
  maxAttempt: number;
}

export async function summarizeRun(db: Database, temporal: Client, id: string): Promise<RunSummary> {
  const execution = await findExecution(db, id);
  const nodes = await listNodeExecutions(db, id);
  const events = await listEvents(db, { executionId: id, limit: 100_000 });
  let temporalStatus: string;
  try {
    const handle = temporal.workflow.getHandle(execution ? temporalWorkflowIdOf(execution) : id);
    temporalStatus = (await handle.describe()).status.name;
    // A chain writes the run's end in its local activity, before the workflow task that closes the run completes:
    // on a loaded machine the row can read terminal a few seconds before Temporal does.
    for (let waited = 0; temporalStatus === 'RUNNING' && execution && isTerminal(execution.status) && waited < 30_000; waited += 250) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      temporalStatus = (await handle.describe()).status.name;
    }
  } catch (error) {
    if (!(error instanceof WorkflowNotFoundError)) throw error;
    temporalStatus = 'NOT_FOUND';
  }
  const attempts = events
    .filter((e) => e.type === 'node.started')
    .map((e) => Number((e.data as { attempt?: number } | null)?.attempt ?? 1));
  return {
    status: execution?.status ?? 'missing',
    temporalStatus,
    events,
    gapless: events.every((e, i) => e.seq === i + 1) && execution?.lastSeq === events.length,
    nodesWithOutput: nodes
      .filter((n) => n.status === 'completed' && n.output !== null)
      .map((n) => n.nodeId)
      .sort(),
    nodeRows: nodes.map((n) => n.nodeId).sort(),
    nodeCompletedEvents: events
      .filter((e) => e.type === 'node.completed')
      .map((e) => e.nodeId ?? '')
      .sort(),
    terminalEvents: events
      .filter((e) => e.type.startsWith('execution.') && e.status !== null && isTerminal(e.status as Execution['status']))
      .map((e) => e.type),
    maxAttempt: Math.max(1, ...attempts),
  };
}

/** One line for the report: status on both sides, outputs, events. */
export function describeRun(run: RunSummary): string {
  return (
    `${run.status} (Temporal ${run.temporalStatus}); ${run.nodesWithOutput.length} node outputs, ${run.nodeCompletedEvents.length} node.completed events; ` +
    `${run.events.length} events, seq ${run.gapless ? 'gapless' : 'WITH GAPS'}; terminal events: ${run.terminalEvents.join(', ') || 'none'}`
  );
}

/**
 * Asserts what every fault test promises about a finished run: the expected terminal status in Postgres and in
 * Temporal, every completed node's output recorded exactly once, a gapless seq 1..n ending in exactly one
 * terminal event, and nothing lost (each expected node present, no stray ones).
 */
export function expectRunIntact(
  run: RunSummary,
  expected: { status: Execution['status']; temporalStatus: string; completedNodes: string[]; otherNodes?: string[] },
): void {
  const completed = [...expected.completedNodes].sort();
  expect(run.status).toBe(expected.status);
  expect(run.temporalStatus).toBe(expected.temporalStatus);
  expect(run.nodesWithOutput).toEqual(completed);
  expect(run.nodeCompletedEvents).toEqual(completed);
  expect(run.nodeRows).toEqual([...expected.completedNodes, ...(expected.otherNodes ?? [])].sort());
  expect(run.gapless).toBe(true);
  expect(new Set(run.events.map((e) => e.key)).size).toBe(run.events.length);
  expect(run.events.filter((e) => e.type === 'execution.started')).toHaveLength(1);
  expect(run.terminalEvents).toEqual([`execution.${expected.status}`]);
  expect(run.events.at(-1)?.type).toBe(`execution.${expected.status}`);
}
