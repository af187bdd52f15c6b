import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../api/http';
import type { ExecutionDetail, LogEntry, NodeRecord, TimelineItem, Workflow } from '../../api/types';

/** Query keys of one run's server state; live events update or invalidate them. */
export const runKeys = {
  run: (id: string) => ['run', id] as const,
  nodes: (id: string) => ['run', id, 'nodes'] as const,
  events: (id: string) => ['run', id, 'events'] as const,
  tokens: (id: string) => ['run', id, 'tokens'] as const,
  history: (id: string) => ['run', id, 'history'] as const,
  logs: (id: string, level: string) => ['run', id, 'logs', level] as const,
};

const path = (id: string, rest = '') => `/executions/${encodeURIComponent(id)}${rest}`;

export function useRun(id: string) {
  return useQuery({ queryKey: runKeys.run(id), queryFn: ({ signal }) => apiRequest<ExecutionDetail>(path(id), { signal }) });
}

/** Every node's recorded input, output, duration, attempts, usage and error. */
export function useRunNodes(id: string) {
  return useQuery({
    queryKey: runKeys.nodes(id),
    queryFn: ({ signal }) => apiRequest<{ items: NodeRecord[] }>(path(id, '/nodes'), { signal }),
    select: (data) => new Map(data.items.map((record) => [record.node_id, record])),
  });
}

/** The run's workflow (for its graph); the API keeps only the latest version of a definition. */
export function useRunWorkflow(workflowId: string | undefined) {
  return useQuery({
    queryKey: ['workflow', workflowId],
    enabled: !!workflowId,
    queryFn: ({ signal }) => apiRequest<Workflow>(`/workflows/${encodeURIComponent(workflowId!)}`, { signal }),
  });
}

/** The merged timeline: platform events and Temporal's history. */
export function useRunHistory(id: string) {
  return useQuery({
    queryKey: runKeys.history(id),
    queryFn: ({ signal }) => apiRequest<{ items: TimelineItem[] }>(path(id, '/history'), { signal }),
  });
}

export function useRunLogs(id: string, level: string) {
  return useQuery({
    queryKey: runKeys.logs(id, level),
    queryFn: ({ signal }) =>
      apiRequest<{ logs: LogEntry[] }>(path(id, '/logs'), { query: { level: level || undefined, limit: 1000 }, signal }),
  });
}
