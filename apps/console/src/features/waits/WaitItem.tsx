import { useState } from 'react';
import { Link } from 'react-router-dom';
import { formatDateTime, formatRelative, shortId } from '../../lib/format';
import { StatusBadge } from '../../ui/StatusBadge';
import { AnswerForm } from './AnswerForm';
import type { Wait } from './wait-types';
import { formatUntil } from './wait-times';

/** A wait's status shown with the run statuses' colours and icons, under its own word. */
const BADGE: Record<Wait['status'], string> = { open: 'waiting', answered: 'completed', expired: 'timed_out', cancelled: 'cancelled' };

/** One wait: its prompt, workflow, node and run, when it was asked and until when; open ones can be answered here. */
export function WaitItem({ wait, workflowName, now }: { wait: Wait; workflowName: string | undefined; now: number }) {
  const [answering, setAnswering] = useState(false);
  const formId = `answer-${wait.execution_id}-${wait.node_id}`;
  return (
    <li className="wait-item" data-wait-status={wait.status} data-execution-id={wait.execution_id} data-node-id={wait.node_id}>
      <div className="wait-item-head">
        <div className="wait-item-main">
          <p className="wait-prompt">{wait.prompt}</p>
          <p className="wait-meta small">
            <span className="wait-workflow" title={wait.workflow_id}>
              {workflowName ?? shortId(wait.workflow_id)}
            </span>
            <span className="muted" aria-hidden="true">
              ·
            </span>
            <span className="muted">
              node <span className="mono">{wait.node_id}</span>
            </span>
            <span className="muted" aria-hidden="true">
              ·
            </span>
            <Link to={`/runs/${encodeURIComponent(wait.execution_id)}`} aria-label={`Open run ${wait.execution_id}`}>
              run <span className="mono">{shortId(wait.execution_id)}</span>
            </Link>
          </p>
          <p className="muted small">
            <span title={formatDateTime(wait.created_at)}>Asked {formatRelative(wait.created_at, now)}</span>
            {' · '}
            {wait.status === 'answered' ? (
              <span title={formatDateTime(wait.answered_at)}>
                answered by <strong>{wait.answered_by ?? 'its default'}</strong> {formatRelative(wait.answered_at, now)}
              </span>
            ) : wait.status === 'open' ? (
              <span title={formatDateTime(wait.expires_at)}>expires {formatUntil(wait.expires_at, now)}</span>
            ) : (
              <span>
                {wait.status === 'expired' ? 'expired' : 'closed'} {formatDateTime(wait.expires_at)}
              </span>
            )}
          </p>
        </div>
        <div className="wait-item-side">
          <StatusBadge status={BADGE[wait.status]} label={wait.status} />
          {wait.status === 'open' && (
            <button
              type="button"
              className="button button-small"
              aria-expanded={answering}
              aria-controls={formId}
              onClick={() => setAnswering((open) => !open)}
            >
              {answering ? 'Hide form' : 'Answer'}
            </button>
          )}
        </div>
      </div>
      {answering && wait.status === 'open' && (
        <div id={formId} className="wait-item-answer">
          <AnswerForm executionId={wait.execution_id} nodeId={wait.node_id} form={wait.form} />
        </div>
      )}
    </li>
  );
}
