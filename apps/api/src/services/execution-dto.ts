import type { z } from 'zod';
import { temporalWorkflowIdOf, type Execution } from '@trellis/db';
import type { ApiDeps } from '../deps';
import type { Execution as ExecutionSchema } from '../openapi/responses';

/** The execution as API clients see it: the one execution DTO, typed by the schema the document shows. */
export function toExecutionDto(row: Execution, temporalUiUrl: string, namespace: string): z.infer<typeof ExecutionSchema> {
  return {
    id: row.id,
    workflow_id: row.workflowId,
    workflow_version: row.workflowVersion,
    workflow_name: row.workflowName,
    temporal_workflow_id: temporalWorkflowIdOf(row),
    temporal_run_id: row.temporalRunId,
    status: row.status,
    mode: row.mode,
    is_test: row.isTest,
    input_data: row.inputData,
    output_data: row.outputData,
    error: row.error,
    usage: row.usage,
    current_nodes: row.currentNodes,
    progress: row.progress,
    message: row.message,
    debug_url: debugUrl(temporalUiUrl, namespace, temporalWorkflowIdOf(row), row.temporalRunId),
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
    started_at: row.startedAt?.toISOString() ?? null,
    finished_at: row.finishedAt?.toISOString() ?? null,
    rerun_of: row.rerunOf,
    rerun_from_node: row.rerunFromNode,
  };
}

/** toExecutionDto with this deployment's Temporal Web UI and namespace. */
export const executionDtoFor = (deps: ApiDeps) => (row: Execution) =>
  toExecutionDto(row, deps.settings.temporalUiUrl, deps.settings.namespace);

/** Link to the run in the Temporal Web UI. */
export function debugUrl(uiUrl: string, namespace: string, workflowId: string, runId: string | null): string {
  const base = `${uiUrl.replace(/\/$/, '')}/namespaces/${encodeURIComponent(namespace)}/workflows/${encodeURIComponent(workflowId)}`;
  return runId ? `${base}/${encodeURIComponent(runId)}/history` : base;
}
