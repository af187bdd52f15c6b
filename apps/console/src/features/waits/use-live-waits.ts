import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { openLiveSocket, type LiveState } from '../../api/socket';
import { isLive } from '../../lib/format';
import { waitKeys } from './use-waits';

const WAIT_EVENTS = new Set(['node.waiting', 'node.answered', 'node.expired']);

/**
 * Follows `/ws` (every run of the user) and reloads the inbox when a wait opens, is answered or expires, or a run
 * ends (which closes its waits). Reloads are debounced: a burst of events is one request.
 */
export function useLiveWaits(enabled: boolean): LiveState {
  const queryClient = useQueryClient();
  const [state, setState] = useState<LiveState>('connecting');
  useEffect(() => {
    if (!enabled) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const reload = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void queryClient.invalidateQueries({ queryKey: waitKeys.all }), 300);
    };
    const close = openLiveSocket({
      path: () => '/ws',
      onStateChange: setState,
      onMessage: (message) => {
        const event = message as { type?: string; status?: string };
        if (!event.type) return;
        const runEnded = event.type.startsWith('execution.') && !!event.status && !isLive(event.status);
        if (WAIT_EVENTS.has(event.type) || runEnded) reload();
      },
    });
    return () => {
      clearTimeout(timer);
      close();
    };
  }, [queryClient, enabled]);
  return state;
}
