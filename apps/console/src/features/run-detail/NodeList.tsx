import type { GraphNodeView } from '../../ui/graph/WorkflowGraph';
import { StatusBadge } from '../../ui/StatusBadge';

/** The nodes as a plain list: the graph's keyboard- and phone-friendly twin. */
export function NodeList({
  nodes,
  views,
  selectedId,
  onSelect,
}: {
  nodes: { id: string; type: string }[];
  views: Record<string, GraphNodeView>;
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  return (
    <ul className="node-list" aria-label="Nodes">
      {nodes.map((node) => {
        const view = views[node.id];
        return (
          <li key={node.id}>
            <button type="button" className="node-list-item" aria-pressed={node.id === selectedId} onClick={() => onSelect(node.id)}>
              <span className="mono truncate">{node.id}</span>
              <span className="muted small">{node.type}</span>
              {view?.state && <StatusBadge status={view.state} label={view.stateLabel} />}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
