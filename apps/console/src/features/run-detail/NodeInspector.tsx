import type { NodeDefinition, NodeRecord } from '../../api/types';
import { formatCount, formatDateTime, formatDuration } from '../../lib/format';
import { JsonViewer } from '../../ui/JsonViewer';
import { StatusBadge } from '../../ui/StatusBadge';
import type { GraphNodeView } from '../../ui/graph/WorkflowGraph';
import type { NodeTokens } from './use-run-events';

/** The selected node: state, duration, attempts, tokens, error, live LLM output, input and output. */
export function NodeInspector({
  nodeId,
  definition,
  record,
  view,
  tokens,
}: {
  nodeId: string;
  definition?: Pick<NodeDefinition, 'id' | 'type' | 'config'>;
  record?: NodeRecord;
  view?: GraphNodeView;
  tokens?: NodeTokens[string];
}) {
  const liveText = tokens?.parts.join('') ?? '';
  const running = view?.state === 'running';
  return (
    <section className="inspector" aria-label={`Node ${nodeId}`}>
      <header className="inspector-header">
        <div style={{ minWidth: 0 }}>
          <div className="muted small">{definition?.type ?? record?.node_type ?? 'node'}</div>
          <h2 className="truncate mono-title">{nodeId}</h2>
        </div>
        {view?.state && <StatusBadge status={view.state} label={view.stateLabel} />}
      </header>
      <dl className="facts">
        <div>
          <dt>Duration</dt>
          <dd>{formatDuration(record?.duration_ms)}</dd>
        </div>
        <div>
          <dt>Attempts</dt>
          <dd>{record?.attempts ?? '—'}</dd>
        </div>
        <div>
          <dt>Tokens</dt>
          <dd title={record?.usage ? `prompt ${record.usage.prompt_tokens}, completion ${record.usage.completion_tokens}` : undefined}>
            {formatCount(record?.usage?.total_tokens)}
          </dd>
        </div>
        <div>
          <dt>Started</dt>
          <dd>{formatDateTime(record?.started_at)}</dd>
        </div>
      </dl>
      {record?.error && (
        <div className="notice notice-error" role="alert">
          <code className="error-code">{record.error.code}</code> {record.error.message}
        </div>
      )}
      {(running || (liveText && !record?.output)) && definition?.type === 'llm' && (
        <div className="stack">
          <h3>Live output {running && <span className="typing-dots" aria-label="streaming" />}</h3>
          <pre className="live-output" aria-live="polite" aria-label="Live LLM output">
            {liveText || (running ? 'Waiting for the first token…' : '')}
          </pre>
        </div>
      )}
      <div className="stack">
        <h3>Input</h3>
        {record ? <JsonViewer value={record.input} label={`Input of ${nodeId}`} /> : <p className="muted small">Not started yet.</p>}
      </div>
      <div className="stack">
        <h3>Output</h3>
        {record?.output !== undefined && record?.output !== null ? (
          <JsonViewer value={record.output} label={`Output of ${nodeId}`} />
        ) : (
          <p className="muted small">{running ? 'Running…' : 'No output recorded.'}</p>
        )}
      </div>
      {definition?.config && Object.keys(definition.config).length > 0 && (
        <details className="config-details">
          <summary>Configuration</summary>
          <JsonViewer value={definition.config} label={`Configuration of ${nodeId}`} />
        </details>
      )}
    </section>
  );
}
