import { z } from 'zod';
import { MAX_HUMAN_WAIT_MS } from './human';

/** The node kinds a workflow graph is built from. */
export const NodeType = z.enum(['input', 'llm', 'condition', 'transform', 'output', 'human']);
export type NodeType = z.infer<typeof NodeType>;

/** Per-node retry policy; defaults apply where omitted (3 attempts, exponential backoff). */
export const NodeRetry = z
  .object({
    max_attempts: z.number().int().min(1).max(20).optional(),
    initial_interval_ms: z.number().int().min(1).max(3_600_000).optional(),
    backoff: z.number().min(1).max(10).optional(),
  })
  .strict();
export type NodeRetry = z.infer<typeof NodeRetry>;

export const InputConfig = z.object({ schema: z.record(z.string(), z.unknown()).optional() }).strict();
export type InputConfig = z.infer<typeof InputConfig>;

export const LlmMessage = z.object({ role: z.enum(['system', 'user', 'assistant']), content: z.string().max(200_000) }).strict();
export type LlmMessage = z.infer<typeof LlmMessage>;

export const LlmConfig = z
  .object({
    provider: z.string().min(1).max(100).optional(),
    model: z.string().min(1).max(200).optional(),
    system: z.string().max(200_000).optional(),
    prompt: z.string().min(1).max(200_000),
    /** A JSONata expression yielding extra chat turns, e.g. `messages` in a test session. */
    messages: z.string().max(10_000).optional(),
    temperature: z.number().min(0).max(2).optional(),
    max_tokens: z.number().int().min(1).max(1_000_000).optional(),
    response_format: z.enum(['text', 'json']).optional(),
    json_schema: z.record(z.string(), z.unknown()).optional(),
    stop: z.array(z.string().max(200)).max(8).optional(),
  })
  .strict();
export type LlmConfig = z.infer<typeof LlmConfig>;

export const ConditionConfig = z.object({ expression: z.string().min(1).max(10_000) }).strict();
export type ConditionConfig = z.infer<typeof ConditionConfig>;

export const TransformConfig = z.object({ expression: z.string().min(1).max(100_000) }).strict();
export type TransformConfig = z.infer<typeof TransformConfig>;

export const OutputConfig = z.object({ expression: z.string().min(1).max(100_000).optional() }).strict();
export type OutputConfig = z.infer<typeof OutputConfig>;

/** A node that waits for a person's answer; the answer becomes its output (docs/definition.md). */
export const HumanConfig = z
  .object({
    /** A template rendered when the node is reached: what the person is asked. */
    prompt: z.string().min(1).max(100_000),
    /** A JSON Schema the answer must match; without one any JSON value is accepted. */
    form: z.record(z.string(), z.unknown()).optional(),
    /** User ids allowed to answer besides the run's owner; default: the owner only. */
    assignees: z.array(z.string().min(1).max(200)).max(50).optional(),
    timeout_ms: z.number().int().min(100).max(MAX_HUMAN_WAIT_MS).optional(),
    on_timeout: z.enum(['fail', 'continue']).optional(),
    /** The output when the wait times out with `on_timeout: "continue"` (default null). */
    default_answer: z.unknown().optional(),
  })
  .strict()
  .refine((config) => config.default_answer === undefined || config.on_timeout === 'continue', {
    message: 'default_answer needs on_timeout "continue"',
    path: ['default_answer'],
  });
export type HumanConfig = z.infer<typeof HumanConfig>;

/** Config schema for each node type; validation picks one by `type`. */
export const NodeConfigByType = {
  input: InputConfig,
  llm: LlmConfig,
  condition: ConditionConfig,
  transform: TransformConfig,
  output: OutputConfig,
  human: HumanConfig,
} as const satisfies Record<NodeType, z.ZodType>;

export const NodeId = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z_][A-Za-z0-9_-]*$/, 'node ids start with a letter or _ and use letters, digits, _ and -')
  // Ids become keys of `nodes` in the expression context: keep prototype names out.
  .refine((id) => !['__proto__', 'constructor', 'prototype'].includes(id), 'node id is a reserved name');

/** A node as authored; `config` is checked against NodeConfigByType[type] by validateDefinition. */
export const NodeDefinition = z
  .object({
    id: NodeId,
    type: NodeType,
    name: z.string().max(200).optional(),
    config: z.record(z.string(), z.unknown()).default({}),
    retry: NodeRetry.optional(),
    timeout_ms: z.number().int().min(1).max(86_400_000).optional(),
    /**
     * How the node runs in Temporal. `local` (the default for every type but llm): a local activity in the
     * workflow's own worker, no task-queue round trip, shown as a marker in the Temporal UI. `regular`: an
     * activity task of its own, dispatched through the task queue. LLM nodes are always regular.
     */
    activity: z.enum(['local', 'regular']).optional(),
  })
  .strict();
export type NodeDefinition = z.infer<typeof NodeDefinition>;

export const EdgeDefinition = z
  .object({
    source: z.string().min(1).max(100),
    target: z.string().min(1).max(100),
    branch: z.enum(['true', 'false']).optional(),
  })
  .strict();
export type EdgeDefinition = z.infer<typeof EdgeDefinition>;

/** A workflow graph: seed 003's `{nodes, edges}`. */
export const WorkflowDefinition = z
  .object({
    nodes: z.array(NodeDefinition),
    edges: z.array(EdgeDefinition).default([]),
  })
  .strict();
export type WorkflowDefinition = z.infer<typeof WorkflowDefinition>;
