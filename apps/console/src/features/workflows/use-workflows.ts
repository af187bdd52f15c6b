import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../api/http';
import type { Execution, ExecutionPage, Page, Workflow } from '../../api/types';

export function useWorkflows() {
  return useQuery({
    queryKey: ['workflows', 'page'],
    queryFn: ({ signal }) => apiRequest<Page<Workflow>>('/workflows', { query: { size: 100 }, signal }),
  });
}

export function useWorkflow(id: string | undefined) {
  return useQuery({
    queryKey: ['workflow', id],
    enabled: !!id,
    queryFn: ({ signal }) => apiRequest<Workflow>(`/workflows/${encodeURIComponent(id!)}`, { signal }),
  });
}

/** The workflow's latest runs (any version), newest first. */
export function useWorkflowRuns(id: string | undefined) {
  return useQuery({
    queryKey: ['runs', 'of-workflow', id],
    enabled: !!id,
    queryFn: ({ signal }) => apiRequest<ExecutionPage>('/executions', { query: { workflow_id: id, size: 8 }, signal }),
  });
}

export interface WorkflowDraft {
  name: string;
  description: string;
  definition: unknown;
}

/** Creates (no id) or updates a workflow; a new definition bumps its version. */
export function useSaveWorkflow(id: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (draft: WorkflowDraft) =>
      id
        ? apiRequest<Workflow>(`/workflows/${encodeURIComponent(id)}`, {
            method: 'PUT',
            body: { name: draft.name, description: draft.description || null, definition: draft.definition },
          })
        : apiRequest<Workflow>('/workflows', {
            method: 'POST',
            body: { name: draft.name, ...(draft.description ? { description: draft.description } : {}), definition: draft.definition },
          }),
    onSuccess: (saved) => {
      queryClient.setQueryData(['workflow', saved.id], saved);
      void queryClient.invalidateQueries({ queryKey: ['workflows'] });
    },
  });
}

export function useDeleteWorkflow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest<void>(`/workflows/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['workflows'] }),
  });
}

export type StartMode = 'async' | 'sync' | 'stream';

/**
 * Starts a run and resolves with its id: async answers at once, sync after the run ends (bounded by the API),
 * stream as soon as the event stream opens (its id is in `X-Execution-Id`; the run's page then follows it live).
 */
export function useStartRun() {
  return useMutation({
    mutationFn: async ({ workflowId, input, mode }: { workflowId: string; input: unknown; mode: StartMode }): Promise<string> => {
      if (mode !== 'stream') {
        const run = await apiRequest<Execution>('/executions', {
          method: 'POST',
          body: { workflow_id: workflowId, input_data: input, mode },
        });
        return run.id;
      }
      const controller = new AbortController();
      const id = await apiRequest<string>('/executions', {
        method: 'POST',
        body: { workflow_id: workflowId, input_data: input, mode },
        signal: controller.signal,
        readHeader: 'x-execution-id',
      });
      controller.abort();
      return id;
    },
  });
}
