import type { z } from 'zod';
import { EdgeDefinition, NodeDefinition, NodeType, WorkflowDefinition } from './definition';
import type { DefinitionProblem } from './definition-problem';

/** A parsed node or edge with its index in the submitted array, so problems can point back at it. */
export interface Indexed<T> {
  value: T;
  index: number;
}

/** The nodes and edges that passed the shape check, for the structure and config checks to work on. */
export interface ParsedGraph {
  nodes: Array<Indexed<NodeDefinition>>;
  edges: Array<Indexed<EdgeDefinition>>;
  /** Every string node id submitted, parsed or not, so edges to a malformed node are not called dangling. */
  submittedIds: ReadonlySet<string>;
  /**
   * Every submitted node and edge as written, parsed or not (ids and ends that are strings): whole-graph checks
   * (duplicate ids, input and output counts, reachability) see a malformed node too, so it hides none of them.
   */
  submitted: SubmittedGraph;
}

/** The submitted graph read leniently: what ids, types and edge ends say, whatever else is wrong with them. */
export interface SubmittedGraph {
  nodes: Array<{ index: number; id?: string; type?: unknown }>;
  edges: Array<{ index: number; source: string; target: string }>;
}

/** What the shape check found: the definition if it parsed, else problems plus whatever parts could be salvaged. */
export interface ShapeResult {
  definition?: WorkflowDefinition;
  graph?: ParsedGraph;
  problems: DefinitionProblem[];
}

/** Parses with the WorkflowDefinition schema, mapping every zod issue to a problem. */
export function parseShape(raw: unknown): ShapeResult {
  const result = WorkflowDefinition.safeParse(raw);
  if (result.success) {
    const { nodes, edges } = result.data;
    const graph: ParsedGraph = {
      nodes: nodes.map((value, index) => ({ value, index })),
      edges: edges.map((value, index) => ({ value, index })),
      submittedIds: new Set(nodes.map((node) => node.id)),
      submitted: readSubmitted(nodes, edges),
    };
    return { definition: result.data, graph, problems: [] };
  }
  return { graph: salvage(raw), problems: result.error.issues.map((issue) => problemFromIssue(issue, raw)) };
}

/** Keeps the nodes and edges that parse on their own, so one bad node does not hide the rest's problems. */
function salvage(raw: unknown): ParsedGraph | undefined {
  if (!isRecord(raw) || !Array.isArray(raw.nodes)) return undefined;
  const rawEdges: unknown = raw.edges ?? [];
  if (!Array.isArray(rawEdges)) return undefined;
  const nodes = parseEach(raw.nodes, NodeDefinition);
  const edges = parseEach(rawEdges, EdgeDefinition);
  const submittedIds = new Set(raw.nodes.map(rawNodeId).filter((id) => id !== undefined));
  return { nodes, edges, submittedIds, submitted: readSubmitted(raw.nodes, rawEdges) };
}

function readSubmitted(nodes: unknown[], edges: unknown[]): SubmittedGraph {
  return {
    nodes: nodes.map((node, index) => ({ index, id: rawNodeId(node), type: isRecord(node) ? node.type : undefined })),
    edges: edges.flatMap((edge, index) =>
      isRecord(edge) && typeof edge.source === 'string' && typeof edge.target === 'string'
        ? [{ index, source: edge.source, target: edge.target }]
        : [],
    ),
  };
}

function parseEach<S extends z.ZodType>(items: unknown[], schema: S): Array<Indexed<z.output<S>>> {
  const parsed: Array<Indexed<z.output<S>>> = [];
  items.forEach((item, index) => {
    const result = schema.safeParse(item);
    if (result.success) parsed.push({ value: result.data, index });
  });
  return parsed;
}

function problemFromIssue(issue: z.core.$ZodIssue, raw: unknown): DefinitionProblem {
  const path = toPath(issue.path);
  const node = path[0] === 'nodes' && typeof path[1] === 'number' ? nodeAt(raw, path[1]) : undefined;
  const nodeId = rawNodeId(node);
  const isTypeIssue = path.length === 3 && path[2] === 'type' && issue.code === 'invalid_value';
  if (isTypeIssue && isRecord(node) && typeof node.type === 'string') {
    return {
      code: 'UNKNOWN_NODE_TYPE',
      message: `${formatPath(path)}: unknown node type "${node.type}"; expected one of ${NodeType.options.join(', ')}`,
      path,
      node_id: nodeId,
    };
  }
  return { code: 'INVALID_SHAPE', message: `${formatPath(path)}: ${issue.message}`, path, node_id: nodeId };
}

function nodeAt(raw: unknown, index: number): unknown {
  return isRecord(raw) && Array.isArray(raw.nodes) ? raw.nodes[index] : undefined;
}

function rawNodeId(node: unknown): string | undefined {
  return isRecord(node) && typeof node.id === 'string' ? node.id : undefined;
}

/** Zod paths may hold symbols; problem paths are JSON. */
export function toPath(path: readonly PropertyKey[]): Array<string | number> {
  return path.map((key) => (typeof key === 'symbol' ? String(key) : key));
}

/** `['nodes', 2, 'config', 'prompt']` → `nodes[2].config.prompt`; the empty path is `definition`. */
export function formatPath(path: ReadonlyArray<string | number>): string {
  if (path.length === 0) return 'definition';
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? key : `.${key}`)).join('');
}

/** True for plain JSON objects (not arrays or null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
