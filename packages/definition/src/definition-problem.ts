/** Every code validateDefinition can report; stable, so clients may switch on them. */
export const DEFINITION_PROBLEM_CODES = [
  'INVALID_SHAPE',
  'UNKNOWN_NODE_TYPE',
  'DUPLICATE_NODE_ID',
  'DANGLING_EDGE',
  'CYCLE',
  'INPUT_NODE_COUNT',
  'NO_OUTPUT_NODE',
  'UNREACHABLE_NODE',
  'BRANCH_MISSING',
  'BRANCH_DUPLICATE',
  'BRANCH_NOT_ALLOWED',
  'INPUT_HAS_INCOMING',
  'INVALID_CONFIG',
  'EXPRESSION_SYNTAX',
  'TEMPLATE_SYNTAX',
  'LIMIT_NODES',
  'LIMIT_EDGES',
  'LIMIT_SIZE',
] as const;
export type DefinitionProblemCode = (typeof DEFINITION_PROBLEM_CODES)[number];

/** One thing wrong with a definition; `path` points into the submitted JSON. */
export interface DefinitionProblem {
  code: DefinitionProblemCode;
  message: string;
  path: Array<string | number>;
  /** The node an editor should highlight, when the problem belongs to one. */
  node_id?: string;
  /** Character offset in the expression or template at `path` (syntax problems only). */
  position?: number;
}
