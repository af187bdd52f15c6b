import type { NodeDefinition } from '@trellis/definition/pure';
import type { GraphState } from './graph-state';

// What a person opening a run in the Temporal Web UI reads: the user's nodes rather than activity names.

const MAX_SUMMARY_CHARS = 200;

/** A node's activity summary, e.g. `llm ask`. */
export function nodeSummary(node: NodeDefinition): string {
  return clip(`${node.type} ${node.id}`);
}

/** The summary of a chain of cheap nodes run as one local activity, e.g. `chain in → greet → out`. */
export function chainSummary(nodes: NodeDefinition[]): string {
  return clip(`chain ${nodes.map((node) => node.id).join(' → ')}`);
}

/** The run's current details (markdown): its status, the nodes in flight and how far it has come. */
export function runDetails(state: GraphState, status: string): string {
  const running = state.idsWith('running').map((id) => `\`${state.graph.nodes.get(id)?.type ?? 'node'} ${id}\``);
  const parts = [`**${status}**`];
  if (running.length > 0) parts.push(`${status === 'waiting' ? 'in flight or waiting' : 'running'}: ${running.join(', ')}`);
  parts.push(`${state.settledCount}/${state.total} nodes settled`);
  return parts.join(' · ');
}

const clip = (text: string) => (text.length <= MAX_SUMMARY_CHARS ? text : `${text.slice(0, MAX_SUMMARY_CHARS - 1)}…`);
