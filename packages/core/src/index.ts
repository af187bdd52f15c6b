export * from './definition';
export * from './status';
export * from './usage';
export * from './context';
export * from './graph';
export * from './template';
