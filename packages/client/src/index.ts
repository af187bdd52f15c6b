export { createTrellisClient, type ClientOptions, type TrellisClient } from './client';
export { TrellisApiError } from './errors';
export { followExecution, type FollowOptions } from './follow';
export * from './types';
