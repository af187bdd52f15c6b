import type { DefinitionProblem, EdgeDefinition, NodeDefinition } from '../../api/types';
import { ApiError } from '../../api/http';

export interface ParsedDraft {
  definition?: unknown;
  parseError?: string;
  /** What can be drawn of it: nodes with an id and type, and edges between strings. */
  nodes: Pick<NodeDefinition, 'id' | 'type' | 'name'>[];
  edges: EdgeDefinition[];
}

/** Reads the editor text; a JSON syntax error is reported, and whatever is drawable is kept for the preview. */
export function parseDraft(text: string): ParsedDraft {
  let definition: unknown;
  try {
    definition = JSON.parse(text);
  } catch (error) {
    return { parseError: (error as Error).message, nodes: [], edges: [] };
  }
  const raw = (definition && typeof definition === 'object' ? definition : {}) as { nodes?: unknown; edges?: unknown };
  const nodes = (Array.isArray(raw.nodes) ? raw.nodes : [])
    .filter((n): n is NodeDefinition => !!n && typeof n === 'object' && typeof (n as NodeDefinition).id === 'string')
    .filter((n, i, all) => all.findIndex((m) => m.id === n.id) === i)
    .map((n) => ({
      id: n.id,
      type: (typeof n.type === 'string' ? n.type : '?') as NodeDefinition['type'],
      name: typeof n.name === 'string' ? n.name : undefined,
    }));
  const edges = (Array.isArray(raw.edges) ? raw.edges : []).filter(
    (e): e is EdgeDefinition =>
      !!e && typeof e === 'object' && typeof (e as EdgeDefinition).source === 'string' && typeof (e as EdgeDefinition).target === 'string',
  );
  return { definition, nodes, edges };
}

/** The definition problems of a 422 answer (each with a path into the definition), if that is what the error is. */
export function definitionProblems(error: unknown): DefinitionProblem[] {
  if (!(error instanceof ApiError) || error.status !== 422 || !Array.isArray(error.details)) return [];
  return (error.details as DefinitionProblem[]).filter((d) => d && typeof d.code === 'string' && Array.isArray(d.path));
}

/** The node a problem belongs to: its `node_id`, or the node its path points into. */
export function problemNode(problem: DefinitionProblem, definition: unknown): string | undefined {
  if (problem.node_id) return problem.node_id;
  const [first, index] = problem.path;
  const nodes = (definition as { nodes?: Array<{ id?: unknown }> } | undefined)?.nodes;
  if (first === 'nodes' && typeof index === 'number' && Array.isArray(nodes) && typeof nodes[index]?.id === 'string')
    return nodes[index]!.id as string;
  return undefined;
}
