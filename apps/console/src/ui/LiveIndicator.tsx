import type { LiveState } from '../api/socket';

const TEXT: Record<LiveState, string> = { connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…', closed: 'Not live' };

/** Whether the page is receiving live events. */
export function LiveIndicator({ state }: { state: LiveState }) {
  return (
    <span className="live-indicator" data-state={state} role="status" aria-live="polite">
      <span className="live-dot" aria-hidden="true" />
      {TEXT[state]}
    </span>
  );
}
