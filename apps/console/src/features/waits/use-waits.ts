import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../api/http';
import type { NodeAnswered, OpenWait, WaitPage, WaitStatus } from './wait-types';

export const WAITS_PAGE_SIZE = 20;

/** Query keys of waits: the inbox per status, and one run's open wait of a node. */
export const waitKeys = {
  all: ['waits'] as const,
  inbox: (status: WaitStatus) => ['waits', status] as const,
  ofNode: (executionId: string, nodeId: string) => ['run', executionId, 'wait', nodeId] as const,
};

const nodePath = (executionId: string, nodeId: string) =>
  `/executions/${encodeURIComponent(executionId)}/nodes/${encodeURIComponent(nodeId)}`;

/** The caller's waits with this status (as owner or assignee), newest first, one cursor page at a time. */
export function useWaits(status: WaitStatus) {
  return useInfiniteQuery({
    queryKey: waitKeys.inbox(status),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      apiRequest<WaitPage>('/waits', { query: { status, size: WAITS_PAGE_SIZE, cursor: pageParam }, signal }),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    // Waits on runs the caller does not own (as an assignee) send no events to their /ws: poll for those.
    refetchInterval: 30_000,
  });
}

/** The open wait of a run's node (prompt, form, deadline), read from the run's status while the node waits. */
export function useOpenWait(executionId: string, nodeId: string, enabled: boolean) {
  return useQuery({
    queryKey: waitKeys.ofNode(executionId, nodeId),
    enabled,
    staleTime: 0,
    queryFn: async ({ signal }) => {
      const status = await apiRequest<{ waits: OpenWait[] }>(`/executions/${encodeURIComponent(executionId)}/status`, { signal });
      return status.waits.find((w) => w.node_id === nodeId) ?? null;
    },
  });
}

/** Answers a waiting node; once recorded, the inbox and the run are refreshed (a refusal leaves them, so its message stays). */
export function useAnswerWait(executionId: string, nodeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (answer: unknown) =>
      apiRequest<NodeAnswered>(`${nodePath(executionId, nodeId)}/answer`, { method: 'POST', body: { answer } }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: waitKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['run', executionId] });
    },
  });
}
