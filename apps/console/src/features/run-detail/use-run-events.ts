import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { openLiveSocket, type LiveState } from '../../api/socket';
import type { ExecutionDetail, ExecutionEvent, TokenMessage } from '../../api/types';
import { executionStatusOf } from '@trellis/client/src/event-status';
import { isLive } from '../../lib/format';
import { runKeys } from './use-run';

/** Live LLM output per node: the latest attempt's deltas by index. */
export type NodeTokens = Record<string, { attempt: number; parts: string[] }>;

/**
 * Follows `/ws/<id>?since=<last seq>` until the run's terminal event, reconnecting on its own and resuming after
 * the last seq seen (so nothing is missed or repeated). Events land in the query cache in small batches; the run,
 * its node records, timeline and logs are refreshed from them.
 */
export function useRunEvents(id: string, enabled: boolean): LiveState {
  const queryClient = useQueryClient();
  const [state, setState] = useState<LiveState>('connecting');
  useEffect(() => {
    if (!enabled) return;
    let lastSeq = queryClient.getQueryData<ExecutionEvent[]>(runKeys.events(id))?.at(-1)?.seq ?? 0;
    let ended = false;
    let queued: ExecutionEvent[] = [];
    let tokens: TokenMessage[] = [];
    let flushTimer: ReturnType<typeof setTimeout> | undefined;
    let refreshTimer: ReturnType<typeof setTimeout> | undefined;

    const refresh = (delayMs: number) => {
      clearTimeout(refreshTimer);
      refreshTimer = setTimeout(() => {
        void queryClient.invalidateQueries({ queryKey: runKeys.nodes(id) });
        void queryClient.invalidateQueries({ queryKey: runKeys.history(id) });
        void queryClient.invalidateQueries({ queryKey: [...runKeys.run(id), 'logs'] });
      }, delayMs);
    };
    const flush = () => {
      flushTimer = undefined;
      const batch = queued;
      const tokenBatch = tokens;
      queued = [];
      tokens = [];
      if (tokenBatch.length) queryClient.setQueryData<NodeTokens>(runKeys.tokens(id), (old = {}) => applyTokens(old, tokenBatch));
      if (!batch.length) return;
      queryClient.setQueryData<ExecutionEvent[]>(runKeys.events(id), (old = []) => [...old, ...batch]);
      applyRunStatus(queryClient, id, batch);
      if (batch.some((e) => e.type.startsWith('node.'))) refresh(250);
    };
    const schedule = () => {
      flushTimer ??= setTimeout(flush, 60);
    };

    const close = openLiveSocket({
      path: () => `/ws/${encodeURIComponent(id)}?since=${lastSeq}`,
      done: () => ended,
      onStateChange: (next) => setState(ended ? 'closed' : next),
      onMessage: (message) => {
        const m = message as { type?: string; seq?: number; status?: ExecutionEvent['status'] };
        if (m.type === 'node.token') {
          tokens.push(message as TokenMessage);
          return schedule();
        }
        if (typeof m.seq !== 'number' || m.seq <= lastSeq) return; // the hello, or a repeat after a reconnect
        lastSeq = m.seq;
        queued.push(message as ExecutionEvent);
        schedule();
        if (m.type?.startsWith('execution.') && m.status && !isLive(m.status)) {
          ended = true;
          clearTimeout(flushTimer);
          flush();
          void queryClient.invalidateQueries({ queryKey: runKeys.run(id) });
          refresh(0);
          close();
          setState('closed');
        }
      },
    });
    return () => {
      close();
      clearTimeout(flushTimer);
      clearTimeout(refreshTimer);
    };
  }, [id, enabled, queryClient]);
  return state;
}

function applyTokens(old: NodeTokens, messages: TokenMessage[]): NodeTokens {
  const next = { ...old };
  for (const m of messages) {
    const current = next[m.node_id];
    if (current && current.attempt > m.attempt) continue;
    const parts = current && current.attempt === m.attempt ? [...current.parts] : [];
    parts[m.index] = m.delta;
    next[m.node_id] = { attempt: m.attempt, parts };
  }
  return next;
}

/** The run's status and current nodes follow the events without a reload. */
function applyRunStatus(queryClient: QueryClient, id: string, batch: ExecutionEvent[]): void {
  queryClient.setQueryData<ExecutionDetail>(runKeys.run(id), (run) => {
    if (!run) return run;
    let next = run;
    for (const event of batch) {
      const status = executionStatusOf(event);
      if (status) {
        next = { ...next, status, started_at: next.started_at ?? (event.type === 'execution.started' ? event.timestamp : null) };
      } else if (event.node_id && event.type === 'node.started') {
        next = { ...next, current_nodes: [...new Set([...next.current_nodes, event.node_id])] };
      } else if (event.node_id && ['node.completed', 'node.failed', 'node.skipped'].includes(event.type)) {
        next = { ...next, current_nodes: next.current_nodes.filter((n) => n !== event.node_id) };
      }
    }
    return next;
  });
}
