import jsonata from 'jsonata';
import { NodeConfigByType, type NodeDefinition, type NodeType } from './definition';
import { unsupportedRegexes } from './regex-problems';
import { parseTemplate, TemplateSyntaxError } from './template';
import type { DefinitionProblem } from './definition-problem';
import { jsonSchemaFlaws } from './validate-json-schema';
import { formatPath, type Indexed, isRecord, toPath } from './validate-shape';

type FieldKind = 'expression' | 'template' | 'json_schema';

/** Config fields whose string content has its own syntax, per node type. */
const CHECKED_FIELDS: Record<NodeType, Record<string, FieldKind>> = {
  input: { schema: 'json_schema' },
  llm: { system: 'template', prompt: 'template', messages: 'expression', json_schema: 'json_schema' },
  condition: { expression: 'expression' },
  transform: { expression: 'expression' },
  output: { expression: 'expression' },
  human: { prompt: 'template', form: 'json_schema' },
};

/** A problem found inside one field; the caller adds where the field is. */
type FieldProblem = Pick<DefinitionProblem, 'code' | 'message' | 'position'> & { subpath?: Array<string | number> };

const FIELD_CHECKS: Record<FieldKind, (value: unknown) => FieldProblem[]> = {
  expression: checkExpression,
  template: checkTemplate,
  json_schema: checkJsonSchema,
};

/** Per-node checks: config against NodeConfigByType[type], then JSONata expressions, templates and JSON Schemas. */
export function checkConfigs(nodes: Array<Indexed<NodeDefinition>>): DefinitionProblem[] {
  return nodes.flatMap(({ value: node, index }) => [
    ...configShape(node, index),
    ...configFields(node, index),
    ...activityKind(node, index),
  ]);
}

/** LLM calls are long and heartbeat: they cannot be local activities. */
function activityKind(node: NodeDefinition, index: number): DefinitionProblem[] {
  if (node.type !== 'llm' || node.activity !== 'local') return [];
  const path = ['nodes', index, 'activity'];
  return [{ code: 'INVALID_CONFIG', message: `${formatPath(path)}: llm nodes run as regular activities`, path, node_id: node.id }];
}

function configShape(node: NodeDefinition, index: number): DefinitionProblem[] {
  const result = NodeConfigByType[node.type].safeParse(node.config);
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const path = ['nodes', index, 'config', ...toPath(issue.path)];
    return { code: 'INVALID_CONFIG', message: `${formatPath(path)}: ${issue.message}`, path, node_id: node.id };
  });
}

/** Fields of the wrong type are left to configShape; these checks only read strings and objects. */
function configFields(node: NodeDefinition, index: number): DefinitionProblem[] {
  return Object.entries(CHECKED_FIELDS[node.type]).flatMap(([field, kind]) => {
    const value = node.config[field];
    if (value === undefined) return [];
    return FIELD_CHECKS[kind](value).map(({ code, message, position, subpath = [] }): DefinitionProblem => {
      const path = ['nodes', index, 'config', field, ...subpath];
      const problem = { code, message: `${formatPath(path)}: ${message}`, path, node_id: node.id };
      return position === undefined ? problem : { ...problem, position };
    });
  });
}

function checkExpression(value: unknown): FieldProblem[] {
  return typeof value === 'string' ? jsonataProblems(value, 0, '') : [];
}

function checkTemplate(value: unknown): FieldProblem[] {
  if (typeof value !== 'string') return [];
  let segments;
  try {
    segments = parseTemplate(value);
  } catch (error) {
    if (!(error instanceof TemplateSyntaxError)) throw error;
    return [{ code: 'TEMPLATE_SYNTAX', message: error.message, position: error.offset }];
  }
  return segments.flatMap((segment) => {
    if (segment.kind !== 'expr') return [];
    const start = value.indexOf(segment.source, segment.offset); // the segment's source is trimmed
    return jsonataProblems(segment.source, start, ' in {{ }}');
  });
}

/** `offset` is where `source` starts in the field, so positions count from the field's start. */
function jsonataProblems(source: string, offset: number, where: string): FieldProblem[] {
  try {
    return unsupportedRegexes(jsonata(source).ast()).map(({ message, position }) => ({
      code: 'EXPRESSION_SYNTAX',
      message: `${message}${where}`,
      position: position === undefined ? undefined : offset + position,
    }));
  } catch (error) {
    const { message, position } = (error ?? {}) as { message?: unknown; position?: unknown };
    const at = typeof position === 'number' ? offset + position : undefined;
    const reason = typeof message === 'string' ? message : String(error);
    return [
      {
        code: 'EXPRESSION_SYNTAX',
        message: `JSONata syntax error${where}${at === undefined ? '' : ` at ${at}`}: ${reason}`,
        position: at,
      },
    ];
  }
}

function checkJsonSchema(value: unknown): FieldProblem[] {
  if (!isRecord(value)) return []; // configShape reports the wrong type
  return jsonSchemaFlaws(value).map(({ path, reason }) => ({
    code: 'INVALID_CONFIG',
    message: `not a usable JSON Schema: ${reason}`,
    subpath: path,
  }));
}
