export * from './definition';
export * from './status';
export * from './usage';
export * from './context';
export * from './graph';
export * from './template';
export * from './validate';
export * from './json-schema';
