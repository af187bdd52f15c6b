import type { ReactElement } from 'react';
import { describeError } from '../../api/http';
import type { ControlAction, ExecutionStatus } from '../../api/types';
import { isLive } from '../../lib/format';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { IconBan, IconPause, IconPlay, IconStop } from '../../ui/icons';
import { ACTIONS, isActionAllowed, useControlRun } from './run-actions';

const LOOK: Record<ControlAction, { label: string; icon: () => ReactElement; className: string; hint: string }> = {
  pause: { label: 'Pause', icon: () => <IconPause />, className: 'button', hint: 'Nodes in flight finish; nothing new starts' },
  resume: { label: 'Resume', icon: () => <IconPlay />, className: 'button button-primary', hint: 'Carry on from where the run paused' },
  stop: {
    label: 'Stop',
    icon: () => <IconStop />,
    className: 'button button-danger',
    hint: 'End the run gracefully after the nodes in flight',
  },
  cancel: {
    label: 'Cancel',
    icon: () => <IconBan />,
    className: 'button button-danger',
    hint: 'Cancel the run now (Temporal cancellation)',
  },
};

/**
 * Pause, resume, stop and cancel while the run is live, each enabled only when the transition is allowed; a refusal
 * shows the API's message.
 */
export function RunControls({ id, status }: { id: string; status: ExecutionStatus }) {
  const control = useControlRun(id);
  return (
    <div className="stack run-controls-wrap">
      {/* A finished run can no longer be paused, resumed, stopped or cancelled: no buttons to grey out (a refusal's
          message stays). */}
      {isLive(status) && (
        <div className="row run-controls" role="group" aria-label="Run controls">
          {ACTIONS.map((action) => {
            const look = LOOK[action];
            const allowed = isActionAllowed(status, action);
            return (
              <button
                key={action}
                type="button"
                className={`${look.className} button-small`}
                disabled={!allowed || control.isPending}
                title={allowed ? look.hint : `Not possible while the run is ${status.replace('_', ' ')}`}
                onClick={() => control.mutate(action)}
              >
                {look.icon()}
                {look.label}
              </button>
            );
          })}
        </div>
      )}
      {control.isError && <ErrorNotice error={control.error} title={`Could not ${control.variables ?? 'do that'}`} />}
      {control.isSuccess && (
        <p className="muted small" role="status">
          {control.data.message}
        </p>
      )}
      <span className="visually-hidden" aria-live="polite">
        {control.isError ? describeError(control.error) : ''}
      </span>
    </div>
  );
}
