export * from './client';
export * from './schema';
export * from './queries';
export * from './unavailable';
export * from './data-errors';
