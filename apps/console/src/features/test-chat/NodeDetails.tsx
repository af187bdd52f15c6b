import type { TestNodeDetail } from '../../api/types';
import { formatDuration } from '../../lib/format';
import { StatusBadge } from '../../ui/StatusBadge';

/** Shows text as pretty JSON when it is JSON. */
function pretty(text: string | null): string {
  if (text === null) return '—';
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** What each node did in one turn: type, success, duration; input and output on expanding. */
export function NodeDetails({ nodes }: { nodes: TestNodeDetail[] }) {
  return (
    <details className="node-details">
      <summary>Node details ({nodes.length})</summary>
      <ul>
        {nodes.map((node) => (
          <li key={node.nodeId}>
            <details className="node-detail" data-node-id={node.nodeId}>
              <summary>
                <span className="mono node-detail-id">{node.nodeId}</span>
                <span className="muted small">{node.nodeType}</span>
                <StatusBadge status={node.success ? 'completed' : 'failed'} label={node.success ? 'success' : 'failed'} />
                <span className="muted small num">{formatDuration(node.durationMs)}</span>
              </summary>
              <div className="node-detail-body">
                {node.error && (
                  <p className="notice notice-error" role="alert">
                    {node.error}
                  </p>
                )}
                <div className="label">Input</div>
                <pre className="chat-pre">{pretty(node.input)}</pre>
                <div className="label">Output</div>
                <pre className="chat-pre">{pretty(node.output)}</pre>
              </div>
            </details>
          </li>
        ))}
      </ul>
    </details>
  );
}
