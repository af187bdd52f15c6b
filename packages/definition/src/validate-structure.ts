import { buildGraph, findCycles, type Graph } from './graph';
import type { DefinitionProblem } from './definition-problem';
import type { ParsedGraph, SubmittedGraph } from './validate-shape';

/** Graph-level checks: ids, edge ends, branches, cycles, the input and output nodes, and reachability. */
export function checkStructure(parsed: ParsedGraph): DefinitionProblem[] {
  const graph = buildGraph({
    nodes: parsed.nodes.map((node) => node.value),
    edges: parsed.edges.map((edge) => edge.value),
  });
  return [
    ...duplicateIds(parsed.submitted),
    ...danglingEdges(parsed),
    ...edgeRules(parsed, graph),
    ...cycles(parsed, graph),
    ...endpointCounts(parsed.submitted),
    ...unreachableNodes(parsed.submitted),
  ];
}

// Duplicates, counts and reachability read the nodes as submitted: a node that failed to parse (an unknown type, a
// bad config) still holds its id, may still be the input or output node, and may be the link that reaches others.

function duplicateIds(submitted: SubmittedGraph): DefinitionProblem[] {
  const seen = new Set<string>();
  const problems: DefinitionProblem[] = [];
  for (const { id, index } of submitted.nodes) {
    if (id === undefined) continue;
    if (seen.has(id)) {
      problems.push({
        code: 'DUPLICATE_NODE_ID',
        message: `node id "${id}" is used by more than one node`,
        path: ['nodes', index, 'id'],
        node_id: id,
      });
    }
    seen.add(id);
  }
  return problems;
}

function danglingEdges(parsed: ParsedGraph): DefinitionProblem[] {
  return parsed.edges.flatMap(({ value: edge, index }) =>
    (['source', 'target'] as const)
      .filter((end) => !parsed.submittedIds.has(edge[end]))
      .map((end): DefinitionProblem => ({
        code: 'DANGLING_EDGE',
        message: `edges[${index}].${end}: there is no node "${edge[end]}"`,
        path: ['edges', index, end],
      })),
  );
}

/** Branch labels belong on (and only on) edges leaving a condition; nothing may enter the input node. */
function edgeRules(parsed: ParsedGraph, graph: Graph): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const seenBranches = new Set<string>();
  for (const { value: edge, index } of parsed.edges) {
    const source = graph.nodes.get(edge.source);
    const target = graph.nodes.get(edge.target);
    if (target?.type === 'input') {
      problems.push({
        code: 'INPUT_HAS_INCOMING',
        message: `edges[${index}]: the input node "${edge.target}" cannot have incoming edges`,
        path: ['edges', index, 'target'],
        node_id: edge.target,
      });
    }
    if (!source) continue;
    if (source.type !== 'condition') {
      if (edge.branch !== undefined) {
        problems.push({
          code: 'BRANCH_NOT_ALLOWED',
          message: `edges[${index}]: only edges leaving a condition have a branch; "${edge.source}" is ${source.type}`,
          path: ['edges', index, 'branch'],
          node_id: edge.source,
        });
      }
    } else if (edge.branch === undefined) {
      problems.push({
        code: 'BRANCH_MISSING',
        message: `edges[${index}]: an edge leaving condition "${edge.source}" needs a branch, "true" or "false"`,
        path: ['edges', index],
        node_id: edge.source,
      });
    } else {
      const key = JSON.stringify([edge.source, edge.branch, edge.target]);
      if (seenBranches.has(key)) {
        problems.push({
          code: 'BRANCH_DUPLICATE',
          message: `edges[${index}]: condition "${edge.source}" has another "${edge.branch}" edge to "${edge.target}"`,
          path: ['edges', index],
          node_id: edge.source,
        });
      }
      seenBranches.add(key);
    }
  }
  return problems;
}

/** One problem per cycle; its path is the first edge inside the cycle. */
function cycles(parsed: ParsedGraph, graph: Graph): DefinitionProblem[] {
  return findCycles(graph).map((members) => {
    const inCycle = new Set(members);
    const edge = parsed.edges.find(({ value }) => inCycle.has(value.source) && inCycle.has(value.target));
    return {
      code: 'CYCLE',
      message: `nodes ${members.map((id) => `"${id}"`).join(', ')} form a cycle; a workflow must be acyclic`,
      path: edge ? ['edges', edge.index] : ['edges'],
      node_id: members[0],
    };
  });
}

function endpointCounts(submitted: SubmittedGraph): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const inputs = submitted.nodes.filter((node) => node.type === 'input').map((node) => node.id ?? `nodes[${node.index}]`);
  if (inputs.length !== 1) {
    const found = inputs.length === 0 ? 'there is none' : `found ${inputs.length}: ${inputs.join(', ')}`;
    problems.push({
      code: 'INPUT_NODE_COUNT',
      message: `a workflow needs exactly one input node; ${found}`,
      path: ['nodes'],
    });
  }
  if (!submitted.nodes.some((node) => node.type === 'output')) {
    problems.push({ code: 'NO_OUTPUT_NODE', message: 'a workflow needs at least one output node', path: ['nodes'] });
  }
  return problems;
}

function unreachableNodes(submitted: SubmittedGraph): DefinitionProblem[] {
  const inputs = submitted.nodes.filter((node) => node.type === 'input');
  if (inputs.length !== 1 || inputs[0]!.id === undefined) return []; // INPUT_NODE_COUNT or the shape check says why
  const inputId = inputs[0]!.id;
  const outgoing = new Map<string, string[]>();
  for (const { source, target } of submitted.edges) {
    const targets = outgoing.get(source) ?? [];
    targets.push(target);
    outgoing.set(source, targets);
  }
  const reached = new Set([inputId]);
  for (const stack = [inputId]; stack.length > 0;) {
    for (const next of outgoing.get(stack.pop()!) ?? []) {
      if (!reached.has(next)) {
        reached.add(next);
        stack.push(next);
      }
    }
  }
  const reported = new Set<string>();
  return submitted.nodes.flatMap(({ id, index }) => {
    if (id === undefined || reached.has(id) || reported.has(id)) return [];
    reported.add(id);
    return [
      {
        code: 'UNREACHABLE_NODE' as const,
        message: `node "${id}" cannot be reached from the input node "${inputId}"`,
        path: ['nodes', index],
        node_id: id,
      },
    ];
  });
}
