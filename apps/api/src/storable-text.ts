import type { RequestHandler } from 'express';
import { findUnstorableText, isStorableText, UNSTORABLE_TEXT_MESSAGE } from '@trellis/definition';
import { AppError } from './errors';

/** Thrown when a request carries text Postgres cannot store (NUL, unpaired surrogates); details name where. */
export const invalidCharacter = (where: string) =>
  new AppError(422, 'INVALID_CHARACTER', `request ${UNSTORABLE_TEXT_MESSAGE}`, [{ path: where, message: UNSTORABLE_TEXT_MESSAGE }]);

/**
 * Refuses a request whose path, query or JSON body holds text Postgres cannot store, before any route reads it:
 * one answer (422 INVALID_CHARACTER) instead of a database error halfway through.
 */
export function refuseUnstorableText(): RequestHandler {
  return (req, _res, next) => {
    if (!isStorableText(decodedPath(req.path))) return next(invalidCharacter('path'));
    const inQuery = findUnstorableText(req.query);
    if (inQuery !== undefined) return next(invalidCharacter(inQuery ? `query.${inQuery}` : 'query'));
    const inBody = findUnstorableText(req.body);
    if (inBody !== undefined) return next(invalidCharacter(inBody ? `body.${inBody}` : 'body'));
    next();
  };
}

function decodedPath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path; // malformed escapes: the router answers them
  }
}
