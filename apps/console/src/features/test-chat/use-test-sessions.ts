import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../api/http';
import type { TestSession } from '../../api/types';

const BASE = '/workflow-test/sessions';
const sessionPath = (id: string, rest = '') => `${BASE}/${encodeURIComponent(id)}${rest}`;
export const sessionKey = (id: string) => ['test-session', id] as const;

/** The user's open test sessions, newest first. */
export function useTestSessions() {
  return useQuery({ queryKey: ['test-sessions'], queryFn: ({ signal }) => apiRequest<TestSession[]>(BASE, { signal }) });
}

export function useTestSession(id: string | null) {
  return useQuery({
    queryKey: sessionKey(id ?? ''),
    enabled: !!id,
    queryFn: ({ signal }) => apiRequest<TestSession>(sessionPath(id!), { signal }),
  });
}

/** Session changes: each answer is the whole session, written to the cache as it is. */
export function useSessionActions() {
  const queryClient = useQueryClient();
  const store = (session: TestSession) => {
    queryClient.setQueryData(sessionKey(session.testSessionId), session);
    void queryClient.invalidateQueries({ queryKey: ['test-sessions'] });
  };
  return {
    create: useMutation({
      mutationFn: (body: { workflowId: string; variables?: Record<string, unknown> }) =>
        apiRequest<TestSession>(BASE, { method: 'POST', body }),
      onSuccess: store,
    }),
    send: useMutation({
      mutationFn: ({ id, message }: { id: string; message: string }) =>
        apiRequest<TestSession>(sessionPath(id, '/messages'), { method: 'POST', body: { message } }),
      onSuccess: store,
    }),
    clear: useMutation({
      mutationFn: (id: string) => apiRequest<TestSession>(sessionPath(id, '/clear'), { method: 'POST' }),
      onSuccess: store,
    }),
    setVariables: useMutation({
      mutationFn: ({ id, variables }: { id: string; variables: Record<string, unknown> }) =>
        apiRequest<TestSession>(sessionPath(id, '/variables'), { method: 'PUT', body: variables }),
      onSuccess: store,
    }),
    close: useMutation({
      mutationFn: (id: string) => apiRequest<void>(sessionPath(id), { method: 'DELETE' }),
      onSuccess: (_nothing, id) => {
        queryClient.removeQueries({ queryKey: sessionKey(id) });
        void queryClient.invalidateQueries({ queryKey: ['test-sessions'] });
      },
    }),
  };
}
