import type { EdgeDefinition, NodeDefinition, WorkflowDefinition } from './definition';

/** Adjacency view of a definition; built once per run, read by validation and the workflow. */
export interface Graph {
  nodes: ReadonlyMap<string, NodeDefinition>;
  incoming: ReadonlyMap<string, readonly EdgeDefinition[]>;
  outgoing: ReadonlyMap<string, readonly EdgeDefinition[]>;
}

/** Edges naming a missing node are left out; validation reports them. */
export function buildGraph(definition: Pick<WorkflowDefinition, 'nodes' | 'edges'>): Graph {
  const nodes = new Map<string, NodeDefinition>();
  for (const node of definition.nodes) if (!nodes.has(node.id)) nodes.set(node.id, node);
  const incoming = new Map<string, EdgeDefinition[]>();
  const outgoing = new Map<string, EdgeDefinition[]>();
  for (const id of nodes.keys()) {
    incoming.set(id, []);
    outgoing.set(id, []);
  }
  for (const edge of definition.edges) {
    if (!nodes.has(edge.source) || !nodes.has(edge.target)) continue;
    outgoing.get(edge.source)!.push(edge);
    incoming.get(edge.target)!.push(edge);
  }
  return { nodes, incoming, outgoing };
}

/** Ids of the nodes reachable from `start` (including it), following edges forward. */
export function reachableFrom(graph: Graph, start: string): Set<string> {
  const seen = new Set<string>([start]);
  const stack = [start];
  while (stack.length > 0) {
    const id = stack.pop()!;
    for (const edge of graph.outgoing.get(id) ?? []) {
      if (!seen.has(edge.target)) {
        seen.add(edge.target);
        stack.push(edge.target);
      }
    }
  }
  return seen;
}

/** Every cycle's node ids (one list per strongly connected component that loops), empty when acyclic. */
export function findCycles(graph: Graph): string[][] {
  // Tarjan's SCC, iterative so a 10k-node chain cannot overflow the stack.
  let index = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  for (const root of graph.nodes.keys()) {
    if (indexOf.has(root)) continue;
    const work: Array<{ id: string; next: number }> = [{ id: root, next: 0 }];
    indexOf.set(root, index);
    low.set(root, index++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const edges = graph.outgoing.get(frame.id) ?? [];
      if (frame.next < edges.length) {
        const target = edges[frame.next++]!.target;
        if (!indexOf.has(target)) {
          indexOf.set(target, index);
          low.set(target, index++);
          stack.push(target);
          onStack.add(target);
          work.push({ id: target, next: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.id, Math.min(low.get(frame.id)!, indexOf.get(target)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!));
      if (low.get(frame.id) === indexOf.get(frame.id)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.id);
        const selfLoop = (graph.outgoing.get(frame.id) ?? []).some((e) => e.target === frame.id);
        if (component.length > 1 || selfLoop) cycles.push(component.reverse());
      }
    }
  }
  return cycles;
}
