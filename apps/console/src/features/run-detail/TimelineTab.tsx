import { formatTime } from '../../lib/format';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { IconSpinner } from '../../ui/icons';
import { JsonViewer } from '../../ui/JsonViewer';
import { useRunHistory } from './use-run';

/** The merged `/history`: our events and Temporal's, in time order. */
export function TimelineTab({ id }: { id: string }) {
  const history = useRunHistory(id);
  if (history.isPending)
    return (
      <p className="muted loading" role="status">
        <IconSpinner /> Loading the timeline…
      </p>
    );
  if (history.isError)
    return <ErrorNotice error={history.error} title="Could not load the timeline" onRetry={() => void history.refetch()} />;
  return (
    <ol className="timeline" aria-label="Timeline">
      {history.data.items.map((item, index) => (
        <li key={index} className="timeline-item" data-source={item.source}>
          <span className="timeline-time mono">{formatTime(item.timestamp)}</span>
          <span className="timeline-dot" aria-hidden="true" />
          <div className="timeline-body">
            <div className="row">
              <span className="source-chip" data-source={item.source}>
                {item.source}
              </span>
              <span className="mono timeline-event">{item.event}</span>
              {item.node_id && <span className="badge badge-neutral mono">{item.node_id}</span>}
            </div>
            <div className="timeline-message">{item.message}</div>
            {item.data !== undefined && item.data !== null && (
              <details>
                <summary className="small muted">Data</summary>
                <JsonViewer value={item.data} label={`Data of ${item.event}`} />
              </details>
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}
