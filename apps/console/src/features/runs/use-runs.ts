import { useInfiniteQuery } from '@tanstack/react-query';
import { apiRequest } from '../../api/http';
import type { ExecutionPage } from '../../api/types';
import { toListQuery, type RunFilters } from './run-filters';

export const PAGE_SIZE = 50;

/** The user's runs, newest first, one cursor page at a time (fast at any depth). */
export function useRuns(filters: RunFilters) {
  return useInfiniteQuery({
    queryKey: ['runs', filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      apiRequest<ExecutionPage>('/executions', {
        // The time window is fixed when the first page loads, so later pages continue the same list.
        query: { ...toListQuery(filters, Date.now()), size: PAGE_SIZE, cursor: pageParam },
        signal,
      }),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}
