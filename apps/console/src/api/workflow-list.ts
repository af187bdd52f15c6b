import { useQuery } from '@tanstack/react-query';
import { apiRequest } from './http';
import type { Page, Workflow } from './types';

/** The user's workflows (first 100), shared by pages that offer a workflow picker. */
export function useWorkflowList() {
  return useQuery({
    queryKey: ['workflows', 'list'],
    queryFn: ({ signal }) => apiRequest<Page<Workflow>>('/workflows', { query: { size: 100 }, signal }),
  });
}
