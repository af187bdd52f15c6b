import { useState } from 'react';
import { formatTime } from '../../lib/format';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { IconSpinner } from '../../ui/icons';
import { useRunLogs } from './use-run';

/** The run's log with a level filter. */
export function LogsTab({ id }: { id: string }) {
  const [level, setLevel] = useState('');
  const logs = useRunLogs(id, level);
  return (
    <div className="stack">
      <div className="row">
        <label htmlFor="log-level">Level</label>
        <select id="log-level" className="input" style={{ width: 160 }} value={level} onChange={(e) => setLevel(e.target.value)}>
          <option value="">All levels</option>
          <option value="info">Info</option>
          <option value="warning">Warning</option>
          <option value="error">Error</option>
        </select>
      </div>
      {logs.isPending ? (
        <p className="muted loading" role="status">
          <IconSpinner /> Loading logs…
        </p>
      ) : logs.isError ? (
        <ErrorNotice error={logs.error} title="Could not load logs" onRetry={() => void logs.refetch()} />
      ) : logs.data.logs.length === 0 ? (
        <p className="muted">No {level ? `${level} ` : ''}log entries.</p>
      ) : (
        <ol className="logs" aria-label="Log entries">
          {logs.data.logs.map((entry) => (
            <li key={entry.seq} className="log-line" data-level={entry.level}>
              <span className="mono muted">{formatTime(entry.timestamp)}</span>
              <span className="log-level">{entry.level}</span>
              <span className="log-message">
                {entry.node_id && <span className="mono log-node">{entry.node_id}</span>} {entry.message}
              </span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
