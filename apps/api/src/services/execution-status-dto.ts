import type { z } from 'zod';
import type { Database, Execution } from '@trellis/db';
import type { ExecutionStatusResponse } from '../openapi/responses';
import { openWaitsOf } from './wait-views';

/** What GET /executions/{id}/status (and the /execute compatibility API's status) answers. */
export async function readExecutionStatus(db: Database, row: Execution): Promise<z.infer<typeof ExecutionStatusResponse>> {
  return {
    execution_id: row.id,
    status: row.status,
    current_node: row.currentNodes[0] ?? null,
    current_nodes: row.currentNodes,
    progress: row.progress,
    completed: row.completedNodes,
    total: row.totalNodes,
    message: row.message,
    waits: await openWaitsOf(db, row),
  };
}
