import { formatDateTime } from '../../lib/format';
import { useNow } from '../../lib/use-now';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { IconHand, IconSpinner } from '../../ui/icons';
import { AnswerForm } from './AnswerForm';
import { useOpenWait } from './use-waits';
import { formatUntil } from './wait-times';
import './waits.css';

/** On the run detail page: a waiting human node's prompt, deadline and answer form (nothing for other nodes). */
export function WaitAnswerPanel({
  executionId,
  nodeId,
  nodeState,
}: {
  executionId: string;
  nodeId: string;
  nodeState: string | undefined;
}) {
  const waiting = nodeState === 'waiting';
  const wait = useOpenWait(executionId, nodeId, waiting);
  const now = useNow(waiting, 15_000);
  if (!waiting) return null;
  return (
    <section className="wait-panel" aria-labelledby={`wait-title-${nodeId}`}>
      <h3 id={`wait-title-${nodeId}`} className="wait-panel-title">
        <IconHand /> Waiting for an answer
      </h3>
      {wait.isPending ? (
        <p className="loading small" role="status">
          <IconSpinner /> Loading the question…
        </p>
      ) : wait.isError ? (
        <ErrorNotice error={wait.error} title="Could not load the question" onRetry={() => void wait.refetch()} />
      ) : !wait.data ? (
        <p className="muted small">This node takes no answer right now.</p>
      ) : (
        <>
          <p className="wait-prompt">{wait.data.prompt}</p>
          <p className="muted small">
            Expires {formatUntil(wait.data.expires_at, now)} ({formatDateTime(wait.data.expires_at)})
            {wait.data.assignees.length > 0 && <> · may also answer: {wait.data.assignees.join(', ')}</>}
          </p>
          <AnswerForm key={wait.data.expires_at} executionId={executionId} nodeId={nodeId} form={wait.data.form} />
        </>
      )}
    </section>
  );
}
