import { useQueryClient, type InfiniteData, type QueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { apiRequest } from '../../api/http';
import { openLiveSocket, type LiveState } from '../../api/socket';
import type { Execution, ExecutionEvent, ExecutionPage } from '../../api/types';
import { executionStatusOf } from '@trellis/client/src/event-status';
import { isLive } from '../../lib/format';

type RunsData = InfiniteData<ExecutionPage, string | undefined>;

/**
 * Follows `/ws` (every run of the user) and updates the cached runs lists in place: statuses and current
 * nodes change as events arrive; a run not in the list yet makes the list reload (debounced). Opens once the
 * first page loaded, so a token the API refuses never reaches the socket.
 */
export function useLiveRuns(enabled: boolean): LiveState {
  const queryClient = useQueryClient();
  const [state, setState] = useState<LiveState>('connecting');
  useEffect(() => {
    if (!enabled) return;
    let reloadTimer: ReturnType<typeof setTimeout> | undefined;
    const reload = () => {
      clearTimeout(reloadTimer);
      reloadTimer = setTimeout(() => void queryClient.invalidateQueries({ queryKey: ['runs'] }), 400);
    };
    const close = openLiveSocket({
      path: () => '/ws',
      onStateChange: setState,
      onMessage: (message) => {
        const event = message as ExecutionEvent;
        if (typeof event.seq !== 'number' || !event.execution_id) return;
        if (!patchRun(queryClient, event)) return reload();
        if (event.type.startsWith('execution.') && event.status && !isLive(event.status)) void refreshRun(queryClient, event.execution_id);
      },
    });
    return () => {
      clearTimeout(reloadTimer);
      close();
    };
  }, [queryClient, enabled]);
  return state;
}

/** Applies one event to every cached list holding the run; false when no list holds it. */
function patchRun(queryClient: QueryClient, event: ExecutionEvent): boolean {
  let found = false;
  queryClient.setQueriesData<RunsData>({ queryKey: ['runs'] }, (data) => {
    if (!data) return data;
    let changed = false;
    const pages = data.pages.map((page) => {
      if (!page.items.some((run) => run.id === event.execution_id)) return page;
      found = changed = true;
      return { ...page, items: page.items.map((run) => (run.id === event.execution_id ? applyEvent(run, event) : run)) };
    });
    return changed ? { ...data, pages } : data;
  });
  return found;
}

function applyEvent(run: Execution, event: ExecutionEvent): Execution {
  const status = executionStatusOf(event);
  if (status) {
    return {
      ...run,
      status,
      started_at: run.started_at ?? (event.type === 'execution.started' ? event.timestamp : null),
      current_nodes: isLive(status) ? run.current_nodes : [],
    };
  }
  if (!event.node_id) return run;
  if (event.type === 'node.started') return { ...run, current_nodes: [...new Set([...run.current_nodes, event.node_id])] };
  if (['node.completed', 'node.failed', 'node.skipped'].includes(event.type)) {
    return { ...run, current_nodes: run.current_nodes.filter((id) => id !== event.node_id) };
  }
  return run;
}

/** A finished run's final row (duration, tokens, error) replaces the cached one. */
async function refreshRun(queryClient: QueryClient, id: string): Promise<void> {
  const fresh = await apiRequest<Execution>(`/executions/${encodeURIComponent(id)}`).catch(() => undefined);
  if (!fresh) return;
  queryClient.setQueriesData<RunsData>(
    { queryKey: ['runs'] },
    (data) =>
      data && {
        ...data,
        pages: data.pages.map((page) => ({
          ...page,
          items: page.items.map((run) => (run.id === id ? { ...run, ...withoutNodes(fresh) } : run)),
        })),
      },
  );
}

function withoutNodes(run: Execution & { nodes?: unknown }): Execution {
  const { nodes: _nodes, ...rest } = run;
  return rest;
}
