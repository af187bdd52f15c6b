export * from './errors';
export * from './types';
export { compileExpression, evaluateExpression, type ExpressionOptions } from './expressions';
export { DEFAULT_EXPRESSION_LIMITS, type ExpressionLimits } from './expression-limits';
export { createInProcessEvaluator, type ExpressionEvaluator } from './expression-evaluator';
export { createExpressionPool, DEFAULT_EXPRESSION_POOL, type ExpressionPool, type ExpressionPoolOptions } from './sandbox/expression-pool';
export { checkOutputSize, DEFAULT_NODE_OUTPUT_MAX_BYTES } from './output-size';
export { renderTemplate } from './template';
export { validateJsonSchema, type SchemaValidation } from './json-schema-check';
export { inputExecutor } from './input';
export { llmExecutor } from './llm';
export { conditionExecutor } from './condition';
export { transformExecutor } from './transform';
export { outputExecutor } from './output';
export { humanExecutor, checkHumanAnswer } from './human';
export { executorFor, executeNode } from './registry';
export type { LlmProvider, LlmProviderRegistry, LlmRequest, LlmResponse } from './llm/provider';
export { createEchoProvider } from './llm/echo';
export { createOpenAiCompatibleProvider, type OpenAiCompatibleOptions } from './llm/openai-compatible';
export { createAnthropicProvider, type AnthropicOptions } from './llm/anthropic';
export {
  createProviderRegistry,
  type ProviderKind,
  type ProviderRegistryConfig,
  type ProviderSettings,
} from './llm/registry';
export { parseProvidersFile, ProvidersFile, ProvidersFileError, ProviderEntry } from './llm/providers-file';
