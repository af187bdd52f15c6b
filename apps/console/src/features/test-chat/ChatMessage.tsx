import { Link } from 'react-router-dom';
import type { TestMessage } from '../../api/types';
import { formatDuration, formatTime } from '../../lib/format';
import { IconAlert, IconCheck, IconHand, IconX } from '../../ui/icons';
import { NodeDetails } from './NodeDetails';

/** One message; an assistant reply carries its meta: success, duration, error, hand-over flag, node details. */
export function ChatMessage({ message }: { message: TestMessage }) {
  const meta = message.meta;
  return (
    <li className="chat-message" data-role={message.role} data-success={meta ? String(meta.success) : undefined}>
      <div className="chat-role">
        {message.role === 'user' ? 'You' : 'Workflow'} <span className="muted">· {formatTime(message.timestamp)}</span>
      </div>
      <div className="chat-bubble">
        {message.content ||
          (meta && !meta.success ? <em className="muted">No reply: the run failed.</em> : <em className="muted">(empty reply)</em>)}
      </div>
      {meta && (
        <div className="chat-meta">
          <div className="row chat-meta-row">
            <span className={`chip ${meta.success ? 'chip-success' : 'chip-error'}`}>
              {meta.success ? <IconCheck /> : <IconX />}
              {meta.success ? 'Success' : 'Failed'}
            </span>
            <span className="chip">{formatDuration(meta.durationMs)}</span>
            {meta.needHumanTransfer && (
              <span className="chip chip-warning">
                <IconHand /> Needs a human
              </span>
            )}
            <Link to={`/runs/${encodeURIComponent(meta.executionId)}`} className="small">
              Open run
            </Link>
          </div>
          {meta.errorMessage && (
            <p className="chat-error" role="alert">
              <IconAlert /> {meta.errorMessage}
            </p>
          )}
          {meta.nodeDetails.length > 0 && <NodeDetails nodes={meta.nodeDetails} />}
        </div>
      )}
    </li>
  );
}
