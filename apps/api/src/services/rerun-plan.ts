import { buildGraph, reachableFrom, type WorkflowDefinition } from '@trellis/definition';
import type { ReusedNode } from '@trellis/workflows';

/** What a re-run asks for, as far as the plan goes. */
export interface RerunRequest {
  /** A node id, or `failed` for the node(s) that failed; absent: the whole run again. */
  fromNode?: string;
  /** Outputs replacing the recorded ones of reused nodes (edit and replay). */
  nodeOutputs?: Record<string, unknown>;
}

/** A node row of the run re-run, as the plan reads it. */
export interface RecordedNode {
  nodeId: string;
  status: string;
  output: unknown;
}

export type RerunPlan =
  { ok: true; fromNodes: string[]; reuse?: Record<string, ReusedNode> } | { ok: false; problems: Array<{ path: string; message: string }> };

/**
 * Which nodes a re-run takes from the run it re-runs: every node not downstream of the node(s) it re-runs from keeps
 * its recorded output (or its skip); the rest, and any node without a record there, run. `definition` is the version
 * the re-run runs; a node it needs that this version lacks is a problem.
 */
export function planRerun(definition: WorkflowDefinition, recorded: RecordedNode[], request: RerunRequest): RerunPlan {
  const problems: Array<{ path: string; message: string }> = [];
  const ids = new Set(definition.nodes.map((n) => n.id));
  if (request.fromNode === undefined) {
    if (request.nodeOutputs && Object.keys(request.nodeOutputs).length > 0) {
      return { ok: false, problems: [{ path: 'node_outputs', message: 'node_outputs needs from_node: a whole re-run reuses no node' }] };
    }
    return { ok: true, fromNodes: [] };
  }
  const fromNodes = request.fromNode === 'failed' ? recorded.filter((n) => n.status === 'failed').map((n) => n.nodeId) : [request.fromNode];
  if (fromNodes.length === 0) problems.push({ path: 'from_node', message: 'the execution has no failed node' });
  for (const id of fromNodes)
    if (!ids.has(id)) problems.push({ path: 'from_node', message: `the workflow version run has no node "${id}"` });
  if (problems.length > 0) return { ok: false, problems };

  const graph = buildGraph(definition);
  const rerun = new Set(fromNodes.flatMap((id) => [...reachableFrom(graph, id)]));
  const byId = new Map(recorded.map((n) => [n.nodeId, n]));
  const reuse: Record<string, ReusedNode> = {};
  for (const { id } of definition.nodes) {
    const record = byId.get(id);
    if (rerun.has(id) || !record) continue;
    if (record.status === 'completed') reuse[id] = { status: 'completed', output: record.output };
    else if (record.status === 'skipped') reuse[id] = { status: 'skipped' };
  }
  for (const [id, output] of Object.entries(request.nodeOutputs ?? {})) {
    if (!ids.has(id)) problems.push({ path: `node_outputs.${id}`, message: `the workflow version run has no node "${id}"` });
    else if (reuse[id]?.status !== 'completed')
      problems.push({
        path: `node_outputs.${id}`,
        message: `node "${id}" is not reused by this re-run (it runs again, or it did not complete)`,
      });
    else reuse[id] = { status: 'completed', output };
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, fromNodes, reuse };
}
