import dagre from '@dagrejs/dagre';
import type { EdgeDefinition, NodeDefinition } from '../../api/types';

export const NODE_WIDTH = 196;
export const NODE_HEIGHT = 64;

/** Top-left positions for each node, laid out left to right by dagre. */
/** Nodes showing a problem are taller (`tall`). */
export const TALL_NODE_HEIGHT = 132;

export function layoutGraph(
  nodes: Pick<NodeDefinition, 'id'>[],
  edges: Pick<EdgeDefinition, 'source' | 'target'>[],
  direction: 'LR' | 'TB' = 'LR',
  tall: ReadonlySet<string> = new Set(),
): Map<string, { x: number; y: number }> {
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: direction, nodesep: 28, ranksep: 52, marginx: 16, marginy: 16 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of nodes) graph.setNode(node.id, { width: NODE_WIDTH, height: tall.has(node.id) ? TALL_NODE_HEIGHT : NODE_HEIGHT });
  for (const edge of edges) if (graph.hasNode(edge.source) && graph.hasNode(edge.target)) graph.setEdge(edge.source, edge.target);
  dagre.layout(graph);
  const positions = new Map<string, { x: number; y: number }>();
  for (const node of nodes) {
    const placed = graph.node(node.id);
    positions.set(node.id, {
      x: (placed?.x ?? 0) - NODE_WIDTH / 2,
      y: (placed?.y ?? 0) - (tall.has(node.id) ? TALL_NODE_HEIGHT : NODE_HEIGHT) / 2,
    });
  }
  return positions;
}
