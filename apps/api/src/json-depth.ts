import type { RequestHandler } from 'express';
import { AppError } from './errors';

/** Deepest nesting of objects and arrays a JSON body may have; deeper ones overflow JSON.stringify downstream. */
export const MAX_JSON_DEPTH = 100;

/** Refuses parsed JSON bodies nested deeper than `maxDepth` with 400 JSON_TOO_DEEP. */
export function limitJsonDepth(maxDepth = MAX_JSON_DEPTH): RequestHandler {
  return (req, _res, next) => {
    if (exceedsDepth(req.body, maxDepth)) {
      return next(new AppError(400, 'JSON_TOO_DEEP', `request body is nested deeper than ${maxDepth} levels`));
    }
    next();
  };
}

/** Walks the value without recursion, so any depth that JSON.parse accepted can be measured. */
export function exceedsDepth(value: unknown, maxDepth: number): boolean {
  const pending: Array<[unknown, number]> = [[value, 1]];
  while (pending.length > 0) {
    const [current, depth] = pending.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth > maxDepth) return true;
    for (const child of Object.values(current)) pending.push([child, depth + 1]);
  }
  return false;
}
