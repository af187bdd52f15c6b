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
  const key = settings.publicKey ?? settings.secret;
  if (!key) throw new InvalidTokenError('no verification key configured');
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
