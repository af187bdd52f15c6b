import type { ApiError } from '../../api/http';
import { formatDateTime } from '../../lib/format';

const HEADLINE: Record<string, string> = {
  HUMAN_ALREADY_ANSWERED: 'Someone answered first',
  HUMAN_WAIT_EXPIRED: 'This wait has expired',
  HUMAN_WAIT_CLOSED: 'This wait is closed',
  HUMAN_NOT_WAITING: 'This node is not waiting',
};

/** A 409 from answering, said plainly: who answered first and when, or that the wait expired or closed. */
export function ClosedWaitNotice({ error }: { error: ApiError }) {
  const details = (error.details ?? {}) as { answered_by?: unknown; answered_at?: unknown };
  const who = typeof details.answered_by === 'string' ? details.answered_by : null;
  const when = typeof details.answered_at === 'string' ? details.answered_at : null;
  return (
    <div className="notice notice-warning" role="alert">
      <strong>{HEADLINE[error.code] ?? 'The answer was refused'}. </strong>
      {who ? `${who} answered it${when ? ` at ${formatDateTime(when)}` : ''}; your answer was not recorded.` : error.message}{' '}
      <code className="error-code">{error.code}</code>
    </div>
  );
}
