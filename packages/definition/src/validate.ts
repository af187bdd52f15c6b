import type { WorkflowDefinition } from './definition';
import type { DefinitionProblem } from './definition-problem';
import { checkConfigs } from './validate-config';
import { isRecord, parseShape } from './validate-shape';
import { checkStructure } from './validate-structure';

export { DEFINITION_PROBLEM_CODES, type DefinitionProblem, type DefinitionProblemCode } from './definition-problem';
export { findUnstorableText, isStorableText, toStorableText, toStorableValue, UNSTORABLE_TEXT_MESSAGE } from './storable-text';

/** Caps on a definition's size; exceeding one rejects it before the expensive checks run. */
export interface DefinitionLimits {
  maxNodes: number;
  maxEdges: number;
  /** Bytes of `JSON.stringify(definition)`, UTF-8. */
  maxBytes: number;
}

/** The limits used where a caller does not override them. */
export const DEFAULT_DEFINITION_LIMITS: Readonly<DefinitionLimits> = Object.freeze({
  maxNodes: 500,
  maxEdges: 2_000,
  maxBytes: 1024 * 1024,
});

/** The outcome of validateDefinition: the parsed definition, or every problem found. */
export type DefinitionValidation = { ok: true; definition: WorkflowDefinition } | { ok: false; problems: DefinitionProblem[] };

/** Checks a submitted definition, reporting every problem at once; on success returns it parsed, defaults applied. */
export function validateDefinition(raw: unknown, limits: Partial<DefinitionLimits> = {}): DefinitionValidation {
  const overLimit = checkLimits(raw, resolveLimits(limits));
  if (overLimit.length > 0) return { ok: false, problems: overLimit };

  const shape = parseShape(raw);
  const problems = [...shape.problems];
  if (shape.graph) problems.push(...checkStructure(shape.graph), ...checkConfigs(shape.graph.nodes));

  if (problems.length === 0 && shape.definition) return { ok: true, definition: shape.definition };
  return { ok: false, problems };
}

function resolveLimits(limits: Partial<DefinitionLimits>): DefinitionLimits {
  return {
    maxNodes: limits.maxNodes ?? DEFAULT_DEFINITION_LIMITS.maxNodes,
    maxEdges: limits.maxEdges ?? DEFAULT_DEFINITION_LIMITS.maxEdges,
    maxBytes: limits.maxBytes ?? DEFAULT_DEFINITION_LIMITS.maxBytes,
  };
}

/** Cheap checks on the raw value; anything found here stops validation so huge inputs are rejected fast. */
function checkLimits(raw: unknown, limits: DefinitionLimits): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const nodeCount = isRecord(raw) && Array.isArray(raw.nodes) ? raw.nodes.length : 0;
  const edgeCount = isRecord(raw) && Array.isArray(raw.edges) ? raw.edges.length : 0;
  if (nodeCount > limits.maxNodes) {
    problems.push({
      code: 'LIMIT_NODES',
      message: `the definition has ${nodeCount} nodes; the limit is ${limits.maxNodes}`,
      path: ['nodes'],
    });
  }
  if (edgeCount > limits.maxEdges) {
    problems.push({
      code: 'LIMIT_EDGES',
      message: `the definition has ${edgeCount} edges; the limit is ${limits.maxEdges}`,
      path: ['edges'],
    });
  }
  const json = serialize(raw);
  if (json === undefined) {
    problems.push({ code: 'INVALID_SHAPE', message: 'the definition is not JSON-serializable', path: [] });
  } else if (exceedsBytes(json, limits.maxBytes)) {
    problems.push({
      code: 'LIMIT_SIZE',
      message: `the definition is larger than ${limits.maxBytes} bytes of JSON`,
      path: [],
    });
  }
  return problems;
}

function serialize(raw: unknown): string | undefined {
  try {
    return JSON.stringify(raw) ?? '';
  } catch {
    return undefined; // circular structures and BigInts
  }
}

function exceedsBytes(json: string, maxBytes: number): boolean {
  // A UTF-8 encoding is never shorter than the UTF-16 length, so a long string is rejected without encoding it.
  return json.length > maxBytes || new TextEncoder().encode(json).byteLength > maxBytes;
}
