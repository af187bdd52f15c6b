import type { RequestHandler } from 'express';
import { unauthorized } from '../errors';
import { bearerToken, InvalidTokenError, verifyToken, type JwtSettings } from './jwt';

declare module 'express-serve-static-core' {
  interface Request {
    /** The authenticated user's id (the token's `sub`). */
    userId: string;
  }
}

/** Rejects requests without a valid bearer token with 401; sets req.userId otherwise. */
export function requireUser(settings: JwtSettings): RequestHandler {
  return (req, _res, next) => {
    const token = bearerToken(req.headers.authorization);
    if (!token) return next(unauthorized('missing bearer token'));
    try {
      req.userId = verifyToken(token, settings);
      next();
    } catch (error) {
      next(error instanceof InvalidTokenError ? unauthorized(`invalid token: ${error.message}`) : error);
    }
  };
}
