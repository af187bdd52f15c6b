// The subset of @trellis/definition that workflow code may import: no zod, no jsonata, no I/O.
export * from './graph';
export * from './status';
export type * from './status-change';
export * from './usage';
export * from './human';
export type { ExpressionContext } from './context';
export type { NodeDefinition, EdgeDefinition, WorkflowDefinition, NodeType, NodeRetry, HumanConfig } from './definition';
