import { Background, Controls, Handle, Position, ReactFlow, type Edge, type Node, type NodeChange, type NodeProps } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { memo, useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { EdgeDefinition, NodeDefinition } from '../../api/types';
import { StatusBadge } from '../StatusBadge';
import { layoutGraph, NODE_HEIGHT, NODE_WIDTH } from './layout';
import './graph.css';

/** What the graph shows for one node: its state (coloured and labelled) and any problems found in it. */
export interface GraphNodeView {
  state?: string;
  stateLabel?: string;
  problems?: string[];
}

interface GraphNodeData extends Record<string, unknown> {
  definition: Pick<NodeDefinition, 'id' | 'type' | 'name'>;
  view: GraphNodeView;
  selected: boolean;
  onSelect?: (id: string) => void;
  direction: 'LR' | 'TB';
}

type GraphNode = Node<GraphNodeData, 'trellis'>;

const TYPE_LABEL: Record<string, string> = {
  input: 'Input',
  llm: 'LLM',
  condition: 'Condition',
  transform: 'Transform',
  output: 'Output',
  human: 'Human',
};

/** One node: a button (keyboard-selectable) with its id, type and state. */
const TrellisNode = memo(function TrellisNode({ data }: NodeProps<GraphNode>) {
  const { definition, view, selected, onSelect } = data;
  const label = `${definition.name ?? definition.id} (${TYPE_LABEL[definition.type] ?? definition.type})${view.state ? `, ${view.stateLabel ?? view.state}` : ''}${view.problems?.length ? `, ${view.problems.length} problem${view.problems.length > 1 ? 's' : ''}` : ''}`;
  return (
    <div
      className="graph-node"
      data-state={view.state ?? 'none'}
      data-selected={selected}
      data-has-problems={view.problems?.length ? true : undefined}
      data-node-id={definition.id}
    >
      <Handle type="target" position={data.direction === 'TB' ? Position.Top : Position.Left} isConnectable={false} />
      <button
        type="button"
        className="graph-node-button nodrag"
        onClick={() => onSelect?.(definition.id)}
        aria-pressed={selected}
        aria-label={`Node ${label}`}
        disabled={!onSelect}
      >
        <span className="graph-node-top">
          <span className="graph-node-type" data-type={definition.type}>
            {TYPE_LABEL[definition.type] ?? definition.type}
          </span>
          {view.state && <StatusBadge status={view.state} label={view.stateLabel} />}
        </span>
        <span className="graph-node-id truncate">{definition.name ?? definition.id}</span>
      </button>
      {view.problems?.length ? (
        <span className="graph-node-problem" role="note" title={view.problems.join('\n')}>
          {view.problems[0]}
        </span>
      ) : null}
      <Handle type="source" position={data.direction === 'TB' ? Position.Bottom : Position.Right} isConnectable={false} />
    </div>
  );
});

const NODE_TYPES = { trellis: TrellisNode };

/** A workflow graph laid out automatically (dagre) and drawn by React Flow; nodes show their state. */
export default function WorkflowGraph({
  nodes,
  edges,
  views = {},
  selectedId,
  onSelect,
  label,
  direction = 'LR',
}: {
  nodes: Pick<NodeDefinition, 'id' | 'type' | 'name'>[];
  edges: EdgeDefinition[];
  views?: Record<string, GraphNodeView>;
  selectedId?: string | null;
  onSelect?: (id: string) => void;
  label: string;
  /** LR (left to right) suits wide panes, TB (top to bottom) tall ones; `auto` picks the one drawn larger. */
  direction?: 'LR' | 'TB' | 'auto';
}) {
  const box = useRef<HTMLDivElement>(null);
  const size = useElementSize(box);
  const chosen = useSettledDirection(direction, nodes, edges, size);
  const tall = useMemo(
    () =>
      new Set(
        Object.entries(views)
          .filter(([, v]) => v.problems?.length)
          .map(([id]) => id),
      ),
    [views],
  );
  const positions = useMemo(() => layoutGraph(nodes, edges, chosen, tall), [nodes, edges, chosen, tall]);
  // A new set of nodes is laid out and fitted afresh (React Flow fits the view once, on mount).
  const shape = `${chosen}:${nodes.map((n) => n.id).join('|')}:${[...tall].join('|')}`;
  // Each node's size as React Flow last measured it, handed back with every new node object: a node object without
  // it counts as unmeasured (hidden until measured again), and a measurement batched with the next live update was
  // lost, leaving nodes hidden for good.
  const [measured] = useState(() => new Map<string, { width: number; height: number }>());
  const onNodesChange = useCallback(
    (changes: NodeChange<GraphNode>[]) => {
      for (const change of changes) if (change.type === 'dimensions' && change.dimensions) measured.set(change.id, change.dimensions);
    },
    [measured],
  );
  const flowNodes = useMemo<GraphNode[]>(
    () =>
      nodes.map((node) => ({
        id: node.id,
        type: 'trellis',
        position: positions.get(node.id) ?? { x: 0, y: 0 },
        measured: measured.get(node.id),
        data: { definition: node, view: views[node.id] ?? {}, selected: node.id === selectedId, onSelect, direction: chosen },
        draggable: false,
        selectable: false,
      })),
    [nodes, positions, views, selectedId, onSelect, chosen, measured],
  );
  const flowEdges = useMemo<Edge[]>(
    () =>
      edges.map((edge, index) => {
        const state = views[edge.source]?.state;
        const taken =
          state === 'completed' &&
          views[edge.target]?.state &&
          views[edge.target]?.state !== 'skipped' &&
          views[edge.target]?.state !== 'pending';
        return {
          id: `${edge.source}->${edge.target}#${index}`,
          source: edge.source,
          target: edge.target,
          label: edge.branch,
          animated: views[edge.target]?.state === 'running',
          className: taken ? 'edge-taken' : undefined,
        };
      }),
    [edges, views],
  );
  return (
    <div className="graph" role="group" aria-label={label} ref={box}>
      <ReactFlow
        key={shape}
        nodes={flowNodes}
        onNodesChange={onNodesChange}
        edges={flowEdges}
        nodeTypes={NODE_TYPES}
        fitView
        fitViewOptions={{ padding: 0.12, maxZoom: 1.15 }}
        minZoom={0.2}
        nodesConnectable={false}
        nodesDraggable={false}
        elementsSelectable={false}
        // Each node's own button takes the focus; the wrappers and edges would only add empty tab stops.
        nodesFocusable={false}
        edgesFocusable={false}
        onNodeClick={onSelect ? (_event, node) => onSelect(node.id) : undefined}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={20} size={1} color="#e2e5ee" />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}

/** The layout direction whose drawing fits the pane at the larger scale. */
function bestDirection(nodes: Pick<NodeDefinition, 'id'>[], edges: EdgeDefinition[], size: { width: number; height: number }): 'LR' | 'TB' {
  if (!size.width || !size.height) return 'LR';
  const scale = (direction: 'LR' | 'TB') => {
    const positions = [...layoutGraph(nodes, edges, direction).values()];
    const width = Math.max(...positions.map((p) => p.x)) - Math.min(...positions.map((p) => p.x)) + NODE_WIDTH;
    const height = Math.max(...positions.map((p) => p.y)) - Math.min(...positions.map((p) => p.y)) + NODE_HEIGHT;
    return Math.min(size.width / width, size.height / height);
  };
  return scale('TB') > scale('LR') * 1.1 ? 'TB' : 'LR';
}

/**
 * `auto` picks a direction once the pane has a size and keeps it for that set of nodes: re-picking on every
 * resize (a scrollbar appearing as the node panel grows) remounted the graph, whose nodes then stayed unmeasured
 * and invisible.
 */
function useSettledDirection(
  direction: 'LR' | 'TB' | 'auto',
  nodes: Pick<NodeDefinition, 'id'>[],
  edges: EdgeDefinition[],
  size: { width: number; height: number },
): 'LR' | 'TB' {
  const settled = useRef<{ ids: string; direction: 'LR' | 'TB' } | null>(null);
  const ids = nodes.map((n) => n.id).join('|');
  if (direction !== 'auto') return direction;
  if (settled.current?.ids === ids) return settled.current.direction;
  if (!size.width || !size.height) return 'LR';
  settled.current = { ids, direction: bestDirection(nodes, edges, size) };
  return settled.current.direction;
}

/** The element's size, kept current with a ResizeObserver. */
function useElementSize(ref: RefObject<HTMLElement | null>): { width: number; height: number } {
  const [size, setSize] = useState({ width: 0, height: 0 });
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const next = { width: Math.round(entry.contentRect.width / 40) * 40, height: Math.round(entry.contentRect.height / 40) * 40 };
      setSize((old) => (old.width === next.width && old.height === next.height ? old : next));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}
