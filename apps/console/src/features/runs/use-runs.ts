import { useInfiniteQuery, type QueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../api/http';
import type { ExecutionPage } from '../../api/types';
import { toListQuery, type RunFilters } from './run-filters';

export const PAGE_SIZE = 50;

/** The runs list query for these filters, shared by the page and the prefetch at start-up. */
const runsQuery = (filters: RunFilters) => ({
  queryKey: ['runs', filters],
  initialPageParam: undefined as string | undefined,
  queryFn: ({ pageParam, signal }: { pageParam: string | undefined; signal: AbortSignal }) =>
    apiRequest<ExecutionPage>('/executions', {
      // The time window is fixed when the first page loads, so later pages continue the same list.
      query: { ...toListQuery(filters, Date.now()), size: PAGE_SIZE, cursor: pageParam },
      signal,
    }),
  getNextPageParam: (last: ExecutionPage) => last.next_cursor ?? undefined,
});

/** The user's runs, newest first, one cursor page at a time (fast at any depth). */
export function useRuns(filters: RunFilters) {
  return useInfiniteQuery(runsQuery(filters));
}

/** Starts loading the first page before React has rendered (the runs page is where most visits land). */
export function prefetchRuns(queryClient: QueryClient, filters: RunFilters): void {
  void queryClient.prefetchInfiniteQuery(runsQuery(filters));
}
