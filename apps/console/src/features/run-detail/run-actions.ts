import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CONTROL_ACTIONS, EXECUTION_TRANSITIONS } from '@trellis/definition/pure';
import { ApiError, apiRequest } from '../../api/http';
import type { ControlAction, ControlResult, ExecutionDetail, ExecutionStatus } from '../../api/types';
import { isLive } from '../../lib/format';
import { runKeys } from './use-run';

export const ACTIONS: ControlAction[] = ['pause', 'resume', 'stop', 'cancel'];

/** Whether the platform's transition table allows `action` now (resume only from a pause). */
export function isActionAllowed(status: ExecutionStatus, action: ControlAction): boolean {
  if (action === 'resume') return status === 'paused';
  return EXECUTION_TRANSITIONS[status].includes(CONTROL_ACTIONS[action]);
}

/** Pause, resume, stop or cancel; the answer (or, on a 409, a fresh read) updates the run. */
export function useControlRun(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: ControlAction) => apiRequest<ControlResult>(`/executions/${encodeURIComponent(id)}/${action}`, { method: 'POST' }),
    onSuccess: (result) => {
      const { message: _message, ...execution } = result;
      // A terminal status the live events already delivered is never replaced by an older answer.
      queryClient.setQueryData<ExecutionDetail>(runKeys.run(id), (old) =>
        old && !isLive(old.status) ? old : old ? { ...old, ...execution } : old,
      );
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) void queryClient.invalidateQueries({ queryKey: runKeys.run(id), exact: true });
    },
  });
}
