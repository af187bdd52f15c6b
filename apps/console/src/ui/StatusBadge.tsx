import type { ReactElement } from 'react';
import { IconBan, IconCheck, IconClock, IconHand, IconPause, IconSkip, IconSpinner, IconStop, IconX } from './icons';

const ICONS: Record<string, () => ReactElement> = {
  pending: () => <IconClock />,
  running: () => <IconSpinner />,
  waiting: () => <IconHand />,
  paused: () => <IconPause />,
  completed: () => <IconCheck />,
  failed: () => <IconX />,
  timed_out: () => <IconClock />,
  terminated: () => <IconX />,
  stopped: () => <IconStop />,
  cancelled: () => <IconBan />,
  skipped: () => <IconSkip />,
};

/** The label shown for a status (`timed_out` → "timed out"). */
export function statusLabel(status: string): string {
  return status.replace(/_/g, ' ');
}

/** A run's or node's status as text, icon and colour together. */
export function StatusBadge({ status, label }: { status: string; label?: string }) {
  return (
    <span className="badge" data-status={status}>
      {(ICONS[status] ?? ICONS.pending!)()}
      {label ?? statusLabel(status)}
    </span>
  );
}
