import {
  buildGraph,
  type EdgeDefinition,
  type Graph,
  type NodeDefinition,
  type NodeStatus,
  type WorkflowDefinition,
} from '@trellis/definition/pure';

/**
 * Which nodes of one run are pending, running, done or skipped, and which may start next.
 * Pure and deterministic, so the workflow can own it and unit tests can drive it.
 */
export class GraphState {
  readonly graph: Graph;
  private readonly status = new Map<string, NodeStatus>();
  private readonly branch = new Map<string, 'true' | 'false'>();

  constructor(definition: Pick<WorkflowDefinition, 'nodes' | 'edges'>) {
    this.graph = buildGraph(definition);
    for (const id of this.graph.nodes.keys()) this.status.set(id, 'pending');
  }

  get total(): number {
    return this.graph.nodes.size;
  }

  statusOf(id: string): NodeStatus {
    return this.status.get(id) ?? 'pending';
  }

  idsWith(status: NodeStatus): string[] {
    return [...this.status].filter(([, s]) => s === status).map(([id]) => id);
  }

  /** Finished or skipped nodes: what progress counts. */
  get settledCount(): number {
    let n = 0;
    for (const s of this.status.values()) if (s === 'completed' || s === 'skipped') n++;
    return n;
  }

  markRunning(id: string): void {
    this.status.set(id, 'running');
  }

  markCompleted(id: string, branch?: 'true' | 'false'): void {
    this.status.set(id, 'completed');
    if (branch) this.branch.set(id, branch);
  }

  /** A node settled without running (a re-run's reused skip). */
  markSkipped(id: string): void {
    this.status.set(id, 'skipped');
  }

  markFailed(id: string): void {
    this.status.set(id, 'failed');
  }

  /**
   * Resolves what can be resolved now: nodes whose incoming edges are all resolved start if at least
   * one edge was taken, and are skipped otherwise (skipping propagates). Returns both lists.
   */
  advance(): { ready: string[]; skipped: string[] } {
    const ready: string[] = [];
    const skipped: string[] = [];
    let changed = true;
    while (changed) {
      changed = false;
      for (const [id, status] of this.status) {
        if (status !== 'pending') continue;
        const incoming = this.graph.incoming.get(id) ?? [];
        if (!incoming.every((edge) => this.isResolved(edge))) continue;
        if (incoming.length === 0 || incoming.some((edge) => this.isTaken(edge))) {
          ready.push(id);
          this.status.set(id, 'running');
        } else {
          skipped.push(id);
          this.status.set(id, 'skipped');
          changed = true;
        }
      }
    }
    return { ready, skipped };
  }

  /** Ids of the predecessors whose edge into `id` was taken, in definition order. */
  takenPredecessors(id: string): string[] {
    return (this.graph.incoming.get(id) ?? []).filter((edge) => this.isTaken(edge)).map((edge) => edge.source);
  }

  /**
   * The straight run of nodes starting at `id` that can execute back to back in one step: each next node is
   * the only target of the previous one's only (unconditional) edge, has no other incoming edge, and passes
   * `fits`. Nothing can happen between two of them that the graph could observe, so they may run as one unit.
   */
  chainFrom(id: string, fits: (node: NodeDefinition) => boolean, maxLength: number): string[] {
    const chain = [id];
    let current = id;
    while (chain.length < maxLength) {
      const out = this.graph.outgoing.get(current) ?? [];
      if (out.length !== 1 || out[0]!.branch !== undefined) break;
      const next = out[0]!.target;
      if ((this.graph.incoming.get(next) ?? []).length !== 1 || !fits(this.graph.nodes.get(next)!)) break;
      chain.push(next);
      current = next;
    }
    return chain;
  }

  /** Every node `id` depends on, transitively: the outputs its expressions may read. */
  ancestors(id: string): Set<string> {
    const seen = new Set<string>();
    const stack = [id];
    while (stack.length > 0) {
      for (const edge of this.graph.incoming.get(stack.pop()!) ?? []) {
        if (!seen.has(edge.source)) {
          seen.add(edge.source);
          stack.push(edge.source);
        }
      }
    }
    return seen;
  }

  private isResolved(edge: EdgeDefinition): boolean {
    const source = this.statusOf(edge.source);
    return source === 'completed' || source === 'skipped' || source === 'failed';
  }

  private isTaken(edge: EdgeDefinition): boolean {
    if (this.statusOf(edge.source) !== 'completed') return false;
    return edge.branch === undefined || this.branch.get(edge.source) === edge.branch;
  }
}
