import type { Database, NodeExecution } from '@trellis/db';
import type { TestMessage, TestSessionView } from '@trellis/workflows';

/** One node of a turn's run, as the test-session API shows it: input and output as text (JSON for non-strings). */
export interface NodeDetailDto {
  nodeId: string;
  nodeType: string;
  input: string | null;
  output: string | null;
  durationMs: number;
  success: boolean;
  /** The node's error message when it failed (an addition to the original shape). */
  error?: string;
}

export interface TestMessageDto {
  id: string;
  role: TestMessage['role'];
  content: string;
  timestamp: string;
  meta: {
    success: boolean;
    durationMs: number;
    errorMessage: string | null;
    needHumanTransfer: boolean;
    nodeDetails: NodeDetailDto[];
    /** The test execution behind this reply (GET /executions/:id shows it in full). */
    executionId: string;
  } | null;
}

/** A test session as the test-session API answers it (camelCase), with `variables` and `expiresAt`. */
export interface WorkflowTestSessionDto {
  testSessionId: string;
  workflowId: string;
  workflowName: string;
  messages: TestMessageDto[];
  variables: Record<string, unknown>;
  createdAt: string;
  lastActiveAt: string;
  expiresAt: string;
}

/** Session views as DTOs, each assistant message joined with its run's node rows (one query for all). */
export async function toSessionDtos(db: Database, views: TestSessionView[]): Promise<WorkflowTestSessionDto[]> {
  const executionIds = views.flatMap((view) => view.messages.flatMap((m) => (m.meta ? [m.meta.executionId] : [])));
  const nodes = await nodeDetailsOf(db, executionIds);
  return views.map((view) => ({
    testSessionId: view.sessionId,
    workflowId: view.workflowId,
    workflowName: view.workflowName,
    messages: view.messages.map((message) => ({
      id: message.id,
      role: message.role,
      content: message.content,
      timestamp: message.timestamp,
      meta: message.meta && {
        success: message.meta.success,
        durationMs: message.meta.durationMs,
        errorMessage: message.meta.errorMessage,
        needHumanTransfer: message.meta.needHumanTransfer,
        nodeDetails: nodes.get(message.meta.executionId) ?? [],
        executionId: message.meta.executionId,
      },
    })),
    variables: view.variables,
    createdAt: view.createdAt,
    lastActiveAt: view.lastActiveAt,
    expiresAt: view.expiresAt,
  }));
}

/** The nodes that ran in each execution (skipped ones left out), in start order. */
async function nodeDetailsOf(db: Database, executionIds: string[]): Promise<Map<string, NodeDetailDto[]>> {
  const byExecution = new Map<string, NodeDetailDto[]>();
  if (executionIds.length === 0) return byExecution;
  const rows = await db.query.nodeExecutions.findMany({
    where: (t, { inArray }) => inArray(t.executionId, executionIds),
    orderBy: (t, { asc }) => [asc(t.startedAt), asc(t.nodeId)],
  });
  for (const row of rows) {
    if (row.status === 'skipped') continue;
    const list = byExecution.get(row.executionId) ?? [];
    list.push(toNodeDetail(row));
    byExecution.set(row.executionId, list);
  }
  return byExecution;
}

function toNodeDetail(row: NodeExecution): NodeDetailDto {
  const measured = row.startedAt && row.finishedAt ? row.finishedAt.getTime() - row.startedAt.getTime() : 0;
  return {
    nodeId: row.nodeId,
    nodeType: row.nodeType,
    input: asText(row.input),
    output: asText(row.output),
    durationMs: row.durationMs ?? measured,
    success: row.status === 'completed',
    ...(row.error ? { error: row.error.message } : {}),
  };
}

function asText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}
