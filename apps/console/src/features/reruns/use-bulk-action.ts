import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../api/http';
import type { components, operations } from '@trellis/client/src/generated/openapi';

/** A bulk action's progress and its start, as the API's OpenAPI document describes them. */
export type BulkProgress = components['schemas']['BulkProgress'];
export type BulkActionName = BulkProgress['action'];
type BulkStarted = operations['startBulkAction']['responses'][202]['content']['application/json'];
/** What the bar asks for: an action over ticked runs (a re-run may start from their failed nodes). */
export interface BulkStart {
  action: BulkActionName;
  ids: string[];
  from_node?: string;
}

/** Starts a bulk action over the given runs of the caller (`POST /executions/bulk`). */
export function useStartBulkAction() {
  return useMutation({
    mutationFn: (body: BulkStart) => apiRequest<BulkStarted>('/executions/bulk', { method: 'POST', body }),
  });
}

/** A bulk action's progress, read every half second until it ends; the runs lists are refreshed when it does. */
export function useBulkProgress(bulkId: string | undefined) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: ['bulk', bulkId],
    enabled: !!bulkId,
    queryFn: async ({ signal }) => {
      const progress = await apiRequest<BulkProgress>(`/bulk/${encodeURIComponent(bulkId!)}`, { signal });
      if (progress.status !== 'running') void queryClient.invalidateQueries({ queryKey: ['runs'] });
      return progress;
    },
    refetchInterval: (query) => (query.state.data?.status === 'running' || !query.state.data ? 500 : false),
  });
}

/** Cancels a bulk action: it stops after the batch in flight. */
export function useCancelBulkAction(bulkId: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<BulkProgress>(`/bulk/${encodeURIComponent(bulkId!)}/cancel`, { method: 'POST' }),
    onSuccess: (progress) => queryClient.setQueryData(['bulk', bulkId], progress),
  });
}
