import { z } from 'zod';
import {
  ConditionConfig,
  EdgeDefinition,
  HumanConfig,
  InputConfig,
  LlmConfig,
  NodeConfigByType,
  NodeDefinition,
  NodeId,
  NodeRetry,
  NodeType,
  OutputConfig,
  TransformConfig,
  WorkflowDefinition,
} from './definition';

type Meta = { id?: string; title?: string; description?: string };

const NODE_DESCRIPTIONS: Record<NodeType, string> = {
  input: 'Starts the run; its output is the execution input.',
  llm: 'Calls a language model with a templated prompt; its output is the reply.',
  condition: 'Evaluates an expression; edges whose branch matches are taken, the others skipped.',
  transform: 'Its output is the value of a JSONata expression.',
  output: 'Produces a result of the workflow.',
  human: "Waits for a person's answer (validated against `form`); its output is the answer.",
};

/** The JSON Schema (draft 2020-12) of a workflow definition as users write it, one `oneOf` variant per node type. */
export function definitionJsonSchema(): z.core.JSONSchema.BaseSchema {
  const metadata = z.registry<Meta>();
  describeFields(metadata);
  const variants = NodeType.options.map((type) => nodeVariant(type, metadata));
  const node = z.discriminatedUnion('type', variants as [(typeof variants)[number], ...typeof variants]);
  const definition = WorkflowDefinition.extend({ nodes: z.array(node) });
  metadata.add(definition, {
    title: 'Trellis workflow definition',
    description: 'A workflow graph: typed nodes and the edges between them. See docs/definition.md.',
  });
  return z.toJSONSchema(definition, { target: 'draft-2020-12', io: 'input', metadata });
}

/** NodeDefinition narrowed to one type, with that type's config schema from NodeConfigByType. */
function nodeVariant(type: NodeType, metadata: z.core.$ZodRegistry<Meta>) {
  const config: z.ZodType = NodeConfigByType[type];
  // A config with no required keys may be left out, as NodeDefinition defaults it to {}.
  const variant = NodeDefinition.extend({
    type: z.literal(type),
    config: config.safeParse({}).success ? config.optional() : config,
  });
  metadata.add(config, { id: `${pascalCase(type)}Config`, description: `The config of ${type} nodes.` });
  metadata.add(variant, { id: `${pascalCase(type)}Node`, description: NODE_DESCRIPTIONS[type] });
  return variant;
}

function describeFields(metadata: z.core.$ZodRegistry<Meta>): void {
  const described: Array<[z.ZodType, Meta]> = [
    [NodeId, { id: 'NodeId', description: 'Unique in the definition; edges and expressions refer to nodes by id.' }],
    [NodeRetry, { id: 'NodeRetry', description: 'Retry policy; defaults: 3 attempts, exponential backoff.' }],
    [EdgeDefinition, { id: 'Edge', description: 'The target runs after the source; `branch` only from a condition.' }],
    [NodeDefinition.shape.timeout_ms, { description: 'Time limit of one attempt, in milliseconds.' }],
    [InputConfig.shape.schema, { description: 'JSON Schema the execution input must match.' }],
    [LlmConfig.shape.prompt, { description: 'Prompt template; `{{ expr }}` embeds a JSONata expression.' }],
    [LlmConfig.shape.system, { description: 'System prompt template; `{{ expr }}` embeds a JSONata expression.' }],
    [LlmConfig.shape.messages, { description: 'JSONata expression yielding extra chat turns, e.g. `messages`.' }],
    [ConditionConfig.shape.expression, { description: 'JSONata expression; its truthiness picks the branch taken.' }],
    [TransformConfig.shape.expression, { description: "JSONata expression; its value is the node's output." }],
    [HumanConfig.shape.prompt, { description: 'What the person is asked: a template, rendered when the node is reached.' }],
    [HumanConfig.shape.form, { description: 'JSON Schema the answer must match; without one any JSON value.' }],
    [HumanConfig.shape.timeout_ms, { description: 'How long to wait for the answer, in milliseconds (default 24 h, at most 30 days).' }],
    [OutputConfig.shape.expression, { description: "JSONata expression for the result; default: the node's input." }],
  ];
  for (const [schema, meta] of described) metadata.add(schema, meta);
}

function pascalCase(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
