import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../api/http';
import type { Execution } from '../../api/types';
import type { operations } from '@trellis/client/src/generated/openapi';

/** `POST /executions/{id}/rerun`'s body, as the API's OpenAPI document describes it. */
export type RerunRequest = NonNullable<operations['rerunExecution']['requestBody']>['content']['application/json'];

const path = (id: string, rest: string) => `/executions/${encodeURIComponent(id)}${rest}`;

/** Starts a re-run of a finished run; the runs list and the source's re-runs are refreshed after. */
export function useRerun(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RerunRequest) => apiRequest<Execution>(path(id, '/rerun'), { method: 'POST', body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['runs'] });
      void queryClient.invalidateQueries({ queryKey: ['run', id, 'reruns'] });
    },
  });
}

/** The runs made from this one, newest first. */
export function useRerunsOf(id: string) {
  return useQuery({
    queryKey: ['run', id, 'reruns'],
    queryFn: ({ signal }) => apiRequest<{ items: Execution[] }>(path(id, '/reruns'), { query: { size: 20 }, signal }),
  });
}
