export * from './definition';
export * from './status';
export type * from './status-change';
export * from './usage';
export * from './human';
export * from './context';
export * from './graph';
export * from './template';
export * from './validate';
export * from './json-schema';
export {
  compileJsonSchema,
  type CompiledJsonSchema,
  type JsonSchemaCompilation,
  type JsonSchemaError,
  type JsonSchemaFlaw,
} from './json-schema-compiler';
